"""Test-wide settings: a cheap password hasher, plain static storage, the shipped snapshot."""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from email.message import Message
from functools import cache
from pathlib import Path
from typing import TextIO

import pytest
from django.conf import settings
from django.utils.datastructures import CaseInsensitiveMapping

from embassies.bundled import snapshot

# The Wikidata snapshot the package ships (gzip): tests need nothing beside the clone.
SNAPSHOT = snapshot()


def open_snapshot() -> TextIO:
    """The shipped snapshot as text, uncompressed (for csv readers)."""
    return gzip.open(SNAPSHOT, "rt", encoding="utf-8", newline="")


@cache
def snapshot_lines() -> tuple[str, ...]:
    """The shipped snapshot's lines, header first, uncompressed."""
    return tuple(gzip.decompress(SNAPSHOT.read_bytes()).decode("utf-8").splitlines())


def pytest_configure(config: pytest.Config) -> None:
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def fast_retries(settings: object) -> None:
    """Outgoing HTTP retries without waiting."""
    settings.HTTP_BACKOFF_FACTOR = 0.0  # type: ignore[attr-defined]
    settings.HTTP_RETRIES = 2  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def imported_snapshot(django_db_setup: None, django_db_blocker: object) -> Iterator[object]:
    """The real snapshot imported once per test module (committed), removed afterwards."""
    from embassies.directory.importing.apply import apply
    from embassies.directory.importing.prepare import prepare
    from embassies.directory.importing.wikidata_csv import read_rows
    from embassies.directory.models import FieldConflict, ImportRun, Mission

    assert SNAPSHOT.is_file(), f"the shipped snapshot is missing: {SNAPSHOT}"
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        run = apply(prepare(read_rows(SNAPSHOT)), "wikidata", str(SNAPSHOT))
        yield run
        FieldConflict.objects.all().delete()
        Mission.objects.all().delete()
        Mission.history.model.objects.all().delete()  # the import's versions, and the deletions
        ImportRun.objects.all().delete()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a page request in French leaves French active
    in this thread (LocaleMiddleware activates it), and reverse() would then prefix /fr/."""
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters and cached pages must not leak from one test into the next: the
    shared caches, and what this process keeps of them (copies of pages, generation numbers)."""
    from django.core.cache import cache, caches

    from embassies.lib.generations import recent
    from embassies.web.pagecache.copies import forget_kept

    cache.clear()
    caches["generations"].clear()
    recent.forget()
    forget_kept()


@pytest.fixture(autouse=True)
def _changes_at_once(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test's own transaction is rolled back, never committed, so what waits for a commit
    never runs in it: changes are announced at once instead, one announcement per change.
    Tests with transaction=True (and `batched_changes`) keep the real behaviour: one
    announcement per transaction, after its commit."""
    from embassies.lib import changes

    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or "batched_changes" in request.fixturenames:
        return
    monkeypatch.setattr(changes, "on_commit", lambda func, using=None: func())


@pytest.fixture
def batched_changes() -> None:
    """Changes announced once per transaction, as outside tests: the test runs the commit's
    callbacks itself (django_capture_on_commit_callbacks(execute=True))."""


def unreachable_cache(backend: str) -> dict[str, dict[str, str]]:
    """A CACHES setting whose Redis server is a port nothing listens on: a cache outage
    (the page-cache generation numbers stay where they are)."""
    from tests.helpers import free_port

    unreachable = {"BACKEND": backend, "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
    return {**settings.CACHES, "default": unreachable}


def received_headers(received: Message) -> Mapping[str, str]:
    """An HTTP answer's headers, looked up in any case as HTTP allows (the server sends its
    names in lower case)."""
    return CaseInsensitiveMapping(dict(received.items()))
