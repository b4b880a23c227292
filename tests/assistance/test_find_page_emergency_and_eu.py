"""A finder answer says the same sentence for every state whose emergency line is unknown,
and the EU rule once, however many member states' missions it lists."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.assistance.finder import find
from embassies.assistance.reasons import no_emergency_line
from embassies.countries.models import Country
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

NO_LINE = (
    "No 24/7 consular emergency line of your foreign ministry is known; in an emergency, "
    "call the local emergency services."
)


def c(code: str) -> Country:
    return Country.objects.get(code=code)


@pytest.fixture
def eu_missions_in_bolivia() -> None:
    for sender, city in (("FR", "La Paz"), ("DE", "La Paz"), ("ES", "Santa Cruz de la Sierra")):
        make_mission(sending=c(sender), host=c("BO"), city=city)


def _page(client: Client, citizen: str, host: str) -> str:
    response = client.get("/find/", {"citizen": citizen, "in": host})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("citizen", "host"), [("EE", "BO"), ("PR", "RU"), ("CA", "RU")])
def test_every_state_without_a_known_line_gets_the_same_sentence(
    client: Client, eu_missions_in_bolivia: None, citizen: str, host: str
) -> None:
    assert find(citizen, host).no_emergency_line == no_emergency_line() == NO_LINE
    assert _page(client, citizen, host).count(NO_LINE) == 1


def test_the_same_sentence_on_the_emergency_card(client: Client) -> None:
    html = client.get("/find/card/", {"citizen": "EE", "in": "BO"}).content.decode()
    assert html.count(NO_LINE) == 1


def test_the_eu_rule_is_said_once_for_three_member_states_missions(
    client: Client, eu_missions_in_bolivia: None
) -> None:
    result = find("EE", "BO")
    assert [a.basis for a in result.answers] == ["eu", "eu", "eu"]
    html = _page(client, "EE", "BO")
    assert html.count("Article 20(2)(c) TFEU") == 1
    assert html.count("is an EU member state: it helps you on the same terms") == 3
    card = client.get("/find/card/", {"citizen": "EE", "in": "BO"}).content.decode()
    assert card.count("Article 20(2)(c) TFEU") == 1


def test_no_eu_rule_where_no_member_state_answers(client: Client) -> None:
    make_mission(sending=c("CA"), host=c("RU"), city="Moscow")
    assert find("CA", "RU").eu_rule == ""
    assert "TFEU" not in _page(client, "CA", "RU")
