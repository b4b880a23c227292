"""`embassies sync osm` against a local server answering like the Overpass API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.directory.models import FieldConflict, ImportRun, Mission
from tests.directory.osm_answers import MOSCOW_ANSWER, moscow_missions
from tests.localserver import Reply, local_server

pytestmark = pytest.mark.django_db


def overpass(data: dict[str, Any]) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        return 200, {"Content-Type": "application/json"}, json.dumps(data).encode()

    return handler


@pytest.fixture
def endpoint(settings: Any, fast_retries: None) -> Iterator[list[dict[str, Any]]]:
    with local_server(overpass(MOSCOW_ANSWER)) as (url, seen):
        settings.OVERPASS_URL = url + "/api/interpreter"
        yield seen


def test_sync_fills_what_wikidata_lacks_and_records_the_element(
    endpoint: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    missions = moscow_missions()
    call_command("sync", "osm")
    canada = Mission.objects.get(pk=missions["CA"].pk)
    assert canada.osm_id == "way/1001"  # a building: its `center` placed it
    assert canada.address == "Starokonyushenny pereulok 23, 119002 Moscow"
    assert canada.phones == ["+7 495 925-60-00", "+7 495 925-60-25"]  # contact:phone, split on ;
    assert canada.emails == ["mosco@international.gc.ca"]
    assert canada.opening_hours == "Mo-Fr 08:30-13:00,14:00-17:00; PH off"
    # Wikidata's website stays; OSM's differing one is only counted in the summary.
    assert canada.website == "https://www.canadainternational.gc.ca/russia-russie/"
    assert canada.sources["website"] == "wikidata"
    for field in ("address", "phones", "emails", "opening_hours"):
        assert canada.sources[field] == "osm"
    germany = Mission.objects.get(pk=missions["DE"].pk)
    assert (germany.osm_id, germany.website) == ("node/2002", "https://germania.diplo.de/ru-de")
    out = capsys.readouterr().out
    assert "OSM values that differ from Wikidata's (Wikidata's kept): website 1" in out
    assert "matched 3 (filled 3, unchanged 0)" in out


def test_the_query_asks_for_offices_and_legacy_embassies_with_centres(
    endpoint: list[dict[str, Any]],
) -> None:
    moscow_missions()
    call_command("sync", "osm", "--only", "ca", "DE")
    assert len(endpoint) == 1 and endpoint[0]["method"] == "POST"
    text = endpoint[0]["query"]["data"][0]
    assert 'nwr["office"="diplomatic"]["country"="CA"];' in text
    assert 'nwr["amenity"="embassy"]["country"="DE"];' in text
    assert "out center tags;" in text and "[out:json]" in text
    assert "Embassies" in endpoint[0]["headers"]["User-Agent"]


def test_elements_that_match_nothing_are_reported_with_their_reason(
    endpoint: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    missions = moscow_missions()
    call_command("sync", "osm")
    run = ImportRun.objects.get(source="osm")
    reasons = {r["osm_id"]: r["reason"] for r in run.rejections}
    assert reasons == {
        "node/3004": "no country tag, and the name does not tell the sending state",
        # Its target says Russia, its place Helsinki: Canada's embassy there is not it.
        "node/4004": "no mission of CA in RU (embassy) within 10 km",
        "node/5005": "not a diplomatic office",
        "node/5006": "not a mission (embassy=residence)",
        "way/6006": "no mission of CA in RU (consulate_general) within 10 km",
    }
    # The French embassy has no `country` tag: its name says France.
    assert Mission.objects.get(pk=missions["FR"].pk).osm_id == "node/3003"
    assert Mission.objects.get(pk=missions["CA-FI"].pk).osm_id is None
    assert Mission.objects.count() == len(missions)  # OSM never adds a mission
    assert "unmatched     2: no mission of XX in XX within N km" in capsys.readouterr().out


def test_malformed_opening_hours_are_kept_as_text_and_reported(
    endpoint: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    missions = moscow_missions()
    call_command("sync", "osm")
    assert Mission.objects.get(pk=missions["DE"].pk).opening_hours == "Mo-Fr 9-17 Uhr"
    out = capsys.readouterr().out
    assert "node/2002: opening_hours 'Mo-Fr 9-17 Uhr' kept as text" in out
    assert "malformed opening hours 1" in out
    assert ImportRun.objects.get(source="osm").repaired == 1


def test_transient_errors_are_retried(settings: Any, fast_retries: None) -> None:
    moscow_missions()
    answers = iter([(429, {"Retry-After": "0"}), (504, {})])
    ok = overpass(MOSCOW_ANSWER)

    def flaky(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        status, headers = next(answers, (200, {}))
        return ok(method, path, query, body) if status == 200 else (status, headers, b"busy")

    with local_server(flaky) as (url, seen):
        settings.OVERPASS_URL = url
        call_command("sync", "osm")
    assert len(seen) == 3
    assert Mission.objects.filter(osm_id="way/1001").exists()


def test_overpass_failing_for_good_changes_nothing(settings: Any, fast_retries: None) -> None:
    moscow_missions()
    with local_server(lambda *args: (504, {}, b"Gateway Timeout")) as (url, seen):
        settings.OVERPASS_URL = url
        with pytest.raises(CommandError, match="nothing was changed"):
            call_command("sync", "osm")
    assert len(seen) == 3
    assert not Mission.objects.filter(osm_id__isnull=False).exists()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>rate limited</html>", "not JSON"),
        (
            json.dumps({"elements": [], "remark": "runtime error: Query timed out"}).encode(),
            "reported an error",
        ),
    ],
    ids=["html", "timeout-remark"],
)
def test_an_answer_that_is_not_a_complete_result_changes_nothing(
    settings: Any, fast_retries: None, body: bytes, message: str
) -> None:
    moscow_missions()
    with local_server(lambda *args: (200, {}, body)) as (url, _):
        settings.OVERPASS_URL = url
        with pytest.raises(CommandError, match=message):
            call_command("sync", "osm")
    assert not ImportRun.objects.exists() and not FieldConflict.objects.exists()


def test_only_takes_country_codes(endpoint: list[dict[str, Any]]) -> None:
    with pytest.raises(CommandError, match='alpha-2 codes, not CA"];OUT;'):
        call_command("sync", "osm", "--only", 'ca"];out;')
    assert endpoint == []
