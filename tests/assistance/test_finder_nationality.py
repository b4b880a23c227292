"""The finder asks for a nationality: people of Puerto Rico are helped as United States
citizens, said plainly; Antarctica is no one's nationality (the API's 422, the page's sentence)."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from embassies.assistance.finder import FinderError, find
from embassies.assistance.models import EmergencyLine
from embassies.countries.models import Country
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def c(code: str) -> Country:
    return Country.objects.get(code=code)


@pytest.fixture
def us_in_russia() -> None:
    make_mission(sending=c("US"), host=c("RU"), city="Moscow", lat=55.75, lon=37.58)
    EmergencyLine.objects.create(
        country=c("US"),
        name="Overseas Citizens Services",
        phone="+1 202 501 4444",
        source_url="https://travel.state.gov/",
    )


def test_people_of_puerto_rico_are_answered_as_united_states_citizens(us_in_russia: None) -> None:
    result = find("PR", "RU")
    assert result.citizen.code == "US" and result.holder == c("PR")
    assert [a.mission.sending_id for a in result.answers if a.mission] == ["US"]
    assert [line.phone for line in result.emergency_lines] == ["+1 202 501 4444"]
    assert result.message.startswith("You are Puerto Rican in Russia: 1 office")
    assert result.nationality_note == (
        "People of Puerto Rico hold passports of the United States: you are helped as a "
        "citizen of the United States."
    )


def test_hong_kong_passport_holders_are_helped_by_china_said_plainly() -> None:
    make_mission(sending=c("CN"), host=c("RU"), city="Moscow")
    result = find("HK", "RU")
    assert result.citizen.code == "CN" and result.holder == c("HK")
    assert "Hong Kong issues its own passports" in result.nationality_note
    assert "China" in result.nationality_note


def test_a_state_s_citizens_get_no_nationality_note(us_in_russia: None) -> None:
    result = find("US", "RU")
    assert result.holder is None and result.nationality_note == ""


def test_antarctica_is_refused_as_a_nationality() -> None:
    with pytest.raises(FinderError) as refused:
        find("AQ", "RU")
    assert refused.value.field == "citizen" and refused.value.kind == "not_a_nationality"
    assert str(refused.value) == (
        "There is no nationality of Antarctica: choose the country whose passport you hold."
    )


def test_the_api_answers_puerto_rico_as_the_united_states_and_says_so(
    client: Client, us_in_russia: None
) -> None:
    body = client.get("/api/v1/find", {"citizen": "PR", "in": "RU"}).json()
    assert body["citizen"] == {"code": "US", "name": "United States"}
    assert body["nationality"]["named"] == {"code": "PR", "name": "Puerto Rico"}
    assert body["nationality"]["helped_as"]["code"] == "US"
    assert body["nationality"]["source_url"].startswith("https://uscode.house.gov/")
    assert "hold passports of the United States" in body["nationality"]["message"]
    assert client.get("/api/v1/find", {"citizen": "US", "in": "RU"}).json()["nationality"] is None


def test_the_api_refuses_antarctica_with_422_in_the_one_error_shape(client: Client) -> None:
    response = client.get("/api/v1/find", {"citizen": "AQ", "in": "RU"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and "no nationality of Antarctica" in error["message"]
    assert error["details"][0]["type"] == "not_a_nationality"
    assert error["details"][0]["loc"] == ["query", "citizen"]


def test_the_page_says_plainly_that_antarctica_is_no_nationality(client: Client) -> None:
    response = client.get("/find/", {"citizen": "AQ", "in": "RU"})
    assert response.status_code == 400
    assert "There is no nationality of Antarctica" in response.content.decode()
    assert "You are Antarctic" not in response.content.decode()


def test_the_page_says_puerto_ricans_are_helped_as_united_states_citizens(
    client: Client, us_in_russia: None
) -> None:
    html = client.get("/find/", {"citizen": "PR", "in": "RU"}).content.decode()
    assert "You are Puerto Rican in Russia" in html
    assert "People of Puerto Rico hold passports of the United States" in html
    assert "/find/card/?citizen=PR&amp;in=RU" in html


def _citizen_choices(html: str) -> set[str]:
    select = html[html.index('id="citizen"') : html.index("</select>", html.index('id="citizen"'))]
    return set(re.findall(r'<option value="([A-Z]{2})"', select))


@pytest.mark.parametrize("path", ["/", "/find/"])
def test_the_citizen_lists_leave_out_entries_no_one_is_a_citizen_of(
    client: Client, path: str
) -> None:
    choices = _citizen_choices(client.get(path).content.decode())
    assert {"US", "FR", "HK", "MO", "XK", "TW", "PS", "PR", "GL"} <= choices
    assert not {"AQ", "BV", "HM", "GS", "TF", "UM", "EH"} & choices


def _command(*args: str) -> str:
    out = StringIO()
    call_command("find", *args, stdout=out)
    return out.getvalue()


def test_the_command_says_puerto_ricans_are_helped_as_united_states_citizens(
    us_in_russia: None,
) -> None:
    text = _command("--citizen", "PR", "--in", "RU")
    assert "People of Puerto Rico hold passports of the United States" in text
    answer = json.loads(_command("--citizen", "PR", "--in", "RU", "--json"))
    assert answer["citizen"]["code"] == "US" and answer["nationality"]["named"]["code"] == "PR"


def test_the_command_refuses_antarctica() -> None:
    with pytest.raises(CommandError, match="There is no nationality of Antarctica"):
        _command("--citizen", "AQ", "--in", "RU")
