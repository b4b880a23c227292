"""Where `news add` and `tag` read a document from: a URL, a file, or standard input."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from embassies.lib.http import fetch_response
from embassies.news import conf

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
        got = fetch_response(source, max_bytes=conf.MAX_BYTES, max_seconds=conf.FETCH_SECONDS)
        return Loaded(got.body, got.url, got.headers.get("Content-Type", ""))
    if source == "-":
        data = sys.stdin.buffer.read(conf.MAX_BYTES + 1)
    else:
        with Path(source).open("rb") as handle:
            data = handle.read(conf.MAX_BYTES + 1)
    if len(data) > conf.MAX_BYTES:
        raise ValueError(f"{source}: larger than {conf.MAX_BYTES} bytes, refused")
    return Loaded(data)
