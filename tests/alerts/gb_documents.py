"""UK travel advice for tests in the GOV.UK Content API's shapes: the index and one country's
document, with the fields and nesting the API serves and invented, minimal text; and a local
server that answers them."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from embassies.alerts.models import Advisory
from tests.localserver import Reply, allowed_server

API = "https://www.gov.uk/api/content/foreign-travel-advice"
WEB = "https://www.gov.uk/foreign-travel-advice"
INDEX_PATH = "/api/content/foreign-travel-advice"

ALL_WHOLE = "avoid_all_travel_to_whole_country"
ESSENTIAL_WHOLE = "avoid_all_but_essential_travel_to_whole_country"
ALL_PARTS = "avoid_all_travel_to_parts"
ESSENTIAL_PARTS = "avoid_all_but_essential_travel_to_parts"


@dataclass(frozen=True)
class Country:
    slug: str
    name: str
    statuses: tuple[str, ...] = ()
    published: str = "2026-09-01T09:00:00Z"  # the index writes UTC with Z


def _parent() -> dict[str, Any]:
    return {
        "api_path": "/api/content/foreign-travel-advice",
        "api_url": API,
        "base_path": "/foreign-travel-advice",
        "content_id": "08d48cdd-6b50-43ff-a53b-beab47f4aab0",
        "document_type": "travel_advice_index",
        "links": {},
        "locale": "en",
        "public_updated_at": "2024-08-05T07:23:09Z",
        "schema_name": "travel_advice_index",
        "title": "Foreign travel advice",
        "web_url": WEB,
        "withdrawn": False,
    }


def child(c: Country) -> dict[str, Any]:
    return {
        "api_path": f"/api/content/foreign-travel-advice/{c.slug}",
        "api_url": f"{API}/{c.slug}",
        "base_path": f"/foreign-travel-advice/{c.slug}",
        "content_id": f"00000000-0000-4000-8000-{zlib.crc32(c.slug.encode()):012d}",
        "details": {
            "change_description": "Test change.",
            "country": {"name": c.name, "slug": c.slug, "synonyms": []},
        },
        "document_type": "travel_advice",
        "links": {"parent": [_parent()]},
        "locale": "en",
        "public_updated_at": c.published,
        "schema_name": "travel_advice",
        "title": f"{c.name} travel advice",
        "web_url": f"{WEB}/{c.slug}",
        "withdrawn": False,
    }


def index(countries: list[Country]) -> bytes:
    data = {
        "base_path": "/foreign-travel-advice",
        "content_id": "08d48cdd-6b50-43ff-a53b-beab47f4aab0",
        "document_type": "travel_advice_index",
        "schema_name": "travel_advice_index",
        "title": "Foreign travel advice",
        "details": {"email_signup_link": "/foreign-travel-advice/email-signup"},
        "links": {"children": [child(c) for c in countries]},
    }
    return json.dumps(data).encode()


def _in_london(published: str) -> str:
    """The page writes the same instant as the index in UK summer time: 10:00+01:00."""
    instant = datetime.fromisoformat(published.replace("Z", "+00:00"))
    return instant.astimezone(timezone(timedelta(hours=1))).isoformat()


def page(c: Country, withdrawn: bool = False) -> bytes:
    """A full country document (`links` and `change_history` left out, as they are unread)."""
    data = {
        "base_path": f"/foreign-travel-advice/{c.slug}",
        "content_id": child(c)["content_id"],
        "description": f"Test advice for {c.name}.",
        "details": {
            "alert_status": list(c.statuses),
            "change_description": "Test change.",
            "country": {"name": c.name, "slug": c.slug, "synonyms": []},
            "email_signup_link": f"/foreign-travel-advice/{c.slug}/email-signup",
            "max_cache_time": 10,
            "parts": [
                {
                    "slug": "warnings-and-insurance",
                    "title": "Warnings and insurance",
                    "body": "<p>Test.</p>",
                }
            ],
            "reviewed_at": c.published,
            "updated_at": c.published,
        },
        "document_type": "travel_advice",
        "first_published_at": "2013-03-19T00:00:00+00:00",
        "locale": "en",
        "phase": "live",
        "public_updated_at": _in_london(c.published),
        "publishing_app": "travel-advice-publisher",
        "rendering_app": "frontend",
        "schema_name": "travel_advice",
        "title": f"{c.name} travel advice",
        "updated_at": _in_london(c.published),
        "withdrawn_notice": (
            {"explanation": "<p>Withdrawn for the test.</p>", "withdrawn_at": c.published}
            if withdrawn
            else {}
        ),
    }
    return json.dumps(data).encode()


HAITI = Country("haiti", "Haiti", (ALL_WHOLE,))
MEXICO = Country("mexico", "Mexico", (ESSENTIAL_PARTS,))
UKRAINE = Country("ukraine", "Ukraine", (ALL_PARTS, ESSENTIAL_PARTS))
FRANCE = Country("france", "France")
# No country the project knows: reported, never fetched.
NARNIA = Country("narnia", "Narnia", (ALL_WHOLE,))

Routes = dict[str, Reply]


def routes_for(countries: list[Country]) -> Routes:
    """The index listing them all, and a document for each."""
    routes: Routes = {INDEX_PATH: (200, {}, index(countries))}
    for c in countries:
        routes[f"{INDEX_PATH}/{c.slug}"] = (200, {"Content-Type": "application/json"}, page(c))
    return routes


@contextmanager
def gov_uk(settings: Any, routes: Routes) -> Iterator[list[dict[str, object]]]:
    """A server answering from `routes` (changed by the test between runs), GB_ADVISORIES_URL
    pointing at its index; yields the requests it saw."""

    def handler(method: str, path: str, query: dict[str, list[str]], body: bytes) -> Reply:
        return routes.get(path, (404, {}, b"not found"))

    with allowed_server(handler) as (base, seen):
        settings.GB_ADVISORIES_URL = base + INDEX_PATH
        yield seen


def paths(seen: list[dict[str, object]]) -> list[object]:
    return [request["path"] for request in seen]


def stored() -> dict[str, tuple[int, bool]]:
    return {a.country_id: (a.level, a.parts_only) for a in Advisory.objects.filter(issuer="GB")}
