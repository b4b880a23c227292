"""The one JSON shape of a mission and of a country, shared by the API and the CLI."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from embassies.countries.models import Country
from embassies.directory import limits
from embassies.directory.contact import e164, social_links
from embassies.directory.freshness import freshness
from embassies.directory.history import public_source
from embassies.directory.models import Mission
from embassies.directory.queries import Counts
from embassies.directory.status import evidence


def mission_to_dict(m: Mission, request: HttpRequest | None = None) -> dict[str, Any]:
    """Expects sending, host and accreditations loaded (queries.with_relations)."""
    return {
        "id": m.pk,
        "wikidata": m.wikidata or None,
        "osm_id": m.osm_id or None,
        "kind": m.kind,
        "kind_label": m.kind_label or m.get_kind_display(),
        "title": m.title,
        "sending": m.sending_id,
        "sending_name": m.sending.name,
        "sending_subdivision": m.sending_subdivision or None,
        "host": m.host_id,
        "host_name": m.host.name,
        "city": m.city,
        "address": m.address,
        **_position(m),
        "approximate": m.position_approximate,  # lat/lon are the city's centre
        "territory": m.territory or None,  # an entity the host does not control (Abkhazia)
        "phones": [e164(phone, m.host_id) for phone in m.phones],
        "emails": list(m.emails),
        "website": m.website or None,
        "social": social_links(m.social),
        "opening_hours": m.opening_hours or None,
        "head_of_mission": m.head_of_mission or None,
        "status": m.status,
        "status_since": m.status_since or None,
        "moved_to": m.moved_to or None,
        "status_source": _status_source(m),
        "accreditations": sorted(c.code for c in m.accreditations.all()),
        "regions": list(m.jurisdiction_regions),
        "photo": _photo(m),
        "inception": m.inception.isoformat() if m.inception else None,
        "sources": {field: public_source(str(origin)) for field, origin in m.sources.items()},
        "url": _url(m.get_absolute_url(), request),
        "updated_at": m.updated_at.isoformat(),
        **_trust(m),
    }


def _position(m: Mission) -> dict[str, float | None]:
    """lat and lon, or both None: JSON has no NaN or Infinity, and half a position is none.
    The model already reads such values as None; this holds for a mission built in memory."""
    if limits.is_position(m.lat, m.lon):
        return {"lat": m.lat, "lon": m.lon}
    return {"lat": None, "lon": None}


def _trust(m: Mission) -> dict[str, Any]:
    """How far the details can be trusted: the date of the data that last confirmed them,
    and the notice to show when that is too long ago (None while they are fresh)."""
    known = freshness(m)
    return {
        "verified_at": known.verified_at.isoformat() if known.verified_at else None,
        "stale": known.stale,
        "notice": known.notice,
    }


def _status_source(m: Mission) -> dict[str, str | None] | None:
    """Where the status comes from: the status file's or an editor's fact, or Wikidata."""
    found = evidence(m)
    if found is None:
        return None
    return {"name": found.name, "url": found.url or None, "title": found.title or None}


def _photo(m: Mission) -> dict[str, str] | None:
    if not m.photo:
        return None
    return {
        "url": m.photo,
        "author": m.photo_author,
        "licence": m.photo_licence,
        "licence_url": m.photo_licence_url,
    }


def _url(path: str, request: HttpRequest | None) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def country_to_dict(
    c: Country, counts: Counts, request: HttpRequest | None = None
) -> dict[str, Any]:
    return {
        "code": c.code,
        "alpha3": c.alpha3 or None,
        "name": c.name,
        "official_name": c.official_name or None,
        "names": dict(c.names),
        "alt_names": list(c.alt_names),
        "demonym": c.demonym or None,
        "capital": c.capital or None,
        "seat_of_government": c.seat_of_government or None,
        "is_eu": c.is_eu,
        "is_state": c.is_state,
        "wikidata": c.wikidata or None,
        "missions_hosted": counts.hosted,
        "missions_abroad": counts.abroad,
        "url": _url(reverse("web:country", kwargs={"slug": c.slug}), request),
    }
