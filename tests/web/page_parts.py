"""Reading what a page says to search engines: head tags and JSON-LD blocks."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
from django.test import Client


def get(client: Client, url: str) -> lxml.html.HtmlElement:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return lxml.html.fromstring(response.content)


def meta(doc: lxml.html.HtmlElement, attribute: str, name: str) -> list[str]:
    return [str(m.get("content")) for m in doc.xpath(f"//head/meta[@{attribute}='{name}']")]


def json_ld(doc: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD block, parsed with json.loads."""
    return [
        json.loads(s.text_content()) for s in doc.xpath("//script[@type='application/ld+json']")
    ]


def of_type(doc: lxml.html.HtmlElement, kind: str) -> dict[str, Any]:
    found = [block for block in json_ld(doc) if block.get("@type") == kind]
    assert len(found) == 1, f"expected one {kind}, got {[b.get('@type') for b in json_ld(doc)]}"
    return found[0]
