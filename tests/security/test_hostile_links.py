"""Links from outside that would run script when clicked (javascript:, data:, vbscript:, in mixed
case, after whitespace, entity-encoded) are dropped when a feed, a JSON article or an advisory
is stored, and never reach an href or src, even when the database already holds one."""

from __future__ import annotations

import html
import json
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from embassies.alerts.models import Advisory
from embassies.api.models import ApiToken
from embassies.news.documents import read_document
from embassies.news.feeds.poll import fetch_all
from embassies.news.ingest import ingest
from embassies.news.models import Article, Feed
from tests.alerts.documents import BASE, Entry
from tests.alerts.documents import rss as advisories_rss
from tests.factories import make_country, make_mission
from tests.localserver import local_server
from tests.news.feeds_data import LONG, rss

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_retries")]

# As they appear in the document; the XML and JSON parsers decode the entities.
HOSTILE = {
    "javascript": "javascript:alert(document.domain)",
    "mixed-case": "JaVaScRiPt:alert(document.domain)",
    "leading-space": "  \tjavascript:alert(document.domain)",
    "entity": "&#106;avascript&#58;alert(document.domain)",
    "tab-inside": "java&#9;script:alert(document.domain)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "VBScript:msgbox(1)",
}
SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")


def links(html: bytes) -> list[str]:
    """Every href and src of the page, as the browser reads them (entities decoded)."""
    doc = lxml.html.fromstring(html)
    return [v for v in doc.xpath("//@href | //@src")]


def scripted(html: bytes) -> list[str]:
    squeezed = ("".join(v.split()).lower() for v in links(html))
    return [v for v in squeezed if v.startswith(SCRIPT_SCHEMES)]


def test_feed_items_with_script_links_are_kept_without_them(client: Client, settings: Any) -> None:
    items = [
        (f"g-{name}", f"Envoys meet ({name})", link, f"{LONG} {name}.")
        for name, link in HOSTILE.items()
    ]
    feed = rss(items, full=True).encode()
    with local_server(lambda *a: (200, {"Content-Type": "application/rss+xml"}, feed)) as (url, _):
        settings.HTTP_ALLOW_HOSTS = [urlsplit(url).netloc]  # outgoing HTTP may reach loopback
        Feed.objects.create(url=url + "/feed.xml")
        assert fetch_all()[0].added == len(HOSTILE)
    for article in Article.objects.all():
        assert article.source_url == "", article.title
        assert scripted(client.get(article.get_absolute_url()).content) == [], article.title


@pytest.mark.parametrize("name", HOSTILE)
def test_json_article_with_script_url_and_image_is_stored_without_them(name: str) -> None:
    link = html.unescape(HOSTILE[name])  # JSON has no entities: the decoded form
    document = {"title": "Envoys meet", "text": LONG, "url": link, "image": link}
    article = ingest(read_document(json.dumps(document).encode())).article
    assert (article.source_url, article.image_url) == ("", "")


def test_an_article_already_stored_with_script_links_renders_none(client: Client) -> None:
    article = Article.objects.create(
        title="Old",
        slug="old",
        published=timezone.now(),
        body_html="<p>Text</p>",
        body_text="Text",
        source="Wire",
        source_url="javascript:alert(document.domain)",
        image_url="data:image/svg+xml,<svg onload=alert(1)>",
    )
    page = client.get(article.get_absolute_url()).content
    assert scripted(page) == [] and b"<img src=" not in page


def test_advisory_links_with_script_are_dropped_and_never_linked(
    client: Client, tmp_path: Path
) -> None:
    make_country("RU", "Russia")
    path = tmp_path / "feed.xml"
    good = f"{BASE}/x-travel-advisory.html"
    path.write_bytes(
        advisories_rss([Entry("Russia - Level 4: Do Not Travel", tag="RS")]).replace(
            good.encode(), HOSTILE["entity"].encode()
        )
    )
    call_command("advisories", "fetch", str(path), "--json", stdout=StringIO())
    assert Advisory.objects.get(country_id="RU").link == ""
    Advisory.objects.update(link=HOSTILE["mixed-case"])  # stored before this check existed
    assert scripted(client.get("/alerts/").content) == []


def test_mission_website_and_social_links_with_script_are_not_linked(client: Client) -> None:
    mission = make_mission(
        sending=make_country("CA", "Canada"),
        host=make_country("RU", "Russia"),
        city="Moscow",
        website="javascript:alert(document.domain)",
        social={"x": " JAVASCRIPT:alert(1)"},
        photo_licence="CC BY",
        photo_licence_url="vbscript:msgbox(1)",
    )
    assert scripted(client.get(mission.get_absolute_url()).content) == []


def test_the_write_api_refuses_script_links_for_website_and_social(client: Client) -> None:
    token = ApiToken.issue("bot")[1]
    mission = make_mission(
        sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"), city="Moscow"
    )
    body = {"website": "https://ok.example/", "social": {"x": "  javascript:alert(1)"}}
    response = client.patch(
        f"/api/v1/missions/{mission.pk}",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422
    assert set(response.json()["error"]["details"]) == {"social"}
    mission.refresh_from_db()
    assert mission.social == {} and mission.website == ""
