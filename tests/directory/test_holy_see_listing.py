"""A country page's list tells a state's embassy to the Holy See from its embassy to Italy,
both in Rome, as the mission's own page does."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.countries.models import Country
from embassies.directory import titles
from embassies.directory.models import Mission
from embassies.directory.queries import listing
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def rome() -> dict[str, Mission]:
    ca, italy = Country.objects.get(code="CA"), Country.objects.get(code="IT")
    return {
        "italy": make_mission(sending=ca, host=italy, city="Rome", wikidata="Q10"),
        "holy_see": make_mission(
            sending=ca,
            host=italy,
            city="Rome",
            wikidata="Q11",
            accreditations=[Country.objects.get(code="VA")],
        ),
    }


def test_the_listing_titles_the_holy_see_embassy_as_its_page_does(
    rome: dict[str, Mission],
) -> None:
    listed = {m.pk: m for m in listing(Mission.objects.filter(host_id="IT"))}
    for mission in rome.values():
        assert listed[mission.pk].title == mission.title
    assert titles.kind_in_city(listed[rome["holy_see"].pk], "en") == "Embassy to the Holy See"
    assert titles.kind_in_city(listed[rome["italy"].pk], "en") == "Embassy in Rome"


def test_the_italy_page_lists_both_embassies_apart(
    client: Client, rome: dict[str, Mission]
) -> None:
    page = client.get("/countries/italy/").content.decode()
    assert "Embassy to the Holy See" in page and "Embassy in Rome" in page
