"""Findability: every public page has one h1, its own title and description, a canonical URL,
Open Graph tags, and schema.org JSON-LD that parses and says what the page is about."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client

from embassies.web.seo import opening_hours
from tests.factories import make_mission
from tests.web import sample_site
from tests.web.page_parts import get, json_ld, meta, of_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def site() -> sample_site.Site:
    return sample_site.build()


def test_every_page_has_one_h1_a_title_a_description_and_a_canonical_url(
    client: Client, site: sample_site.Site
) -> None:
    for name, url in site.pages().items():
        doc = get(client, url)
        assert len(doc.xpath("//h1")) == 1, name
        assert doc.findtext(".//title").strip(), name
        (description,) = meta(doc, "name", "description")
        assert len(description) > 30, name
        (canonical,) = doc.xpath("//head/link[@rel='canonical']/@href")
        assert canonical.startswith("http://testserver/"), name
        assert "?" not in canonical or name == "emergency card", name


def test_titles_and_descriptions_are_unique_across_pages(
    client: Client, site: sample_site.Site
) -> None:
    docs = {name: get(client, url) for name, url in site.pages().items()}
    titles = {name: doc.findtext(".//title") for name, doc in docs.items()}
    assert len(set(titles.values())) == len(titles), titles
    descriptions = {name: meta(doc, "name", "description")[0] for name, doc in docs.items()}
    assert len(set(descriptions.values())) == len(descriptions), descriptions


def test_open_graph_tags_repeat_title_description_and_canonical_url(
    client: Client, site: sample_site.Site
) -> None:
    doc = get(client, site.embassy.get_absolute_url())
    assert meta(doc, "property", "og:title") == ["Embassy of Canada in Moscow, Russia"]
    assert meta(doc, "property", "og:description") == meta(doc, "name", "description")
    assert meta(doc, "property", "og:url") == doc.xpath("//link[@rel='canonical']/@href")
    assert meta(doc, "property", "og:type") == ["website"]
    article = get(client, site.article.get_absolute_url())
    assert meta(article, "property", "og:type") == ["article"]


def test_mission_is_a_government_office_with_address_place_and_contacts(
    client: Client, site: sample_site.Site
) -> None:
    office = of_type(get(client, site.embassy.get_absolute_url()), "GovernmentOffice")
    assert office["@context"] == "https://schema.org"
    assert office["name"] == "Embassy of Canada in Moscow, Russia"
    assert office["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Starokonyushenny pereulok 23",
        "addressLocality": "Moscow",
        "addressCountry": "RU",
    }
    assert office["geo"] == {"@type": "GeoCoordinates", "latitude": 55.7478, "longitude": 37.5953}
    assert office["telephone"] == ["+74959256000", "+74959256025"]
    assert office["email"] == "mosco@international.gc.ca"
    assert office["url"] == "https://www.canadainternational.gc.ca/russia-russie/"
    assert office["openingHours"] == ["Mo-Fr 08:30-12:30", "Mo-Fr 13:30-17:00"]


def test_opening_hours_only_when_schema_org_can_say_them() -> None:
    assert opening_hours("24/7") == ["Mo-Su 00:00-24:00"]
    assert opening_hours("Mo-Th 09:00-17:00; Fr 09:00-13:00") == [
        "Mo-Th 09:00-17:00",
        "Fr 09:00-13:00",
    ]
    assert opening_hours("Mo-Fr 09:00-17:00; PH off") == []
    assert opening_hours("by appointment") == []


def test_mission_without_hours_or_place_leaves_them_out(client: Client) -> None:
    bare = make_mission(city="Kazan", phones=["call the switchboard"], opening_hours="sunrise")
    office = of_type(get(client, bare.get_absolute_url()), "GovernmentOffice")
    assert "geo" not in office and "openingHours" not in office and "telephone" not in office
    assert office["address"]["addressLocality"] == "Kazan"


def test_article_is_a_news_article(client: Client, site: sample_site.Site) -> None:
    news = of_type(get(client, site.article.get_absolute_url()), "NewsArticle")
    assert news["headline"] == "Canada and Russia talk about consular access"
    assert news["datePublished"].startswith("2026-03-21T09:30:00")
    assert news["author"] == {"@type": "Person", "name": "Anna Writer"}
    assert news["publisher"] == {"@type": "Organization", "name": "Example News"}


def test_breadcrumbs_on_country_mission_and_article_pages(
    client: Client, site: sample_site.Site
) -> None:
    expected = {
        "/countries/russia/": ["Home", "Russia"],
        "/countries/canada/abroad/": ["Home", "Canada", "Abroad"],
        site.embassy.get_absolute_url(): ["Home", "Russia", "Embassy of Canada in Moscow, Russia"],
        site.article.get_absolute_url(): ["Home", "News", site.article.title],
    }
    for url, names in expected.items():
        trail = of_type(get(client, url), "BreadcrumbList")["itemListElement"]
        assert [item["name"] for item in trail] == names, url
        assert [item["position"] for item in trail] == list(range(1, len(names) + 1))
        assert trail[-1]["item"] == "http://testserver" + url


def test_json_ld_cannot_be_closed_by_a_value(client: Client) -> None:
    hostile = make_mission(city="Kazan", address="</script><script>alert(1)</script>")
    response = client.get(hostile.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    office = of_type(get(client, hostile.get_absolute_url()), "GovernmentOffice")
    assert office["address"]["streetAddress"] == "</script><script>alert(1)</script>"


def test_home_describes_the_site_and_its_search(client: Client, site: sample_site.Site) -> None:
    (website,) = json_ld(get(client, "/"))
    assert website["@type"] == "WebSite"
    assert website["potentialAction"]["target"] == "http://testserver/search/?q={query}"


def test_the_error_page_renders_without_a_request() -> None:
    html = render_to_string("500.html")
    assert "<h1>Sorry, there is a problem with the service</h1>" in html
    assert 'rel="canonical"' not in html
