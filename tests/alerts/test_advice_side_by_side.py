"""Official travel advice side by side: each issuer's row as it says it (level in words on the
common scale, parts-only flag, its own words in its own language, date, link), on the country
page, the finder, the emergency card and /alerts/, which puts "do not travel" countries first."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.test import Client

from embassies.alerts.advisories.issuers import get as issuer
from embassies.alerts.models import Advisory
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2026, 9, 21, 9, 0, tzinfo=UTC)
PAGES = {
    "country": "/countries/russia/",
    "finder": "/find/?citizen=CA&in=RU",
    "emergency card": "/find/card/?citizen=CA&in=RU",
    "alerts": "/alerts/",
}


def advise(issuer: str, code: str, level: int, words: str, *, parts_only: bool = False) -> None:
    Advisory.objects.create(
        issuer=issuer,
        country_id=code,
        level=level,
        parts_only=parts_only,
        issuer_level=words,
        title=f"{code} travel advice",
        link=f"https://example.org/{issuer}/{code}",
        published=PUBLISHED,
    )


def disagreeing() -> None:
    """The United States says do not travel; Germany warns about parts of Russia only."""
    make_mission()  # Canada's embassy in Moscow: the finder and the card have an answer
    advise("US", "RU", 4, "Level 4: Do Not Travel")
    advise("DE", "RU", 3, "Teilreisewarnung", parts_only=True)


def row(html: str, issuer: str, code: str = "RU") -> str:
    group = re.search(rf'<tbody data-country="{code}".*?</tbody>', html, re.S)
    assert group, f"no table rows for {code}"
    found = re.search(rf'<tr data-issuer="{issuer}".*?</tr>', group.group(0), re.S)
    assert found, f"no row of {issuer} for {code}"
    return found.group(0)


def cell(row_html: str, column: str) -> str:
    """The content of the row's cell in that column (each cell is labelled with it)."""
    found = re.search(rf'<td[^>]* data-label="{re.escape(column)}">(.*?)</td>', row_html, re.S)
    assert found, f"no cell for {column}"
    return found.group(1)


@pytest.mark.parametrize("page", PAGES)
def test_two_issuers_that_disagree_are_each_shown_as_they_say_it(client: Client, page: str) -> None:
    disagreeing()
    html = client.get(PAGES[page]).content.decode()
    us, de = row(html, "US"), row(html, "DE")
    assert '<th scope="row">US Department of State</th>' in us
    assert cell(us, "Level (common scale)") == "Do not travel"
    assert cell(us, "Applies to") == "Whole country"
    assert 'href="https://example.org/US/RU"' in cell(us, "In its own words")
    assert ">Level 4: Do Not Travel</a>" in cell(us, "In its own words")
    assert '<th scope="row">German Federal Foreign Office</th>' in de
    assert cell(de, "Level (common scale)") == "Reconsider or avoid non-essential travel"
    assert cell(de, "Published") == (
        '<time datetime="2026-09-21T09:00:00+00:00">21 September 2026</time>'
    )


@pytest.mark.parametrize("page", PAGES)
def test_a_warning_about_parts_of_the_country_is_flagged_as_such(client: Client, page: str) -> None:
    disagreeing()
    html = client.get(PAGES[page]).content.decode()
    assert cell(row(html, "DE"), "Applies to") == "Whole country; stricter for some parts"
    assert '<td class="advice-parts"' in row(html, "DE")
    assert cell(row(html, "US"), "Applies to") == "Whole country"


@pytest.mark.parametrize("page", PAGES)
def test_the_german_wording_is_marked_german_on_the_arabic_page(client: Client, page: str) -> None:
    disagreeing()
    html = client.get("/ar" + PAGES[page]).content.decode()
    assert 'dir="rtl"' in html
    german = '<a href="https://example.org/DE/RU" rel="nofollow noopener" lang="de" dir="ltr">'
    assert german + "Teilreisewarnung</a>" in row(html, "DE")
    assert 'rel="nofollow noopener" lang="en" dir="ltr">Level 4: Do Not Travel</a>' in row(
        html, "US"
    )


@pytest.mark.parametrize("page", PAGES)
def test_each_issuer_is_credited_as_its_terms_ask(client: Client, page: str) -> None:
    disagreeing()
    html = client.get(PAGES[page]).content.decode()
    sources = html[html.index('class="plain hint advice-sources"') :]
    germany = issuer("DE")
    assert f'<a href="{germany.credit_url}" rel="noopener">{germany.credit}</a>' in sources
    # The United States asks for no credit: its name, linked to its travel-advice pages.
    assert 'Source: <a href="https://travel.state.gov/' in sources
    assert sources.index("Federal Foreign Office") < sources.index(">US Department of State<")


def test_the_date_is_written_the_pages_way(client: Client) -> None:
    disagreeing()
    html = client.get("/fr/countries/russia/").content.decode()
    assert cell(row(html, "DE"), "Publié").endswith(">21 septembre 2026</time>")


def test_alerts_lists_countries_an_issuer_says_not_to_travel_to_first(client: Client) -> None:
    advise("US", "AF", 2, "Level 2: Exercise Increased Caution")
    advise("US", "RU", 4, "Level 4: Do Not Travel")
    advise("DE", "MX", 2, "Teilreisewarnung", parts_only=True)  # parts: not the whole country
    advise("CA", "ML", 4, "Avoid all travel", parts_only=True)  # the whole country, whatever parts
    advise("DE", "BY", 4, "Reisewarnung")
    advise("US", "BY", 3, "Level 3: Reconsider Travel")
    html = client.get("/alerts/").content.decode()
    order = re.findall(r'<tbody data-country="(\w\w)"( class="advice-do-not-travel")?', html)
    assert order == [
        ("BY", ' class="advice-do-not-travel"'),
        ("ML", ' class="advice-do-not-travel"'),
        ("RU", ' class="advice-do-not-travel"'),
        ("AF", ""),
        ("MX", ""),
    ]
    assert (
        '<tr class="advice-country"><th scope="rowgroup" colspan="5"><a href="/countries/belarus/">Belarus</a></th></tr>'
        in html
    )


def test_the_order_after_do_not_travel_follows_the_pages_alphabet(client: Client) -> None:
    advise("US", "DE", 1, "Level 1: Exercise Normal Precautions")  # Allemagne in French
    advise("US", "AT", 1, "Level 1: Exercise Normal Precautions")  # Autriche
    advise("US", "BE", 1, "Level 1: Exercise Normal Precautions")  # Belgique
    html = client.get("/fr/alerts/").content.decode()
    assert re.findall(r'<tbody data-country="(\w\w)"', html) == ["DE", "AT", "BE"]


def test_a_page_without_advice_has_no_table(client: Client) -> None:
    make_mission()
    for url in PAGES.values():
        assert "advice-table" not in client.get(url).content.decode()
