"""Test-wide settings: a cheap password hasher, plain static storage, the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SNAPSHOT = SHARED / "data" / "wikidata-missions-2022-11.csv"


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
