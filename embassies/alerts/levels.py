"""Advisory levels as pages show them: one country's side by side, and the world's table.

One table for both: each issuer's level on the common scale in words, whether it covers
stricter advice for parts of the country, the issuer's own words and date, and a link to its page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext, pgettext

from embassies.alerts import queries
from embassies.alerts.advisories.issuers import ISSUERS, credit_of, name_of
from embassies.alerts.guidance import GUIDES
from embassies.alerts.models import Advisory, Severity
from embassies.countries.grammar import place
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


def level_words(level: int) -> str:
    """ "Do not travel": a level of the common scale, 1 to 4, in the page's language."""
    words: dict[int, str] = {
        1: pgettext("advisory level", "Normal precautions"),
        2: pgettext("advisory level", "Increased caution"),
        3: pgettext("advisory level", "Reconsider or avoid non-essential travel"),
        4: pgettext("advisory level", "Do not travel"),
    }
    return words.get(level, str(level))


@dataclass(frozen=True)
class IssuerSource:
    """Whose advice a table shows, linked to its pages: the credit its terms ask for (in the
    page's language), or where it asks none, its name."""

    code: str
    name: str
    credit: str  # "" when the issuer's terms ask for none
    url: str
    read_at: datetime | None = None  # when its advice was last read here (queries.read_at)


@dataclass(frozen=True)
class AdviceTable:
    """What the side-by-side table shows: one country's advice, or every country's (`world`)."""

    groups: list[queries.CountryAdvice]
    sources: list[IssuerSource]
    world: bool = False
    place: str = ""  # the country's, on its own pages
    notices: list[str] = field(default_factory=list)


def _source(code: str, advisory: Advisory, read_at: datetime | None) -> IssuerSource:
    """Linked where the issuer's terms say, else to its travel-advice pages (or, for an issuer
    no module describes any more, to the advisory itself)."""
    issuer = ISSUERS.get(code)
    guide = next((g.url for g in GUIDES if g.code == code), "")
    url = (issuer.credit_url if issuer is not None else "") or guide or advisory.link
    return IssuerSource(code, name_of(code), credit_of(code), url, read_at)


def sources(groups: list[queries.CountryAdvice]) -> list[IssuerSource]:
    """Each issuer shown, once, by issuer code."""
    first: dict[str, Advisory] = {}
    for advisory in (a for group in groups for a in group.advisories):
        first.setdefault(advisory.issuer, advisory)
    read = queries.read_at(list(first))
    return [_source(code, first[code], read.get(code)) for code in sorted(first)]


def country_table(code: str) -> AdviceTable:
    groups = queries.advice(code) if code else []
    found = [a for group in groups for a in group.advisories]
    whole_country_level_3 = [a for a in found if a.level == NOTICE_LEVEL and not a.parts_only]
    return AdviceTable(
        groups=groups,
        sources=sources(groups),
        place=place(groups[0].country) if groups else "",
        notices=[notice(a) for a in whole_country_level_3],
    )


def world_table() -> AdviceTable:
    """Every country's advice: countries an issuer says not to travel to at all first."""
    groups = queries.advice()
    return AdviceTable(groups=groups, sources=sources(groups), world=True)
