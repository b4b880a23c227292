"""`embassies quality`: a readable summary, JSON for machines, one country, bad input refused."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("quality", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def missions() -> list[Mission]:
    france = make_country("FR", "France")
    return [
        make_mission(city="Moscow", lat=None, lon=None, phones=["+74950000000"]),
        make_mission(city="Kazan", lat=55.79, lon=49.12),
        make_mission(host=france, city="Paris", lat=None, lon=None),
    ]


def test_the_summary_has_one_line_per_check_then_the_worst_countries(
    missions: list[Mission],
) -> None:
    text = run()
    lines = text.splitlines()
    assert lines[0] == "Data quality, missions in all countries:"
    assert lines[1].split() == ["No", "coordinates", "(or", "only", "the", "city", "centre's)", "2"]
    assert "Not verified for 365 days" in lines[8] and lines[8].endswith(" 3")
    assert "Countries with the most problems:" in text
    worst = text.split("Countries with the most problems:\n")[1].splitlines()
    assert worst[0].split() == ["RU", "Russia", "4"] and worst[1].split() == ["FR", "France", "3"]
    assert f"[{missions[0].pk}] Embassy of Canada in Moscow, Russia: no coordinates" in text


def test_json_carries_counts_per_country_and_the_missions(missions: list[Mission]) -> None:
    report = json.loads(run("--json"))
    checks = {c["key"]: c for c in report["checks"]}
    assert checks["no_coordinates"]["count"] == 2
    assert checks["no_coordinates"]["by_country"] == {"FR": 1, "RU": 1}
    listed = checks["no_contact"]["missions"]
    assert [m["id"] for m in listed] == [missions[2].pk, missions[1].pk]  # France, then Russia
    assert listed[0]["admin_url"] == reverse(
        "admin:directory_mission_change", args=[missions[2].pk]
    )
    assert report["worst_countries"][0] == {"code": "RU", "name": "Russia", "problems": 4}
    assert report["stale_days"] == 365 and report["country"] is None


def test_country_keeps_only_missions_hosted_there(missions: list[Mission]) -> None:
    report = json.loads(run("--country", "fr", "--json"))
    assert report["country"] == "FR"
    counts = {c["key"]: c["count"] for c in report["checks"]}
    assert counts["no_coordinates"] == 1 and counts["stale"] == 1
    assert run("--country", "FR").splitlines()[0] == "Data quality, missions in France:"


def test_limit_lists_fewer_missions_and_says_how_many_more(missions: list[Mission]) -> None:
    text = run("--limit", "1")
    assert "  ... and 2 more" in text  # three stale missions, one listed
    report = json.loads(run("--limit", "0", "--json"))
    assert all(c["missions"] == [] for c in report["checks"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--country", "ZZ"), "no country has the code 'ZZ'"),
        (("--limit", "-1"), "--limit must be 0 or more"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(
    missions: list[Mission], args: tuple[str, ...], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        run(*args)
