"""Parse a feed safely: defusedxml refuses entity tricks before feedparser sees a byte."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

log = logging.getLogger(__name__)

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


class FeedRefused(Exception):
    """A feed we will not read: unsafe or not a feed at all. The message says why."""


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[Any]  # feedparser's entry dictionaries
    warning: str = ""  # a problem feedparser worked around (wrong encoding, bad markup)


def refuse_hostile(body: bytes) -> None:
    """Entity expansion (billion laughs, quadratic blow-up) and external entities are refused.

    A document expat cannot parse at all still goes to feedparser (it recovers from wrong
    encodings and sloppy markup), unless it declares entities: those we never expand.
    """
    try:
        defusedxml.ElementTree.fromstring(
            body, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as error:
        raise FeedRefused(f"unsafe XML refused ({type(error).__name__})") from error
    except ParseError as error:
        if _ENTITY.search(body):
            raise FeedRefused("unsafe XML refused (entity declarations)") from error


def parse_feed(body: bytes, content_type: str = "") -> ParsedFeed:
    refuse_hostile(body)
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    problem = str(parsed.get("bozo_exception", "")) if parsed.bozo else ""
    if problem and not parsed.entries:
        raise FeedRefused(f"not a readable feed: {problem}")
    return ParsedFeed(str(parsed.feed.get("title", "")), list(parsed.entries), problem)
