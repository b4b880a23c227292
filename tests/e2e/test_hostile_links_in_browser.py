"""The stored-XSS attack replayed in Chromium: a feed whose entries link to `javascript:` and
carry an image URL written to inject a policy directive is fetched through the real feed path;
a reader who opens the article and clicks its links runs no script, and the page's policy
still refuses inline script. Articles stored before links were checked are as safe."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page

from embassies.news.feeds.poll import fetch_all
from embassies.news.models import Article, Feed
from tests.localserver import allowed_server
from tests.news.feeds_data import LONG

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_retries")]

SCRIPT_LINK = "javascript:alert(document.domain)"
POISONED_IMAGE = "https://cdn.example;script-src-elem 'unsafe-inline'/x.jpg"
SCRIPT_LINKS = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript&#58;alert(2)",
    "data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;",
]


def hostile_feed() -> bytes:
    """RSS whose every entry links to script and carries a poisoned Media RSS image."""
    items = "".join(
        f"<item><guid>x-{n}</guid><title>Envoys meet, part {n}</title><link>{link}</link>"
        f'<media:content url="{POISONED_IMAGE}" medium="image" type="image/jpeg"/>'
        f"<pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate>"
        f"<content:encoded>{LONG}</content:encoded></item>"
        for n, link in enumerate(SCRIPT_LINKS)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Hostile wire</title>'
        f"<link>https://wire.example/</link>{items}</channel></rss>"
    ).encode()


def open_and_click_everything(browser: Browser, url: str) -> tuple[Page, list[str]]:
    """Open the page, click every link inside the article the way a reader would (without
    leaving the page), and return the page with the dialogs that script opened."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    # A click on a web link would leave the page: keep the reader here, but let a script URL run.
    page.evaluate(
        """() => document.querySelectorAll('article a').forEach(a => {
            if (/^https?:/i.test(a.href)) a.addEventListener('click', e => e.preventDefault());
            a.click();
        })"""
    )
    page.wait_for_timeout(300)
    return page, dialogs


def inline_script_runs(page: Page) -> bool:
    """Whether the page's policy lets an inline script run (what the poisoned host sought)."""
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__injected = true'; document.body.append(s); }"""
    )
    return bool(page.evaluate("() => window.__injected === true"))


def test_a_hostile_feed_fetched_for_real_runs_no_script_when_read(
    browser: Browser, live_server: Any
) -> None:
    with allowed_server(
        lambda *a: (200, {"Content-Type": "application/rss+xml"}, hostile_feed())
    ) as (url, _):
        Feed.objects.create(url=url + "/feed.xml", title="Hostile wire")
        assert fetch_all()[0].added == len(SCRIPT_LINKS)
    for article in Article.objects.all():
        page, dialogs = open_and_click_everything(
            browser, live_server.url + article.get_absolute_url()
        )
        assert dialogs == [], article.title
        assert not inline_script_runs(page), article.title
        page.close()


def test_an_article_stored_with_script_links_runs_no_script_when_read(
    browser: Browser, live_server: Any
) -> None:
    article = Article.objects.create(
        title="Old",
        slug="old",
        published=timezone.now(),
        body_html="<p>Text</p>",
        body_text="Text",
        source="Wire",
        source_url=SCRIPT_LINK,
        image_url=POISONED_IMAGE,
    )
    page, dialogs = open_and_click_everything(browser, live_server.url + article.get_absolute_url())
    assert dialogs == []
    assert page.locator("article").get_by_text("Wire").count() == 1  # the credit stays, unlinked
    assert not inline_script_runs(page)


def test_the_policy_still_blocks_inline_script_beside_an_internationalised_image_host(
    browser: Browser, live_server: Any
) -> None:
    article = Article.objects.create(
        title="Bild",
        slug="bild",
        published=timezone.now(),
        body_html="<p>Text</p>",
        body_text="Text",
        image_url="https://книги.example/bild.jpg",
    )
    page = browser.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    assert not inline_script_runs(page)
