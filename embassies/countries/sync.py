"""Keep Country rows in step with the reference data after every migrate."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.text import slugify

from embassies.countries import reference
from embassies.countries.models import Country

# Every field the reference data owns; the primary key is the alpha-2 code.
REFERENCE_FIELDS = (
    "slug",
    "name",
    "names",
    "official_name",
    "alpha3",
    "demonym",
    "alt_names",
    "capital",
    "seat_of_government",
    "wikidata",
    "is_state",
    "is_eu",
)


def _values(facts: reference.CountryFacts) -> dict[str, Any]:
    return {
        "slug": slugify(facts.name),
        "name": facts.name,
        "names": dict(facts.names),
        "official_name": facts.official_name,
        "alpha3": facts.alpha3,
        "demonym": facts.demonym,
        "alt_names": list(facts.alt_names),
        "capital": facts.capital,
        "seat_of_government": facts.seat_of_government,
        "wikidata": facts.wikidata,
        "is_state": facts.is_state,
        "is_eu": facts.is_eu,
    }


def _stored(using: str) -> dict[str, dict[str, Any]]:
    rows = Country.objects.using(using).values("code", *REFERENCE_FIELDS)
    return {row.pop("code"): row for row in rows}


def sync_countries(using: str = DEFAULT_DB_ALIAS) -> int:
    """Insert or refresh one Country per reference entry; returns how many rows changed."""
    stored = _stored(using)
    wanted = {facts.code: _values(facts) for facts in reference.all_countries()}
    changed = [
        Country(code=code, **values)
        for code, values in wanted.items()
        if stored.get(code) != values
    ]
    if changed:
        # One upsert instead of a query per row; works on SQLite and PostgreSQL.
        with transaction.atomic(using=using):
            Country.objects.using(using).bulk_create(
                changed,
                update_conflicts=True,
                unique_fields=["code"],
                update_fields=list(REFERENCE_FIELDS),
            )
    return len(changed)


def sync_after_migrate(**kwargs: Any) -> None:
    """post_migrate hook: fill or refresh countries once their table exists."""
    using = kwargs.get("using", DEFAULT_DB_ALIAS)
    # A partial migrate (another app only) can fire this before our table exists.
    if Country._meta.db_table in connections[using].introspection.table_names():
        sync_countries(using=using)
