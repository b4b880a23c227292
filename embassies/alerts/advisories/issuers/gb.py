"""United Kingdom: the FCDO's travel advice on GOV.UK's Content API (GB_ADVISORIES_URL).

The index lists ~226 countries by slug and English name, without levels; each country's
document states its level (`gb_content` maps it onto the common scale). A live fetch reads
the index, then the documents of the countries whose advice changed since the stored one
(`gb_live`). A file or URL may hold either: one country's document is read alone; the
index is read like the live one, its changed countries fetched from the endpoint.
Countries are placed by name through the project's reference data, then by slug; an entry
neither places is reported. Open Government Licence v3.0 (Crown copyright).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from embassies.alerts.advisories import sources
from embassies.alerts.advisories.issuers import gb_content, gb_live
from embassies.alerts.advisories.items import AdvisoryFormatError, Issuer, Item
from embassies.alerts.advisories.names import resolve_one


def parse(body: bytes) -> list[Item]:
    """One country's document; the index states no level, so it is refused here."""
    data = gb_content.document(body)
    if gb_content.is_index(data):
        raise AdvisoryFormatError(
            "the UK index states no levels: `advisories fetch --issuer GB` reads it and "
            "fetches the countries' documents"
        )
    return [gb_content.country_item(data)]


def urls() -> list[str]:
    return [settings.GB_ADVISORIES_URL] if settings.GB_ADVISORIES_URL else []


def _read(source: str) -> bytes:
    if sources.is_url(source):
        return gb_live.get(source, gb_live.INDEX_MAX_BYTES).body
    return sources.read(source, gb_live.INDEX_MAX_BYTES)


def load(source: str | None) -> tuple[str, list[Item]]:
    """(where, items) from a file or URL of the index or of one country, else the live index."""
    where = source or settings.GB_ADVISORIES_URL
    if not where:
        raise AdvisoryFormatError("GB_ADVISORIES_URL is empty and no file or URL was given")
    data = gb_content.document(_read(where))
    if not gb_content.is_index(data):
        return where, [gb_content.country_item(data)]
    # The countries' documents sit under the index's URL; a saved index uses the endpoint's.
    base = where if sources.is_url(where) else settings.GB_ADVISORIES_URL
    entries = gb_content.index_entries(data)
    return where, gb_live.items(ISSUER, entries, base.rstrip("/"))


def slug_to_iso(slug: str) -> str | None:
    """A slug read as a name ("czech-republic"), when the page's name places no country."""
    return resolve_one(slug.replace("-", " "))


ISSUER = Issuer(
    code="GB",
    name="UK Foreign, Commonwealth & Development Office",
    parse=parse,
    urls=urls,
    tag_to_iso=slug_to_iso,
    load=load,
    # The Open Government Licence asks for this statement wherever the information is used.
    credit=_("Contains public sector information licensed under the Open Government Licence v3.0."),
    credit_url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)
