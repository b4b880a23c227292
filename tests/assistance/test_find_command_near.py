"""`embassies find --near PLACE`: a place's name in any of the site's languages, or LAT,LON."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from embassies.directory.kinds import Kind
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("find", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("near", ["Vladivostok", "Владивосток"])
def test_a_place_name_orders_the_offices_from_there(near: str) -> None:
    make_mission(city="Moscow", lat=55.75, lon=37.64)
    make_mission(city="Vladivostok", kind=Kind.CONSULATE, lat=43.13, lon=131.89)
    body = json.loads(run("--citizen", "CA", "--in", "RU", "--near", near, "--json"))
    assert body["answers"][0]["mission"]["city"] == "Vladivostok"
    assert body["near"] == pytest.approx([43.1, 131.9], abs=0.1)


def test_several_places_of_one_name_are_listed_with_their_points() -> None:
    with pytest.raises(CommandError) as error:
        run("--citizen", "CA", "--in", "US", "--near", "Alexandria")
    lines = str(error.value).splitlines()
    assert lines[0] == "Several places are called “Alexandria” in the United States. Which one?"
    assert len(lines) >= 3 and all("--near " in line for line in lines[1:])


def test_an_unknown_place_is_a_command_error() -> None:
    with pytest.raises(CommandError, match="We don’t know a place called “Atlantisgrad”"):
        run("--citizen", "CA", "--in", "RU", "--near", "Atlantisgrad")
