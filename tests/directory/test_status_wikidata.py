"""`embassies sync wikidata` reads closure statements: P576 dissolved, P582 end time and
P5817 state of use (closed, temporarily closed), from recorded SPARQL JSON answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

from embassies.directory.models import Mission
from tests.directory.test_sync_wikidata import CANADA_MOSCOW, E, literal, sparql_answer, uri
from tests.localserver import local_server

pytestmark = pytest.mark.django_db

DATE = "http://www.w3.org/2001/XMLSchema#dateTime"


def office(
    qid: str, city: str, lon: float, lat: float, **closure: dict[str, str]
) -> dict[str, Any]:
    return {
        "mission": uri(E + qid),
        "type": literal("consulate"),
        "countryQID": uri(E + "Q159"),
        "countryName": literal("Russia"),
        "cityName": literal(city),
        "coordinates": literal(f"Point({lon} {lat})"),
        **closure,
    }


ANSWERS = [
    CANADA_MOSCOW,  # no closure statement: open
    office(
        "Q900000001",
        "Saint Petersburg",
        30.3141,
        59.9386,
        endedOn=literal("2022-03-02T00:00:00Z", DATE),
    ),
    office(
        "Q900000002",
        "Yekaterinburg",
        60.6,
        56.84,
        stateOfUse=uri(E + "Q104664889"),
        stateOfUseSince=literal("2021-04-01T00:00:00Z", DATE),
    ),
    office(
        "Q900000003",
        "Novosibirsk",
        82.93,
        55.03,
        stateOfUse=uri(E + "Q999999"),
        stateOfUseLabel=literal("temporarily closed"),
    ),
    office("Q900000004", "Vladivostok", 131.9, 43.12, stateOfUse=uri(E + "Q55654238")),
]


@pytest.fixture
def endpoint(settings: Any, fast_retries: None) -> Iterator[None]:
    with local_server(sparql_answer({"Q16": ANSWERS})) as (url, _):
        settings.WIKIDATA_SPARQL_URL = url + "/sparql"
        yield


def status_of(qid: str) -> tuple[str, str]:
    mission = Mission.objects.get(wikidata=qid)
    return mission.status, mission.status_since


def test_closure_statements_set_the_status_and_its_date(endpoint: None) -> None:
    call_command("sync", "wikidata", "--only", "CA")
    assert status_of("Q4374011") == ("open", "")
    assert status_of("Q900000001") == ("closed", "2022-03-02")  # P582 end time
    assert status_of("Q900000002") == ("closed", "2021-04-01")  # P5817 permanently closed
    assert status_of("Q900000003") == ("suspended", "")  # by its label: temporarily closed
    assert status_of("Q900000004") == ("open", "")  # P5817 in use


def test_the_query_asks_for_the_closure_statements() -> None:
    from embassies.directory.importing.sparql import QUERY

    assert all(p in QUERY for p in ("wdt:P576", "wdt:P582", "wdt:P5817", "pq:P580"))
