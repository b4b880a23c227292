"""A request path that starts with "//" (or "/\\", which browsers read the same) is a path on
this site, never another host: the canonical URL, og:url, hreflang alternates and the language
switcher of the page it gets all point at this site's own host."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PATHS = [
    "//evil.example/",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "//evil.example/fr/",
    "/\t/evil.example",
    "//evil.example",
]
PAGE = "http://testserver/some/page"  # where the browser is: relative links resolve from here


def site_links(html: bytes) -> list[str]:
    """canonical, og:url, hreflang alternates and the switcher's links, as written."""
    doc = lxml.html.fromstring(html)
    return [
        *doc.xpath("//link[@rel='canonical' or @rel='alternate']/@href"),
        *doc.xpath("//meta[@property='og:url']/@content"),
        *doc.xpath("//a[@hreflang]/@href"),
    ]


def host_a_browser_goes_to(link: str) -> str:
    """WHATWG URL parsing for http: tabs and newlines dropped, backslashes are slashes, and
    any number of slashes before a host ("///evil.example") start a network-path reference."""
    cleaned = link.strip().replace("\t", "").replace("\n", "").replace("\\", "/")
    if cleaned.startswith("//"):
        cleaned = "//" + cleaned.lstrip("/")
    return urlsplit(urljoin(PAGE, cleaned)).netloc


@pytest.mark.parametrize("path", PATHS)
def test_every_self_link_stays_on_this_site(client: Client, path: str) -> None:
    # The test client would read "//evil.example/" as a host, so the path is set as a server
    # passes it on.
    response = client.get("/", PATH_INFO=path)
    found = site_links(response.content)
    assert found, response.status_code
    for link in found:
        assert host_a_browser_goes_to(link) == "testserver", (path, link)
        assert not urlsplit(link).path.startswith("//"), (path, link)
