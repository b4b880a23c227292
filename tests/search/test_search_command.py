"""`embassies search QUERY [--limit N] --json`: a JSON list of missions."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("search", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_is_a_list_of_missions() -> None:
    make_mission(wikidata="Q4374011", lat=55.7467, lon=37.595)
    missions = json.loads(run("canadian", "embassy", "moscow", "--limit", "3", "--json"))
    assert [m["wikidata"] for m in missions] == ["Q4374011"]
    assert {"id", "kind", "sending", "host", "city", "lat", "lon", "url"} <= missions[0].keys()


def test_text_output_names_each_mission() -> None:
    make_mission(wikidata="Q4374011")
    assert "Embassy of Canada in Moscow, Russia" in run("canadian embassy moscow")
    assert "No mission matches" in run("zzqqxx")


@pytest.mark.parametrize("args", [[""], ["x" * 5000], ["embassy", "--limit", "0"]])
def test_bad_input_is_a_command_error(args: list[str]) -> None:
    with pytest.raises(CommandError):
        run(*args)


def test_reindex_fills_documents() -> None:
    mission = make_mission(wikidata="Q1")
    Mission.objects.filter(pk=mission.pk).update(search_document="")
    run("--reindex")
    mission.refresh_from_db()
    assert "canada" in mission.search_document
