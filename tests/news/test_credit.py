"""Credit where it is owed: the agency an article comes from (read from its dateline, byline,
end credit or address) and the publisher it was read on, named on its page, in feeds and in
its JSON-LD; this site is never its author. Every text here is invented for these tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import feedparser
import lxml.html
import pytest
from django.test import Client

from embassies.news.credit import byline, credit_for, credited, from_dateline
from embassies.news.documents import Draft
from embassies.news.ingest import ingest
from embassies.news.models import Article
from tests.factories import make_country
from tests.news.builders import make_article

WHEN = datetime(2025, 9, 2, 7, tzinfo=UTC)
STRAITS = "https://www.straitstimes.example/world/envoys-meet"


@pytest.mark.parametrize(
    ("first_line", "agency"),
    [
        ("KYIV, Ukraine (AP) — Two envoys met on a quiet Tuesday.", "Associated Press"),
        ("LONDON (Reuters) - Two envoys met on a quiet Tuesday.", "Reuters"),
        ("PARIS (AFP) - Deux envoyés se sont rencontrés mardi.", "Agence France-Presse"),
        ("BERLIN (dpa) - Zwei Gesandte trafen sich am Dienstag.", "dpa"),
        ("MADRID, 2 sep (EFE).- Dos enviados se reunieron el martes.", "EFE"),
        ("BEIJING, Sept. 2 (Xinhua) -- Two envoys met on Tuesday.", "Xinhua"),
        ("МОСКВА, 2 сентября. /ТАСС/. Два посланника встретились во вторник.", "TASS"),
        ("МОСКВА, 2 сентября. /Корр. ТАСС Иван Петров/. Посланники встретились.", "TASS"),
        ("МОСКВА, 2 сен — РИА Новости. Два посланника встретились во вторник.", "RIA Novosti"),
        ("الرياض 2 سبتمبر (واس) - التقى مبعوثان يوم الثلاثاء.", "Saudi Press Agency"),
        ("الكويت - 2 - 9 (كونا) -- التقى مبعوثان يوم الثلاثاء.", "KUNA"),
        ("New Delhi, Sep 2 (PTI) Two envoys met on Tuesday.", "Press Trust of India"),
        (
            "New Delhi [India], September 2 (ANI): Two envoys met on Tuesday.",
            "Asian News International",
        ),
        (
            "Amaravati (AP), Sep 2 (PTI) Two envoys met in the state capital.",
            "Press Trust of India",
        ),
        ("SEOUL, Sept. 2 (Yonhap) -- Two envoys met on Tuesday.", "Yonhap"),
    ],
)
def test_agency_is_read_from_each_dateline_form(first_line: str, agency: str) -> None:
    found = from_dateline(f"{first_line}\nA second paragraph follows.")
    assert found is not None and found.name == agency


@pytest.mark.parametrize(
    "text",
    [
        "Two envoys met on Tuesday, the Associated Press (AP) reported.",
        "Officials told the Saudi Press Agency (SPA) that talks would go on.",
        "Two envoys met on Tuesday.\nLater, a spokesman quoted by (Reuters) - said little.",
        "The envoy wrote to /Editors/ about the visit.",
        "Smoke rises over the harbour after the talks (AFP)\nTwo envoys met on Tuesday.",
        "See https://www.reuters.com/world/ for more.",
    ],
)
def test_no_agency_is_read_from_text_that_only_mentions_one(text: str) -> None:
    assert from_dateline(text) is None


@pytest.mark.parametrize(
    ("author", "person", "agency"),
    [
        ("AFP", "", "Agence France-Presse"),
        ("By Reuters", "", "Reuters"),
        ("The Associated Press", "", "Associated Press"),
        ("Reuters Staff", "", "Reuters"),
        ("Jane Roe, Associated Press", "Jane Roe", "Associated Press"),
        ("Jane Roe (AFP)", "Jane Roe", "Agence France-Presse"),
        ("Jane Roe | Reuters", "Jane Roe", "Reuters"),
        ("Reuters/AFP", "", "Reuters"),
        ("Jane Roe", "Jane Roe", None),
        ("Jane Roe, John Poe", "Jane Roe, John Poe", None),
    ],
)
def test_bylines_split_into_person_and_agency(author: str, person: str, agency: str | None) -> None:
    found_person, found_agency = byline(author)
    assert found_person == person
    assert (found_agency.name if found_agency else None) == agency


def test_an_end_credit_or_the_agencys_own_site_credits_it() -> None:
    assert credited("Two envoys met on Tuesday.\n— AFP") is not None
    end = credited("Two envoys met on Tuesday.\n© Reuters 2025")
    assert end is not None and end.name == "Reuters"
    own = credited("Two envoys met.", source_url="https://apnews.com/article/envoys")
    assert own is not None and own.name == "Associated Press"
    assert credited("Two envoys met on Tuesday.\nThe talks go on.") is None


def test_credit_names_agency_and_publisher_but_one_name_when_they_are_the_same() -> None:
    assert credit_for("", "Reuters", "The Straits Times", STRAITS).organisation == (
        "Reuters via The Straits Times"
    )
    assert credit_for("", "Associated Press", "AP News", "https://apnews.com/x").organisation == (
        "Associated Press"
    )
    assert credit_for("", "", "Example News", "").organisation == "Example News"
    assert credit_for("Jane Roe", "AFP", "Le Quotidien", "").author == "Jane Roe"


@pytest.mark.django_db
def test_ingest_stores_the_agency_and_keeps_the_publisher_and_link() -> None:
    make_country("SG", "Singapore")
    draft = Draft(
        title="Envoys meet in Singapore",
        body_html="<p>SINGAPORE (Reuters) - Two envoys met in Singapore on Tuesday.</p>",
        published=WHEN,
        source="The Straits Times",
        source_url=STRAITS,
        author="Reuters",
    )
    article = ingest(draft).article
    article.refresh_from_db()
    assert (article.agency, article.source, article.source_url) == (
        "Reuters",
        "The Straits Times",
        STRAITS,
    )
    assert article.author == ""  # the byline named the agency, not a person


@pytest.mark.django_db
def test_ingest_keeps_the_person_of_a_byline_that_also_names_the_agency() -> None:
    draft = Draft(
        title="Envoys meet again",
        body_html="<p>Two envoys met again on Wednesday.</p>",
        published=WHEN,
        author="Jane Roe, AFP",
    )
    article = ingest(draft).article
    assert (article.author, article.agency) == ("Jane Roe", "Agence France-Presse")


# Pages, feeds and JSON-LD.


@pytest.fixture
def wire_story() -> Article:
    return make_article(
        "Envoys meet in Singapore",
        WHEN,
        {"SG": 1.0},
        body="<p>SINGAPORE (Reuters) - Two envoys met in Singapore on Tuesday.</p>",
        source="The Straits Times",
        source_url=STRAITS,
        agency="Reuters",
    )


def news_article_ld(html: bytes) -> dict[str, Any]:
    doc = lxml.html.fromstring(html)
    blocks = [
        json.loads(s.text_content()) for s in doc.xpath("//script[@type='application/ld+json']")
    ]
    (found,) = [b for b in blocks if b.get("@type") == "NewsArticle"]
    return found


@pytest.mark.django_db
def test_page_credits_agency_via_publisher_linked_to_the_original(
    client: Client, wire_story: Article
) -> None:
    doc = lxml.html.fromstring(client.get(wire_story.get_absolute_url()).content)
    (credit,) = doc.find_class("article__credit")
    (link,) = credit.iter("a")
    assert link.text_content() == "Reuters via The Straits Times"
    assert link.get("href") == STRAITS


@pytest.mark.django_db
def test_json_ld_credits_the_agency_and_publisher_never_the_site(
    client: Client, wire_story: Article, settings: Any
) -> None:
    found = news_article_ld(client.get(wire_story.get_absolute_url()).content)
    reuters = {"@type": "Organization", "name": "Reuters", "url": "https://www.reuters.com/"}
    assert found["author"] == reuters
    assert found["sourceOrganization"] == reuters
    assert found["publisher"] == {"@type": "Organization", "name": "The Straits Times"}
    assert found["isBasedOn"] == STRAITS
    site_names = {"Embassies", str(getattr(settings, "SITE_NAME", "Embassies"))}
    assert not site_names & {found["author"]["name"], found["publisher"]["name"]}


@pytest.mark.django_db
def test_json_ld_author_is_the_bylines_person_with_the_agency_as_source(client: Client) -> None:
    story = make_article(
        "Envoys meet again",
        WHEN,
        {},
        author="Jane Roe",
        agency="Agence France-Presse",
        source="Le Quotidien",
    )
    found = news_article_ld(client.get(story.get_absolute_url()).content)
    assert found["author"] == {"@type": "Person", "name": "Jane Roe"}
    assert found["sourceOrganization"]["name"] == "Agence France-Presse"
    assert found["publisher"]["name"] == "Le Quotidien"


@pytest.mark.django_db
def test_json_ld_of_an_article_with_no_known_origin_names_no_author(client: Client) -> None:
    story = make_article("Envoys meet quietly", WHEN, {})
    found = news_article_ld(client.get(story.get_absolute_url()).content)
    assert "author" not in found and "publisher" not in found


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feed_entries_credit_the_agency_and_link_the_original(
    client: Client, wire_story: Article, kind: str
) -> None:
    (entry,) = feedparser.parse(client.get(f"/news/{kind}/").content).entries
    assert entry.author == "Reuters via The Straits Times"
    assert "Reuters via The Straits Times" in entry.summary and STRAITS in entry.summary


@pytest.mark.django_db
def test_news_list_credits_the_agency(client: Client, wire_story: Article) -> None:
    html = client.get("/news/").content.decode()
    assert "Reuters via The Straits Times" in html


@pytest.mark.django_db
def test_api_gives_the_agency_apart_from_the_publisher(client: Client, wire_story: Article) -> None:
    found = client.get(f"/api/v1/news/{wire_story.pk}").json()
    assert (found["agency"], found["source"], found["author"]) == (
        "Reuters",
        "The Straits Times",
        None,
    )
