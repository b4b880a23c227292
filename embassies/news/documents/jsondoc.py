"""An article as JSON: our own shape, JSON Feed items and most CMS exports have these keys."""

from __future__ import annotations

import json
from typing import Any

from embassies.news.documents.dates import parse_date
from embassies.news.documents.draft import Draft
from embassies.news.sanitize import text_to_html

_HTML_KEYS = ("body_html", "content_html", "html")
_TEXT_KEYS = ("body", "text", "content_text", "content", "summary")
_DATE_KEYS = ("published", "date_published", "date", "datePublished", "pubDate")


def _first(data: dict[str, Any], keys: tuple[str, ...]) -> str:
    return next((str(data[k]) for k in keys if data.get(k)), "")


def _name(value: Any) -> str:
    """ "Jane", {"name": "Jane"} or [{"name": "Jane"}, ...] -> "Jane"."""
    if isinstance(value, list):
        return ", ".join(_name(v) for v in value if v)
    return str(value.get("name", "")) if isinstance(value, dict) else str(value or "")


def _body(data: dict[str, Any]) -> str:
    if found := _first(data, _HTML_KEYS):
        return found
    text = _first(data, _TEXT_KEYS)
    return text if "</" in text else text_to_html(text)


def _image(data: dict[str, Any]) -> tuple[str, str]:
    image = data.get("image") or data.get("image_url") or ""
    credit = str(data.get("image_credit") or "")
    if isinstance(image, dict):
        return str(image.get("url", "")), str(image.get("credit", "")) or credit
    return str(image), credit


def read_json(text: str, url: str = "") -> Draft:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a JSON article must be an object")
    image_url, image_credit = _image(data)
    return Draft(
        title=str(data.get("title") or data.get("headline") or "").strip(),
        body_html=_body(data),
        published=parse_date(_first(data, _DATE_KEYS)),
        source=_name(data.get("source") or data.get("publisher")),
        source_url=str(data.get("url") or data.get("source_url") or url),
        guid=str(data.get("guid") or data.get("id") or ""),
        author=_name(data.get("author") or data.get("authors")),
        image_url=image_url,
        image_credit=image_credit,
    )
