"""Where `news add` and `tag` read a document from: a URL, a file, or standard input."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from embassies.lib.http import fetch_response

_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Loaded:
    data: bytes
    url: str = ""  # the final URL after redirects, for documents read from the web
    content_type: str = ""


def load(source: str) -> Loaded:
    """Read PATH, URL or "-" (stdin), refusing anything over the news size limit.

    Raises OSError for unreadable files, ValueError for oversized ones, FetchError for URLs.
    """
    if _URL.match(source):
        got = fetch_response(
            source, max_bytes=settings.NEWS_MAX_BYTES, max_seconds=settings.NEWS_FETCH_SECONDS
        )
        return Loaded(got.body, got.url, got.headers.get("Content-Type", ""))
    if source == "-":
        data = sys.stdin.buffer.read(settings.NEWS_MAX_BYTES + 1)
    else:
        with Path(source).open("rb") as handle:
            data = handle.read(settings.NEWS_MAX_BYTES + 1)
    if len(data) > settings.NEWS_MAX_BYTES:
        raise ValueError(f"{source}: larger than {settings.NEWS_MAX_BYTES} bytes, refused")
    return Loaded(data)
