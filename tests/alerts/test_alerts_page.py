"""/alerts/: active alerts, then every country's advisory level per issuer in a table."""

from __future__ import annotations

import pytest
from django.test import Client

from embassies.alerts.models import Severity
from tests.alerts.builders import ended, make_advisory, make_alert
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def test_active_alerts_most_severe_first(client: Client) -> None:
    make_alert("FR", "Strikes in Paris", severity=Severity.INFORMATION)
    war = make_alert("RU", "Russia is currently at war in Ukraine", body="Flights suspended.")
    make_alert("UA", "Old news", **ended())
    html = client.get("/alerts/").content.decode()
    assert html.index("Russia is currently at war") < html.index("Strikes in Paris")
    assert "Old news" not in html and "Flights suspended." in html
    assert f'id="alert-{war.pk}"' in html and 'href="/find/?in=RU"' in html
    assert 'type="application/atom+xml"' in html


def test_affected_missions_are_listed(client: Client) -> None:
    embassy = make_mission()
    make_alert("RU", "Consular services suspended").missions.add(embassy)
    html = client.get("/alerts/").content.decode()
    assert f'href="{embassy.get_absolute_url()}"' in html


def test_levels_table(client: Client) -> None:
    make_advisory("US", "MM", 4)
    make_advisory("GB", "MM", 4)
    make_advisory("US", "DE", 1)
    html = client.get("/alerts/").content.decode()
    table = html[html.index("Travel advisory levels") :]
    # Myanmar, where governments say do not travel, before Germany; one row per issuer.
    assert table.index("Myanmar") < table.index("Germany")
    assert table.count('data-label="Level (common scale)">Do not travel</td>') == 2
    assert table.count('data-label="Level (common scale)">Normal precautions</td>') == 1


def test_empty_page(client: Client) -> None:
    html = client.get("/alerts/").content.decode()
    assert "No alert is active." in html and "No travel advisories have been imported" in html


def test_empty_page_says_what_it_means_and_where_to_look(client: Client) -> None:
    html = client.get("/alerts/").content.decode()
    assert "That does not make every country safe" in html
    assert 'href="https://www.gov.uk/foreign-travel-advice"' in html
    assert 'href="https://travel.state.gov/' in html
    assert 'href="/find/"' in html


def test_empty_page_names_the_advice_givers_in_the_page_language(client: Client) -> None:
    html = client.get("/fr/alerts/").content.decode()
    assert ">Royaume-Uni</a>" in html and ">Allemagne</a>" in html


def test_severity_is_a_word_read_from_the_catalogue(client: Client) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    make_alert("FR", "Strikes in Paris", severity=Severity.INFORMATION)
    html = client.get("/alerts/").content.decode()
    assert ">Crisis</strong>" in html and ">Information</strong>" in html


def test_an_editors_english_headline_is_marked_english_on_the_arabic_page(
    client: Client,
) -> None:
    make_alert("RU", "Russia is currently at war in Ukraine")
    html = client.get("/ar/alerts/").content.decode()
    assert '<span lang="en" dir="ltr">Russia is currently at war in Ukraine</span>' in html


def test_advisory_titles_carry_their_issuers_language(client: Client) -> None:
    make_advisory("US", "MX", 2, "Mexico Travel Advisory")
    country = client.get("/ar/countries/mexico/").content.decode()
    assert (
        'href="https://example.org/US/MX" rel="nofollow noopener" lang="en" dir="ltr">' in country
    )
