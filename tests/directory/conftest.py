"""Fixtures shared by the directory's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from embassies.directory.models import Mission
from tests.corrections.builders import CANADA_MOSCOW, import_rows


@pytest.fixture
def canada(tmp_path: Path) -> Mission:
    """Canada's embassy in Moscow, imported from its row of the Wikidata snapshot."""
    import_rows(tmp_path, [CANADA_MOSCOW], "first.csv")
    return Mission.objects.get(wikidata="Q4374011")
