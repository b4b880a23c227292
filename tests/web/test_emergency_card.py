"""The printable emergency card: own missions with address, phones and hours, fallback offices
where there are none, the foreign ministry's emergency line, and the day it was made."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from embassies.assistance.models import Arrangement
from embassies.countries.models import Country
from tests.factories import make_mission
from tests.web import sample_site

pytestmark = pytest.mark.django_db


def _card(client: Client, query: str, status: int = 200) -> str:
    response = client.get(f"/find/card/?{query}")
    assert response.status_code == status
    return response.content.decode()


def test_own_missions_with_address_phones_hours_and_the_emergency_line(client: Client) -> None:
    sample_site.build()
    html = _card(client, "citizen=CA&in=RU")
    assert "<h1>Emergency card: Canadian in Russia</h1>" in html
    assert "Embassy of Canada in Moscow, Russia" in html
    assert "Starokonyushenny pereulok 23" in html
    assert 'href="tel:+74959256000"' in html
    assert "Mo-Fr 08:30-12:30,13:30-17:00" in html
    assert "Emergency Watch and Response Centre" in html
    assert 'href="tel:+16139968885">+1 613-996-8885</a>' in html
    assert f'Made on <time datetime="{timezone.now():%Y-%m-%d}' in html
    assert timezone.now().strftime("%-d %B %Y") in html


def test_nearest_own_mission_first_when_a_point_is_given(client: Client) -> None:
    sample_site.build()
    html = _card(client, "citizen=CA&in=RU&near=43.12,131.89")
    assert html.index("Consulate General of Canada in Vladivostok") < html.index(
        "Embassy of Canada in Moscow"
    )


def test_without_an_own_mission_the_card_lists_who_helps_instead(client: Client) -> None:
    iran, swiss = Country.objects.get(code="IR"), Country.objects.get(code="CH")
    make_mission(sending=swiss, host=iran, city="Tehran", phones=["+98 21 2200 8333"])
    Arrangement.objects.create(
        represented=Country.objects.get(code="US"),
        host=iran,
        representing=swiss,
        kind="interests_section",
        source_url="https://ir.usembassy.gov/services/",
    )
    html = _card(client, "citizen=US&in=IR")
    assert "Offices that can help you in Iran" in html
    assert "Embassy of Switzerland in Tehran, Iran" in html
    assert "looks after the United States" in html
    assert 'href="tel:+982122008333"' in html


def test_an_eu_citizen_gets_other_member_states_missions(client: Client) -> None:
    make_mission(
        sending=Country.objects.get(code="FR"), host=Country.objects.get(code="RU"), city="Moscow"
    )
    html = _card(client, "citizen=EE&in=RU")
    assert "Embassy of France in Moscow, Russia" in html


def test_the_finder_results_link_to_the_card(client: Client) -> None:
    sample_site.build()
    html = client.get("/find/?citizen=CA&in=RU").content.decode()
    assert 'href="/find/card/?citizen=CA&amp;in=RU">Emergency card to print</a>' in html


def test_bad_countries_are_a_clear_error(client: Client) -> None:
    html = _card(client, "citizen=ZZ&in=RU", status=400)
    assert "Unknown country code" in html
