"""Every phone is a tel: link in E.164, in international format, on one line and left to
right in Arabic; a mission with no phone shows its state's 24/7 line, labelled as the state's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vobject
from django.test import Client

import embassies.web
from embassies.assistance.models import EmergencyLine
from embassies.countries.models import Country
from embassies.directory.models import Mission
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

LINK = '<a class="phone" dir="ltr" href="tel:+74959256000">+7 495 925-60-00</a>'
STATE_LINE = '<a class="phone" dir="ltr" href="tel:+16139968885">+1 613-996-8885</a>'
LABEL = "24/7 consular emergency line of Canada"


def c(code: str) -> Country:
    return Country.objects.get(code=code)


@pytest.fixture
def canada_line() -> EmergencyLine:
    return EmergencyLine.objects.create(
        country=c("CA"),
        name="Emergency Watch and Response Centre",
        phone="+1 613 996 8885",
        source_url="https://www.international.gc.ca/",
    )


@pytest.fixture
def embassy(canada_line: EmergencyLine) -> Mission:
    return make_mission(sending=c("CA"), host=c("RU"), city="Moscow", phones=["(495) 925-6000"])


@pytest.fixture
def consulate(canada_line: EmergencyLine) -> Mission:
    """Most missions list no phone."""
    return make_mission(sending=c("CA"), host=c("RU"), city="Vladivostok", kind="consulate")


def _html(client: Client, path: str, **query: Any) -> str:
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_mission_page_links_its_phone_and_not_the_state_s_line(
    client: Client, embassy: Mission
) -> None:
    html = _html(client, embassy.get_absolute_url())
    assert LINK in html
    assert LABEL not in html and "tel:+16139968885" not in html


def test_the_arabic_mission_page_keeps_the_number_left_to_right(
    client: Client, embassy: Mission
) -> None:
    html = _html(client, "/ar" + embassy.get_absolute_url())
    assert 'dir="rtl"' in html and LINK in html


def test_the_finder_answer_and_its_emergency_line_are_tel_links(
    client: Client, embassy: Mission
) -> None:
    html = _html(client, "/find/", citizen="CA", **{"in": "RU"})
    assert LINK in html and STATE_LINE in html


def test_a_mission_without_a_phone_shows_its_state_s_line_labelled_as_such(
    client: Client, consulate: Mission
) -> None:
    html = _html(client, consulate.get_absolute_url())
    assert f"<dt>{LABEL}</dt>" in html and STATE_LINE in html
    assert "<dt>Phone</dt>" not in html


def test_the_emergency_card_shows_the_state_s_line_for_a_mission_without_a_phone(
    client: Client, consulate: Mission
) -> None:
    html = _html(client, "/find/card/", citizen="CA", **{"in": "RU"})
    assert f"<dt>{LABEL}</dt>" in html and STATE_LINE in html


def test_the_vcard_of_a_mission_without_a_phone_labels_the_state_s_line(
    client: Client, consulate: Mission
) -> None:
    card = vobject.readOne(_html(client, f"/missions/{consulate.pk}/vcard"))
    tel = card.contents["tel"]
    assert [t.value for t in tel] == ["+16139968885"] and tel[0].group == "item1"
    labels = [x for x in card.contents["x-ablabel"] if x.group == "item1"]
    assert [x.value for x in labels] == [LABEL]
    assert LABEL in card.note.value


def test_no_state_line_without_one_in_the_data(client: Client) -> None:
    lonely = make_mission(sending=c("EE"), host=c("RU"), city="Moscow")
    html = _html(client, lonely.get_absolute_url())
    assert "24/7 consular emergency line" not in html and "tel:" not in html


def test_the_stylesheet_keeps_a_phone_on_one_line() -> None:
    css = (Path(embassies.web.__file__).parent / "static/web/site.css").read_text()
    assert ".phone { white-space: nowrap; }" in css
