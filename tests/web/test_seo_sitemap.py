"""sitemap.xml: an index of sections listing every public mission, both pages of every country
and every article; sections split at their URL limit; robots.txt points at it."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from django.test import Client

from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.news.models import Article
from embassies.web import sitemaps
from tests.factories import make_mission
from tests.web import sample_site

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _xml(client: Client, url: str) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)  # noqa: S314  (our own output)


def _locs(client: Client, url: str) -> list[str]:
    return [str(e.text) for e in _xml(client, url).iterfind("s:url/s:loc", NS)]


def _sections(client: Client) -> list[str]:
    return [str(e.text) for e in _xml(client, "/sitemap.xml").iterfind("s:sitemap/s:loc", NS)]


def _section(client: Client, name: str) -> list[str]:
    urls = [u for u in _sections(client) if f"/sitemap-{name}.xml" in u]
    assert urls, name
    return [loc for u in urls for loc in _locs(client, u.removeprefix("http://testserver"))]


def test_sections_list_every_mission_country_page_and_article(client: Client) -> None:
    site = sample_site.build()
    missions = _section(client, "missions")
    assert len(missions) == Mission.objects.count() == 3
    assert "http://testserver" + site.embassy.get_absolute_url() in missions
    countries = _section(client, "countries")
    assert len(countries) == 2 * Country.objects.count()
    assert "http://testserver/countries/russia/" in countries
    assert "http://testserver/countries/russia/abroad/" in countries
    articles = _section(client, "news")
    assert articles == ["http://testserver" + site.article.get_absolute_url()]
    assert len(articles) == Article.objects.count()
    assert "http://testserver/find/" in _section(client, "pages")


def test_a_section_over_its_limit_is_split_into_pages(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    for city in ("Kazan", "Omsk", "Tomsk", "Perm", "Samara"):
        make_mission(city=city)
    monkeypatch.setattr(sitemaps.MissionSitemap, "limit", 2)
    pages = [u for u in _sections(client) if "sitemap-missions" in u]
    assert len(pages) == 3 and pages[1].endswith("?p=2")
    listed = [loc for u in pages for loc in _locs(client, u.removeprefix("http://testserver"))]
    assert len(listed) == len(set(listed)) == Mission.objects.count() == 5


def test_the_real_limit_is_the_protocols() -> None:
    assert sitemaps.MissionSitemap.limit == sitemaps.ArticleSitemap.limit == 50_000


def test_robots_txt_points_at_the_sitemap(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
