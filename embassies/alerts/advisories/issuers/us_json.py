"""The State Department's consular data API: a JSON list of advisories.

Its field names are not documented (seen: Title, Link, Category, Summary, Published,
Updated, sometimes wrapped in {"data": [...]}), so they are read case-insensitively.
"""

from __future__ import annotations

from typing import Any

from embassies.alerts.advisories.items import AdvisoryFormatError, Item, json_document, parse_date
from embassies.alerts.advisories.titles import collapse, split_title


def _records(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        data = {str(k).lower(): v for k, v in data.items()}.get("data")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise AdvisoryFormatError("not the advisories API's format: expected a list of objects")
    return [{str(k).lower(): v for k, v in record.items()} for record in data]


def _tags(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(collapse(str(v)) for v in values if isinstance(v, str) and v.strip())


def _item(record: dict[str, Any]) -> Item:
    title = collapse(str(record.get("title") or ""))
    place, level = split_title(title)
    published = parse_date(str(record.get("published") or record.get("updated") or ""))
    link = collapse(str(record.get("link") or ""))
    return Item(title, place, level, published, link, _tags(record.get("category")))


def parse(body: bytes) -> list[Item]:
    data = json_document(body)
    return [_item(record) for record in _records(data)]
