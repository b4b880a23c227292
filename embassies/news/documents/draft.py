"""An article as read from a page, a file or a feed entry, before it is cleaned and stored."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Draft:
    title: str
    body_html: str  # not yet sanitised: ingest does that, once, for every source
    published: datetime | None = None
    source: str = ""
    source_url: str = ""
    guid: str = ""
    author: str = ""
    image_url: str = ""
    image_credit: str = ""

    def but(self, **changes: Any) -> Draft:
        return replace(self, **changes)
