"""Live advisory sources are asked with the validators of their last answer (conditional GET),
saved only with advisories that were stored."""

from __future__ import annotations

from datetime import UTC, datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.dateformat import format as date_format

from embassies.alerts.models import Advisory, AdvisorySource
from tests.alerts.issuer_documents import Destination, canada_index
from tests.localserver import Reply, allowed_server

pytestmark = pytest.mark.django_db

PATH = "/travel-voyage/index-updated.json"
ETAG = '"v1"'
MODIFIED = "Thu, 24 Sep 2026 12:53:35 GMT"
INDEX = canada_index([Destination("AF", "Afghanistan", 3), Destination("JP", "Japan", 0)])


def fetch(*args: str) -> str:
    out = StringIO()
    call_command("advisories", "fetch", *args, "--issuer", "CA", stdout=out, stderr=StringIO())
    return out.getvalue()


def _sent(seen: list[dict[str, object]], index: int, header: str) -> object:
    headers: Any = seen[index]["headers"]
    return headers.get(header)


def test_the_second_fetch_asks_with_the_first_answers_validators(
    settings: Any, fast_retries: None
) -> None:
    def handler(method: str, path: str, query: object, payload: bytes) -> Reply:
        return (200, {"ETag": ETAG, "Last-Modified": MODIFIED}, INDEX)

    with allowed_server(handler) as (base, seen):
        settings.CA_ADVISORIES_URL = base + PATH
        fetch()
        fetch()
    assert _sent(seen, 0, "If-None-Match") is None
    assert _sent(seen, 1, "If-None-Match") == ETAG
    assert _sent(seen, 1, "If-Modified-Since") == MODIFIED


def test_an_answer_304_keeps_the_stored_advice_and_says_so(
    settings: Any, fast_retries: None
) -> None:
    def handler(method: str, path: str, query: object, payload: bytes) -> Reply:
        headers: Any = seen[-1]["headers"]
        if headers.get("If-None-Match") == ETAG:
            return (304, {"ETag": ETAG}, b"")
        return (200, {"ETag": ETAG}, INDEX)

    with allowed_server(handler) as (base, seen):
        settings.CA_ADVISORIES_URL = base + PATH
        fetch()
        checked = AdvisorySource.objects.get(url=base + PATH).checked_at
        out = fetch()
    assert "not modified since the last fetch (304); unchanged 2" in out
    assert dict(Advisory.objects.values_list("country_id", "level")) == {"AF": 4, "JP": 1}
    assert AdvisorySource.objects.get(url=base + PATH).checked_at > checked


def test_a_refused_answer_leaves_no_validators_to_be_answered_304_with(
    settings: Any, fast_retries: None
) -> None:
    bodies = [b"{not json", INDEX]

    def handler(method: str, path: str, query: object, payload: bytes) -> Reply:
        return (200, {"ETag": ETAG}, bodies.pop(0))

    with allowed_server(handler) as (base, seen):
        settings.CA_ADVISORIES_URL = base + PATH
        with pytest.raises(CommandError, match="not valid JSON"):
            fetch()
        fetch()
    assert _sent(seen, 1, "If-None-Match") is None
    assert Advisory.objects.filter(issuer="CA").count() == 2


def test_a_file_imported_by_hand_makes_the_next_live_fetch_read_the_source_whole(
    settings: Any, fast_retries: None, tmp_path: Any
) -> None:
    saved = tmp_path / "index-updated.json"
    saved.write_bytes(canada_index([Destination("AF", "Afghanistan", 1)]))

    def handler(method: str, path: str, query: object, payload: bytes) -> Reply:
        return (200, {"ETag": ETAG}, INDEX)

    with allowed_server(handler) as (base, seen):
        settings.CA_ADVISORIES_URL = base + PATH
        fetch()
        fetch(str(saved))
        fetch()
    assert _sent(seen, 1, "If-None-Match") is None
    assert Advisory.objects.get(issuer="CA", country_id="AF").level == 4


def test_the_table_says_when_each_issuers_advice_was_last_read(
    settings: Any, fast_retries: None, client: Any
) -> None:
    def handler(method: str, path: str, query: object, payload: bytes) -> Reply:
        return (304, {}, b"") if len(seen) > 1 else (200, {"ETag": ETAG}, INDEX)

    with allowed_server(handler) as (base, seen):
        settings.CA_ADVISORIES_URL = base + PATH
        fetch()
        AdvisorySource.objects.update(checked_at=datetime(2026, 3, 1, tzinfo=UTC))
        Advisory.objects.update(updated_at=datetime(2026, 2, 1, tzinfo=UTC))
        assert "last read here on 1 March 2026" in client.get("/countries/japan/").content.decode()
        fetch()  # answered 304: the source was read again today
    today = date_format(timezone.now(), "j F Y")
    assert f"last read here on {today}" in client.get("/countries/japan/").content.decode()
