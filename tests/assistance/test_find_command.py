"""`embassies find --citizen XX --in YY [--near LAT,LON] --json`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("find", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def australia_in_russia() -> None:
    au, ru = Country.objects.get(code="AU"), Country.objects.get(code="RU")
    make_mission(sending=au, host=ru, city="Moscow", lat=55.75, lon=37.64)
    make_mission(
        sending=au, host=ru, city="Vladivostok", kind=Kind.CONSULATE_GENERAL, lat=43.13, lon=131.89
    )


def test_json_shape(australia_in_russia: None) -> None:
    body = json.loads(run("--citizen", "AU", "--in", "RU", "--near", "43.1155,131.8855", "--json"))
    assert body["answers"][0]["mission"]["city"] == "Vladivostok"
    assert {"answers", "alerts", "emergency_lines"} <= body.keys()


def test_text_output(australia_in_russia: None) -> None:
    out = run("--citizen", "AU", "--in", "RU")
    assert out.startswith("You are Australian in Russia: 2 offices")
    assert "Embassy of Australia in Moscow, Russia" in out


@pytest.mark.parametrize(
    "args",
    [["--citizen", "XX", "--in", "RU"], ["--citizen", "AU", "--in", "RU", "--near", "999,999"]],
)
def test_bad_input_is_a_command_error(args: list[str]) -> None:
    with pytest.raises(CommandError):
        run(*args)
