"""The State Department's RSS: <item> with <title>, <link>, <pubDate> and two categories,
domain="Threat-Level" ("Level 4: Do Not Travel") and domain="Country-Tag" (FIPS 10-4)."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from embassies.alerts.advisories import safexml
from embassies.alerts.advisories.items import AdvisoryFormatError, Item, parse_date
from embassies.alerts.advisories.titles import collapse, level_in, split_title


def parse(body: bytes) -> list[Item]:
    root = safexml.parse(body)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise AdvisoryFormatError(f"not an RSS feed: its root element is <{root.tag}>")
    return [_item(element) for element in channel.iter("item")]


def _categories(element: Element, domain: str) -> list[str]:
    found = element.findall("category")
    return [collapse(c.text) for c in found if c.get("domain", "").lower() == domain and c.text]


def _item(element: Element) -> Item:
    title = collapse(element.findtext("title"))
    place, level = split_title(title)
    threat = _categories(element, "threat-level")
    return Item(
        title=title,
        place=place,
        level=level or next((n for t in threat if (n := level_in(t))), None),
        published=parse_date(element.findtext("pubDate")),
        link=collapse(element.findtext("link")),
        tags=tuple(_categories(element, "country-tag")),
    )
