"""`embassies advisories fetch --issuer GB` against a local server in GOV.UK's Content API
shapes: the index, then a document for each country whose advice changed."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.alerts.advisories.issuers import gb_live
from embassies.alerts.models import Advisory, Alert, Source
from tests.alerts.gb_documents import (
    ALL_WHOLE,
    ESSENTIAL_WHOLE,
    FRANCE,
    HAITI,
    INDEX_PATH,
    MEXICO,
    NARNIA,
    UKRAINE,
    gov_uk,
    index,
    page,
    paths,
    routes_for,
    stored,
)
from tests.localserver import Reply, allowed_server

pytestmark = pytest.mark.django_db

FIRST = [HAITI, MEXICO, UKRAINE, FRANCE, NARNIA]
LATER = "2026-10-02T08:30:00Z"


def fetch_gb(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("advisories", "fetch", *args, "--issuer", "GB", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def crisis_open(code: str) -> bool:
    alerts = Alert.objects.filter(country_id=code, source=Source.ADVISORY, ends_at__isnull=True)
    return alerts.exists()


def test_each_country_comes_from_its_document_and_an_unknown_one_is_reported(
    settings: Any, fast_retries: None
) -> None:
    with gov_uk(settings, routes_for(FIRST)) as seen:
        out, err = fetch_gb()
    assert stored() == {"HT": (4, False), "MX": (2, True), "UA": (2, True), "FR": (1, False)}
    assert "unresolved, not imported: Narnia travel advice" in err
    assert f"{INDEX_PATH}/narnia" not in paths(seen)
    assert "read 5, added 4" in out
    haiti = Advisory.objects.get(issuer="GB", country_id="HT")
    assert haiti.issuer_level == "FCDO advises against all travel to the whole country"
    assert haiti.published == datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    assert haiti.link == "https://www.gov.uk/foreign-travel-advice/haiti"
    assert crisis_open("HT")
    # Advice against travel to parts of Ukraine is no "do not travel" to the whole of it.
    assert not crisis_open("UA")


def test_a_country_the_index_shows_unchanged_is_not_fetched_again(
    settings: Any, fast_retries: None
) -> None:
    with gov_uk(settings, routes_for(FIRST)) as seen:
        fetch_gb()
        seen.clear()
        out, _ = fetch_gb()
    assert paths(seen) == [INDEX_PATH]
    assert "added 0, updated 0, unchanged 4" in out


def test_a_level_change_is_fetched_alone_and_ends_the_crisis_banner(
    settings: Any, fast_retries: None
) -> None:
    routes = routes_for(FIRST)
    with gov_uk(settings, routes) as seen:
        fetch_gb()
        calmer = replace(HAITI, statuses=(ESSENTIAL_WHOLE,), published=LATER)
        routes.update(routes_for([calmer]))
        routes[INDEX_PATH] = (200, {}, index([calmer, MEXICO, UKRAINE, FRANCE, NARNIA]))
        seen.clear()
        out, _ = fetch_gb()
    assert paths(seen) == [INDEX_PATH, f"{INDEX_PATH}/haiti"]
    # Asked conditionally, with the date of the advice stored.
    headers = seen[1]["headers"]
    assert isinstance(headers, dict)
    assert headers["If-Modified-Since"] == "Tue, 01 Sep 2026 09:00:00 GMT"
    assert stored()["HT"] == (3, False)
    assert not crisis_open("HT")
    assert "updated 1, unchanged 3" in out and "ended 1 HT" in out


def test_an_answer_304_keeps_the_stored_advice(settings: Any, fast_retries: None) -> None:
    routes = routes_for(FIRST)
    with gov_uk(settings, routes):
        fetch_gb()
        routes[INDEX_PATH] = (200, {}, index([replace(HAITI, published=LATER), MEXICO]))
        routes[f"{INDEX_PATH}/haiti"] = (304, {}, b"")
        out, _ = fetch_gb()
    assert stored()["HT"] == (4, False)
    assert "unchanged 2" in out


def test_a_malformed_country_document_changes_nothing(settings: Any, fast_retries: None) -> None:
    routes = routes_for(FIRST)
    with gov_uk(settings, routes):
        fetch_gb()
        worse = replace(MEXICO, statuses=(ALL_WHOLE,), published=LATER)
        routes.update(routes_for([worse]))
        routes[f"{INDEX_PATH}/haiti"] = (200, {}, b'{"details": {"alert_status": [')
        changed = [worse, replace(HAITI, published=LATER), UKRAINE, FRANCE]
        routes[INDEX_PATH] = (200, {}, index(changed))
        with pytest.raises(CommandError, match="haiti: not valid JSON"):
            fetch_gb()
    # Mexico's valid change, read before Haiti's broken document, is not stored either.
    assert stored() == {"HT": (4, False), "MX": (2, True), "UA": (2, True), "FR": (1, False)}


def test_an_unknown_alert_status_refuses_the_run(settings: Any, fast_retries: None) -> None:
    odd = replace(HAITI, statuses=("avoid_all_travel_to_the_moon",))
    with (
        gov_uk(settings, routes_for([odd, FRANCE])),
        pytest.raises(CommandError, match="unknown status avoid_all_travel_to_the_moon"),
    ):
        fetch_gb()
    assert not Advisory.objects.exists()


def test_a_document_about_another_country_than_asked_is_refused(
    settings: Any, fast_retries: None
) -> None:
    routes = routes_for([HAITI, FRANCE])
    routes[f"{INDEX_PATH}/france"] = (200, {}, page(HAITI))
    with gov_uk(settings, routes), pytest.raises(CommandError, match="about 'haiti', refused"):
        fetch_gb()
    assert not Advisory.objects.exists()


def test_an_oversized_country_document_is_refused(
    settings: Any, fast_retries: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gb_live, "DOCUMENT_MAX_BYTES", 300)
    with (
        gov_uk(settings, routes_for([HAITI])),
        pytest.raises(CommandError, match="larger than 300 bytes"),
    ):
        fetch_gb()
    assert not Advisory.objects.exists()


def test_a_slow_country_document_is_cut_off(
    settings: Any, fast_retries: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gb_live, "DOCUMENT_SECONDS", 0.3)
    routes = routes_for([HAITI])

    def slowly(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        if path.endswith("/haiti"):
            time.sleep(1.0)
        return routes[path]

    with allowed_server(slowly) as (base, _):
        settings.GB_ADVISORIES_URL = base + INDEX_PATH
        with pytest.raises(CommandError, match=r"took longer than 0\.3 s"):
            fetch_gb()
    assert not Advisory.objects.exists()


def test_an_index_that_is_not_json_changes_nothing(settings: Any, fast_retries: None) -> None:
    routes = routes_for(FIRST)
    with gov_uk(settings, routes):
        fetch_gb()
        routes[INDEX_PATH] = (200, {}, b"<html>Service unavailable</html>")
        with pytest.raises(CommandError, match="not valid JSON"):
            fetch_gb()
    assert len(stored()) == 4
