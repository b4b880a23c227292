"""`embassies sync wikidata` against a local server that answers like the Wikidata SPARQL endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.directory.models import ImportRun, Mission, Status
from tests.localserver import Reply, local_server

pytestmark = pytest.mark.django_db

E = "http://www.wikidata.org/entity/"


def uri(value: str) -> dict[str, str]:
    return {"type": "uri", "value": value}


def literal(value: str, datatype: str = "") -> dict[str, str]:
    return {"type": "literal", "value": value} | ({"datatype": datatype} if datatype else {})


CANADA_MOSCOW = {
    "mission": uri(E + "Q4374011"),
    "type": literal("embassy"),
    "typeQID": uri(E + "Q3917681"),
    "countryQID": uri(E + "Q159"),
    "countryName": literal("Russia"),
    "cityQID": uri(E + "Q862100"),
    "cityName": literal("Khamovniki District"),
    "coordinates": literal(
        "Point(37.595 55.74666667)", "http://www.opengis.net/ont/geosparql#wktLiteral"
    ),
    "phoneNumber": literal("+7 495 925-60-00"),
    "site": uri("https://www.canadainternational.gc.ca/russia-russie/"),
    "jurisdictionQIDs": literal(f"{E}Q159|{E}Q265|{E}Q399"),
    "jurisdictions": literal("Russia|Uzbekistan|Armenia"),
}
CANADA_OLD = {
    "mission": uri(E + "Q999999001"),
    "type": literal("consulate"),
    "countryQID": uri(E + "Q159"),
    "countryName": literal("Russia"),
    "cityName": literal("Saint Petersburg"),
    "coordinates": literal("Point(30.3141 59.9386)"),
    "dissolvedOn": literal("2018-04-01T00:00:00Z"),
}


def sparql_answer(bindings_by_sender: dict[str, list[dict[str, Any]]]) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        text = query["query"][0]
        sender = next((q for q in bindings_by_sender if f"wdt:P137 wd:{q} " in text), None)
        bindings = bindings_by_sender.get(sender, []) if sender else []
        payload = {"head": {"vars": list(CANADA_MOSCOW)}, "results": {"bindings": bindings}}
        return (
            200,
            {"Content-Type": "application/sparql-results+json"},
            json.dumps(payload).encode(),
        )

    return handler


@pytest.fixture
def endpoint(settings: Any, fast_retries: None) -> Iterator[list[dict[str, object]]]:
    with local_server(sparql_answer({"Q16": [CANADA_MOSCOW, CANADA_OLD]})) as (url, seen):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        yield seen


def test_sync_one_sender_imports_its_missions(endpoint: list[dict[str, Any]]) -> None:
    call_command("sync", "wikidata", "--only", "CA")
    mission = Mission.objects.get(wikidata="Q4374011")
    assert (mission.sending_id, mission.host_id, mission.city) == ("CA", "RU", "Moscow")
    assert set(mission.accreditations.values_list("code", flat=True)) == {"UZ", "AM"}
    assert Mission.objects.get(wikidata="Q999999001").status == Status.CLOSED
    # Canada, and Quebec: a sub-national government of Canada with offices of its own.
    asked = [r["query"]["query"][0] for r in endpoint]
    assert len(asked) == 2 and "wd:Q16 " in asked[0] and "wd:Q176 " in asked[1]
    assert "Embassies" in endpoint[0]["headers"]["User-Agent"]


def test_full_sync_asks_every_sender_once(endpoint: list[dict[str, Any]]) -> None:
    call_command("sync", "wikidata")
    assert len(endpoint) > 190
    assert len({r["query"]["query"][0] for r in endpoint}) == len(endpoint)
    assert ImportRun.objects.latest().added == 2


def test_transient_errors_are_retried(settings: Any, fast_retries: None) -> None:
    answers = iter([(429, {"Retry-After": "0"}), (503, {})])
    ok = sparql_answer({"Q16": [CANADA_MOSCOW]})

    def flaky(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        status, headers = next(answers, (200, {}))
        return ok(method, path, query, body) if status == 200 else (status, headers, b"busy")

    with local_server(flaky) as (url, seen):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        call_command("sync", "wikidata", "--only", "CA")
    assert len([r for r in seen if "wd:Q16 " in r["query"]["query"][0]]) == 3
    assert Mission.objects.filter(wikidata="Q4374011").exists()


def test_endpoint_failing_for_good_changes_nothing(settings: Any, fast_retries: None) -> None:
    with local_server(sparql_answer({"Q16": [CANADA_MOSCOW]})) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        call_command("sync", "wikidata", "--only", "CA")
    with local_server(lambda *args: (500, {}, b"timeout")) as (url, seen):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        with pytest.raises(CommandError, match="nothing was changed"):
            call_command("sync", "wikidata", "--only", "CA")
    assert len(seen) == 3  # first try and two retries
    assert Mission.objects.get(wikidata="Q4374011").status == Status.OPEN


def test_partial_sync_leaves_other_senders_open(settings: Any, fast_retries: None) -> None:
    answers = {"Q16": [CANADA_MOSCOW], "Q408": [CANADA_OLD | {"mission": uri(E + "Q999999002")}]}
    with local_server(sparql_answer(answers)) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        call_command("sync", "wikidata", "--only", "CA", "AU")
    with local_server(sparql_answer({"Q16": []})) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        call_command("sync", "wikidata", "--only", "AU")
    assert Mission.objects.get(wikidata="Q4374011").status == Status.OPEN
    assert ImportRun.objects.latest().closed == 0


def test_answer_that_is_not_json_is_reported(settings: Any, fast_retries: None) -> None:
    with local_server(lambda *args: (200, {}, b"<html>maintenance</html>")) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        with pytest.raises(CommandError, match="not JSON"):
            call_command("sync", "wikidata", "--only", "CA")


PHOTO = "http://commons.wikimedia.org/wiki/Special:FilePath/Embassy%20of%20Canada%2C%20Moscow.jpg"


def commons_answer(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
    """The MediaWiki API's imageinfo/extmetadata answer (formatversion=2) for the asked titles."""
    pages = [
        {
            "title": title,
            "imageinfo": [
                {
                    "extmetadata": {
                        "Artist": {
                            "value": '<a href="//commons.wikimedia.org/wiki/User:A">A. Author</a>'
                        },
                        "LicenseShortName": {"value": "CC BY-SA 4.0"},
                        "LicenseUrl": {"value": "https://creativecommons.org/licenses/by-sa/4.0"},
                    }
                }
            ],
        }
        for title in query["titles"][0].split("|")
    ]
    return (
        200,
        {"Content-Type": "application/json"},
        json.dumps({"query": {"pages": pages}}).encode(),
    )


def test_photo_credit_is_read_from_commons(settings: Any, fast_retries: None) -> None:
    sparql = sparql_answer({"Q16": [CANADA_MOSCOW | {"image": uri(PHOTO)}]})

    def both(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        return (commons_answer if path == "/commons" else sparql)(method, path, query, body)

    with local_server(both) as (url, seen):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        settings.COMMONS_API_URL = url + "/commons"
        call_command("sync", "wikidata", "--only", "CA")
    mission = Mission.objects.get(wikidata="Q4374011")
    assert mission.photo.startswith("https://commons.wikimedia.org/")
    assert (mission.photo_author, mission.photo_licence) == ("A. Author", "CC BY-SA 4.0")
    assert seen[-1]["query"]["titles"] == ["File:Embassy of Canada, Moscow.jpg"]


def test_photo_without_a_readable_licence_is_left_out(settings: Any, fast_retries: None) -> None:
    sparql = sparql_answer({"Q16": [CANADA_MOSCOW | {"image": uri(PHOTO)}]})

    def commons_down(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        return (500, {}, b"down") if path == "/commons" else sparql(method, path, query, body)

    with local_server(commons_down) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        settings.COMMONS_API_URL = url + "/commons"
        call_command("sync", "wikidata", "--only", "CA")
    assert Mission.objects.get(wikidata="Q4374011").photo == ""
