"""An article's image URL cannot write the Content-Security-Policy: a host with ";" or a quote
adds no directive, and an internationalised host is written in ASCII, so the header stays one
plain, parseable policy (a non-ASCII value would be MIME-encoded, leaving no policy at all)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from embassies.news.models import Article
from embassies.web.csp import origin

pytestmark = pytest.mark.django_db

POISONED = [
    "https://cdn.example;script-src-elem 'unsafe-inline'/x.jpg",
    "https://cdn.example;script-src-elem/x.jpg",
    "https://cdn.example%3bscript-src-elem/x.jpg",
    "https://user;script-src-elem@cdn.example/x.jpg",
    "https://cdn.example,'unsafe-inline'/x.jpg",
    "https://cdn.example\n;script-src-elem 'unsafe-inline'/x.jpg",
]
BASE_DIRECTIVES = {
    "default-src",
    "img-src",
    "script-src",
    "style-src",
    "object-src",
    "base-uri",
    "form-action",
    "frame-ancestors",
}


def article_with_image(url: str) -> Article:
    """Stored as it came, as an older release would have: the page must still be safe."""
    return Article.objects.create(
        title="Envoys meet",
        slug="envoys-meet",
        published=timezone.now(),
        body_html="<p>Text</p>",
        body_text="Text",
        image_url=url,
    )


def policy_of(client: Client, article: Article) -> dict[str, list[str]]:
    header = client.get(article.get_absolute_url())["Content-Security-Policy"]
    assert header.isascii() and header.isprintable() and "=?" not in header, header
    parts = [d.split() for d in header.split(";") if d.strip()]
    names = [p[0] for p in parts]
    assert len(names) == len(set(names)), header
    return {p[0]: p[1:] for p in parts}


@pytest.mark.parametrize("url", POISONED)
def test_a_poisoned_image_url_adds_no_directive_and_no_source(client: Client, url: str) -> None:
    rules = policy_of(client, article_with_image(url))
    assert set(rules) == BASE_DIRECTIVES
    assert rules["script-src"] == ["'self'"]
    assert not any("cdn.example" in s or "unsafe" in s for s in rules["img-src"]), rules
    assert origin(url) == ""


def test_an_internationalised_image_host_is_allowed_in_ascii(client: Client) -> None:
    rules = policy_of(client, article_with_image("https://bücher.example:8443/bild.jpg"))
    assert "https://xn--bcher-kva.example:8443" in rules["img-src"]
    assert rules["script-src"] == ["'self'"]
