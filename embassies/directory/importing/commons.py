"""Author and licence of Wikimedia Commons photos, which Wikidata's SPARQL answers lack.

CC BY and CC BY-SA photos may only be shown with their credit, so a photo whose credit
cannot be read is dropped rather than shown without it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.utils.html import strip_tags

from embassies.lib.batches import batched
from embassies.lib.http import FetchError, fetch

log = logging.getLogger(__name__)
BATCH = 50  # titles per request: the MediaWiki API's limit for anonymous clients
_FILE_PATH = "Special:FilePath/"


@dataclass(frozen=True)
class Credit:
    author: str
    licence: str
    licence_url: str


def file_title(picture_url: str) -> str | None:
    """'.../Special:FilePath/Afghan%20Embassy.jpg' -> 'File:Afghan Embassy.jpg'."""
    if _FILE_PATH not in picture_url:
        return None
    name = unquote(picture_url.split(_FILE_PATH, 1)[1]).replace("_", " ").strip()
    return f"File:{name}" if name else None


def _credit(page: dict[str, object]) -> Credit | None:
    info = page.get("imageinfo")
    if not isinstance(info, list) or not info:
        return None
    meta = info[0].get("extmetadata", {})

    def value(key: str) -> str:
        return strip_tags(str(meta.get(key, {}).get("value", ""))).strip()

    licence = value("LicenseShortName")
    return Credit(value("Artist")[:300], licence, value("LicenseUrl")) if licence else None


def _batch_credits(titles: list[str]) -> dict[str, Credit]:
    body = fetch(
        settings.COMMONS_API_URL,
        params={
            "action": "query",
            "prop": "imageinfo",
            "iiprop": "extmetadata",
            "titles": "|".join(titles),
            "format": "json",
            "formatversion": "2",
        },
    )
    query = json.loads(body).get("query", {})
    renamed = {n["to"]: n["from"] for n in query.get("normalized", [])}
    credits: dict[str, Credit] = {}
    for page in query.get("pages", []):
        credit = _credit(page)
        if credit:
            credits[renamed.get(page.get("title", ""), page.get("title", ""))] = credit
    return credits


def credits_for(titles: Iterable[str]) -> dict[str, Credit]:
    """Credits by file title; files whose credit cannot be read are missing from the result."""
    unique = sorted(set(titles))
    found: dict[str, Credit] = {}
    for batch in batched(unique, BATCH):
        try:
            found |= _batch_credits(batch)
        except (FetchError, ValueError) as error:
            log.warning("Commons credits unavailable for %d files: %s", len(batch), error)
    return found


def add_credits(rows: list[dict[str, str]]) -> int:
    """Fill pictureAuthor/License/LicenseURL of rows; drop pictures left without a licence."""
    wanted = {row["picture"]: file_title(row["picture"]) for row in rows if row.get("picture")}
    credits = credits_for(title for title in wanted.values() if title)
    dropped = 0
    for row in rows:
        credit = credits.get(wanted.get(row.get("picture", "")) or "")
        if credit:
            row |= {
                "pictureAuthor": credit.author,
                "pictureLicense": credit.licence,
                "pictureLicenseURL": credit.licence_url,
            }
        elif row.get("picture"):
            row["picture"] = ""
            dropped += 1
    return dropped
