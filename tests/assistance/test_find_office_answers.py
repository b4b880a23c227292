"""An arrangement whose office the directory does not know, on every surface: the API (mission
null, with representing and office), the CLI, the finder page and the emergency card."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from embassies.assistance.models import Arrangement
from embassies.countries.models import Country
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def qatar_for_the_us() -> None:
    us, af = Country.objects.get(code="US"), Country.objects.get(code="AF")
    make_mission(sending=us, host=af, city="Kabul")
    Arrangement.objects.create(
        represented=us,
        host=af,
        representing=Country.objects.get(code="QA"),
        kind="interests_section",
        scope="Certain consular services",
        since="2021-12-31",
        source_url="https://example.org/qatar",
    )


def test_api_answer_without_a_mission(client: Client, qatar_for_the_us: None) -> None:
    body = client.get("/api/v1/find", {"citizen": "US", "in": "AF"}).json()
    first = body["answers"][0]
    assert first["mission"] is None and first["representing"] == "QA"
    assert first["office"] == "Embassy of Qatar in Afghanistan"
    assert (first["basis"], first["since"], first["distance_km"]) == (
        "interests_section",
        "2021-12-31",
        None,
    )
    assert first["source_url"] == "https://example.org/qatar"
    kabul = body["unavailable"][0]
    assert kabul["mission"]["city"] == "Kabul" and kabul["representing"] == "US"


def test_cli_text_and_json(qatar_for_the_us: None) -> None:
    out = StringIO()
    call_command("find", "--citizen", "US", "--in", "AF", stdout=out)
    assert "Embassy of Qatar in Afghanistan (since 2021-12-31)" in out.getvalue()
    assert "This office is not in the directory yet" in out.getvalue()
    out = StringIO()
    call_command("find", "--citizen", "US", "--in", "AF", "--json", stdout=out)
    assert json.loads(out.getvalue())["answers"][0]["mission"] is None


def test_page_and_card(client: Client, qatar_for_the_us: None) -> None:
    for url in ("/find/", "/find/card/"):
        html = client.get(url, {"citizen": "US", "in": "AF"}).content.decode()
        assert "Embassy of Qatar in Afghanistan" in html
        assert "not in the directory yet" in html and "Since 31 December 2021." in html


def test_a_protecting_power_whose_office_is_suspended_is_still_offered(client: Client) -> None:
    """The mandate outlives the building: the arrangement is offered, the suspended office is
    listed apart with its status, and no page claims the office is unknown."""
    us, ir, ch = (Country.objects.get(code=c) for c in ("US", "IR", "CH"))
    swiss = make_mission(sending=ch, host=ir, city="Tehran", status="suspended")
    Arrangement.objects.create(
        represented=us,
        host=ir,
        representing=ch,
        kind="protecting_power",
        since="1980-05-21",
        source_url="https://example.org/swiss-mandate",
    )
    body = client.get("/api/v1/find", {"citizen": "US", "in": "IR"}).json()
    first = body["answers"][0]
    assert (first["mission"], first["representing"]) == (None, "CH")
    assert "not operating at present" in first["note"]
    assert [a["mission"]["id"] for a in body["unavailable"]] == [swiss.pk]
    html = client.get("/find/", {"citizen": "US", "in": "IR"}).content.decode()
    assert "not operating at present" in html and "not in the directory yet" not in html
