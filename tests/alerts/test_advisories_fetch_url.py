"""`embassies advisories fetch [URL]` over real HTTP, against a local server."""

from __future__ import annotations

from contextlib import AbstractContextManager
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.alerts.advisories import sources
from embassies.alerts.models import Advisory
from tests.alerts.documents import FIRST, SECOND, api_json, rss
from tests.localserver import Reply, allowed_server

pytestmark = pytest.mark.django_db

Served = AbstractContextManager[tuple[str, list[dict[str, object]]]]


def fetch(*args: str) -> str:
    out = StringIO()
    call_command("advisories", "fetch", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def serve(routes: dict[str, Reply]) -> Served:
    """Answers each path from `routes`, anything else with 404."""

    def handler(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        return routes.get(path, (404, {}, b"not found"))

    return allowed_server(handler)


def test_from_a_url(fast_retries: None) -> None:
    feed = (200, {"Content-Type": "application/rss+xml"}, rss(SECOND))
    with serve({"/feed.xml": feed}) as (base, seen):
        out = fetch(f"{base}/feed.xml")
    assert dict(Advisory.objects.values_list("country_id", "level")) == {"RU": 3, "CI": 4, "MM": 4}
    assert f"from {base}/feed.xml" in out
    assert "Embassies/" in str(seen[0]["headers"]["User-Agent"])  # type: ignore[index]


def test_live_sources_fall_back_from_rss_to_the_json_api(settings: Any, fast_retries: None) -> None:
    with serve({"/api/TravelAdvisories": (200, {}, api_json(FIRST))}) as (base, seen):
        settings.US_ADVISORIES_URL = f"{base}/_res/rss/TAsTWs.xml"  # answers 404
        settings.US_ADVISORIES_API_URL = f"{base}/api/TravelAdvisories"
        settings.ADVISORY_ISSUERS = ["US"]
        out = fetch()
    assert [r["path"] for r in seen] == ["/_res/rss/TAsTWs.xml", "/api/TravelAdvisories"]
    assert f"from {base}/api/TravelAdvisories" in out
    assert Advisory.objects.filter(country_id="RU", level=4).exists()


def test_every_live_source_failing_changes_nothing(settings: Any, fast_retries: None) -> None:
    with serve({"/api": (200, {}, b"[]")}) as (base, _):
        settings.US_ADVISORIES_URL = f"{base}/rss"
        settings.US_ADVISORIES_API_URL = f"{base}/api"
        settings.ADVISORY_ISSUERS = ["US"]
        with pytest.raises(CommandError, match="no live source answered") as error:
            fetch()
    assert "HTTP 404" in str(error.value) and "no advisories in the answer" in str(error.value)
    assert not Advisory.objects.exists()


def test_an_oversized_answer_is_refused(
    fast_retries: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 2048)
    with (
        serve({"/feed.xml": (200, {}, rss(FIRST))}) as (base, _),
        pytest.raises(CommandError, match="larger than 2048 bytes"),
    ):
        fetch(f"{base}/feed.xml")
    assert not Advisory.objects.exists()
