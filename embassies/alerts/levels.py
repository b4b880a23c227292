"""Advisory levels as pages show them: one country's side by side, and the world's table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, pgettext

from embassies.alerts import queries
from embassies.alerts.advisories.issuers import name_of
from embassies.alerts.models import Advisory, Severity
from embassies.countries.grammar import place
from embassies.countries.models import Country
from embassies.directory import titles

NOTICE_LEVEL = 3  # level 3 shows a notice without a banner; level 4 raises a crisis alert


def notice(advisory: Advisory) -> str:
    names = {
        "issuer": name_of(advisory.issuer),
        "country": place(advisory.country, other=titles.country_in),
    }
    text = gettext(
        # Translators: "The US Department of State advises travellers to reconsider travel to
        # Israel (level 3 of 4)." %(issuer)s is the government's own (English) name;
        # %(country)s is "the Bahamas" in English, the name in yours, and in French it brings
        # its own "en"/"au"/"aux" ("en Israël"), so leave "to" out.
        "The %(issuer)s advises travellers to reconsider travel to %(country)s (level 3 of 4)."
    )
    return text % names


def severity_label(severity: int) -> str:
    """ "Crisis", "Crise": an alert's severity in the page's language."""
    labels: dict[int, str] = {
        Severity.INFORMATION: pgettext("alert severity", "Information"),
        Severity.ADVISORY: pgettext("alert severity", "Advisory"),
        Severity.CRISIS: pgettext("alert severity", "Crisis"),
    }
    return labels.get(severity, str(severity))


def country_levels(code: str) -> dict[str, Any]:
    found = list(queries.advisories(code)) if code else []
    return {
        "advisories": found,
        "notices": [notice(a) for a in found if a.level == NOTICE_LEVEL],
        "place": place(found[0].country) if found else "",
    }


@dataclass(frozen=True)
class Row:
    country: Country
    cells: list[Advisory | None]  # one per issuer, in the table's issuer order


def world_table() -> tuple[list[str], list[Row]]:
    """(issuer codes, one row per country with any advisory), countries A-Z."""
    rows: dict[str, dict[str, Advisory]] = {}
    countries: dict[str, Country] = {}
    for advisory in queries.advisories():
        rows.setdefault(advisory.country_id, {})[advisory.issuer] = advisory
        countries[advisory.country_id] = advisory.country
    issuers = sorted({issuer for by_issuer in rows.values() for issuer in by_issuer})
    table = [Row(countries[c], [rows[c].get(i) for i in issuers]) for c in rows]
    return issuers, table
