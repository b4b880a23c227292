"""Why an office can help, in plain words."""

from __future__ import annotations

from collections.abc import Sized

from django.utils.translation import gettext, ngettext

from embassies.assistance.models import Arrangement, ArrangementKind
from embassies.countries.models import Country
from embassies.directory import status, status_words, titles
from embassies.directory.models import Mission

EU_SOURCE = "https://eur-lex.europa.eu/eli/dir/2015/637/oj"
NORDIC = frozenset({"DK", "FI", "IS", "NO", "SE"})
_THE_WORDS = ("United", "Republic", "Islands", "Emirates", "Kingdom", "Holy See", "Federation")
_THE_NAMES = frozenset({"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros",
                        "Seychelles"})  # fmt: skip


def the(name: str) -> str:
    """'the United States', 'the Netherlands', but 'Canada'."""
    if name in _THE_NAMES or any(word in name for word in _THE_WORDS):
        return f"the {name}"
    return name


def english() -> bool:
    """English composes its own sentences (articles, possessives, demonyms); other languages
    read whole sentences from the catalogue, with country names in their own language."""
    return titles.language_now() == "en"


def place(country: Country) -> str:
    """'the Bahamas' in English; the CLDR name in the page's language otherwise."""
    return the(country.name) if english() else titles.country_name(country)


def possessive(name: str) -> str:
    name = the(name)
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def citizen_of(country: Country) -> str:
    """'Canadian', or 'a citizen of Tuvalu' where no demonym is known."""
    return country.demonym or f"a citizen of {the(country.name)}"


def own(mission: Mission) -> str:
    if not english():
        return gettext("%(kind)s of %(country)s: your own country’s office.") % {
            "kind": titles.kind_label(mission.kind),
            "country": place(mission.sending),
        }
    return sentence(
        f"{possessive(mission.sending.name)} own {mission.get_kind_display_short().lower()}."
    )


def accredited(mission: Mission, host: Country) -> str:
    if not english():
        return gettext("%(title)s also covers %(host)s (non-resident accreditation).") % {
            "title": titles.title(mission),
            "host": place(host),
        }
    kind = mission.get_kind_display_short().lower()
    where = the(mission.host.name)
    return sentence(
        f"{possessive(mission.sending.name)} {kind} in {where} also covers {the(host.name)} "
        "(non-resident accreditation)."
    )


def _lead(kind: str, helper: Country, citizen: Country, host: Country) -> str:
    if not english():
        return _lead_translated(kind, helper, citizen, host)
    by, of, where = the(helper.name), the(citizen.name), the(host.name)
    leads = {
        ArrangementKind.PROTECTING_POWER: f"{by} is the protecting power for {of} in {where}.",
        ArrangementKind.INTERESTS_SECTION: f"{by} looks after {possessive(citizen.name)} interests "
        f"in {where}.",
        ArrangementKind.CONSULAR_SHARING: f"Under a consular-sharing agreement, {by} helps "
        f"citizens of {of} in {where}.",
        ArrangementKind.NORDIC: f"Under the Nordic (Helsinki) Treaty, {by} helps citizens of {of} "
        f"where {of} has no mission.",
    }
    return leads.get(ArrangementKind(kind), f"{by} represents {of} in {where}.")


def _lead_translated(kind: str, helper: Country, citizen: Country, host: Country) -> str:
    names = {"helper": place(helper), "citizen": place(citizen), "host": place(host)}
    leads = {
        ArrangementKind.PROTECTING_POWER: gettext(
            "%(helper)s is the protecting power for %(citizen)s in %(host)s."
        ),
        ArrangementKind.INTERESTS_SECTION: gettext(
            "%(helper)s looks after the interests of %(citizen)s in %(host)s."
        ),
        ArrangementKind.CONSULAR_SHARING: gettext(
            "Under a consular-sharing agreement, %(helper)s helps citizens of %(citizen)s "
            "in %(host)s."
        ),
        ArrangementKind.NORDIC: gettext(
            "Under the Nordic (Helsinki) Treaty, %(helper)s helps citizens of %(citizen)s "
            "where %(citizen)s has no mission."
        ),
    }
    default = gettext("%(helper)s represents %(citizen)s in %(host)s.")
    return leads.get(ArrangementKind(kind), default) % names


def arrangement(a: Arrangement, helper: Country, citizen: Country, host: Country) -> str:
    scope = f" {a.scope.rstrip('.')}." if a.scope and not a.is_rule else ""
    return sentence(_lead(a.kind, helper, citizen, host)) + scope


def eu(helper: Country, citizen: Country, host: Country) -> str:
    if not english():
        return gettext(
            "%(citizen)s has no embassy or consulate in %(host)s. As an EU citizen you may ask "
            "any other EU member state’s embassy or consulate, such as that of %(helper)s, for "
            "help on the same terms as its own nationals (Article 20(2)(c) TFEU; Directive (EU) "
            "2015/637)."
        ) % {"citizen": place(citizen), "host": place(host), "helper": place(helper)}
    return sentence(
        f"{the(citizen.name)} has no embassy or consulate in {the(host.name)}. As an EU citizen "
        f"you may ask any other EU member state's embassy or consulate, such as "
        f"{possessive(helper.name)}, for help on the same terms as its own nationals "
        "(Article 20(2)(c) TFEU; Directive (EU) 2015/637)."
    )


def not_consular(helper: Country, citizen: Country) -> str:
    if not english():
        return gettext(
            "%(helper)s represents %(citizen)s for diplomatic matters only; this mandate does "
            "not cover consular help for citizens."
        ) % {"helper": place(helper), "citizen": place(citizen)}
    return sentence(
        f"{the(helper.name)} represents {the(citizen.name)} for diplomatic matters only; this "
        "mandate does not cover consular help for citizens."
    )


def unavailable(mission: Mission) -> str:
    """'Embassy of Ukraine in Moscow, Russia: closed since 24 February 2022; it cannot help at
    present.' with where its services moved, when its source says."""
    shown = status_words.shown(mission)
    state = shown.text[:1].lower() + shown.text[1:]
    moved = f" {shown.moved}." if shown.moved else ""
    if not english():
        text = gettext("%(title)s: %(status)s; it cannot help at present.")
        return text % {"title": titles.title(mission), "status": state} + moved
    return f"{mission.title}: {state}; it cannot help at present.{moved}"


def unavailable_source(mission: Mission) -> str | None:
    """The page that reports the mission's closure, suspension or move (http(s) only)."""
    found = status.evidence(mission)
    return found.url if found and found.url else None


def summary(citizen: Country, host: Country, offices: int, emergency_lines: Sized) -> str:
    """The finder's one-line answer in a language other than English."""
    names = {"citizen": place(citizen), "host": place(host), "count": offices}
    if citizen == host:
        return (
            gettext(
                "Citizen of %(citizen)s in %(host)s, your own country: contact the local authorities."
            )
            % names
        )
    if offices:
        return (
            ngettext(
                "Citizen of %(citizen)s in %(host)s: %(count)s office can help, best first.",
                "Citizen of %(citizen)s in %(host)s: %(count)s offices can help, best first.",
                offices,
            )
            % names
        )
    if emergency_lines:
        return (
            gettext(
                "Citizen of %(citizen)s in %(host)s: no office is known that can help you there; "
                "call your foreign ministry’s emergency line."
            )
            % names
        )
    return (
        gettext(
            "Citizen of %(citizen)s in %(host)s: no office is known that can help you there; "
            "contact your foreign ministry."
        )
        % names
    )


def superseded(mission: Mission, a: Arrangement, citizen: Country, host: Country) -> str:
    """Why an office of the represented state is not offered: an arrangement stands for it."""
    helper = a.representing or citizen  # standing arrangements always name one
    names = {"helper": place(helper), "citizen": place(citizen), "host": place(host)}
    names |= {"title": titles.title(mission), "year": a.since[:4]}
    if a.since:
        return (
            gettext(
                "%(title)s: %(helper)s has handled the interests of %(citizen)s in %(host)s since "
                "%(year)s; this mission is not known to serve citizens."
            )
            % names
        )
    return (
        gettext(
            "%(title)s: %(helper)s handles the interests of %(citizen)s in %(host)s; this mission "
            "is not known to serve citizens."
        )
        % names
    )


def office_not_listed() -> str:
    return gettext(
        "This office is not in the directory yet; the arrangement’s source says it helps. "
        "Ask your foreign ministry for its address."
    )


def office_not_operating() -> str:
    return gettext(
        "Its office there is not operating at present (see below), but the arrangement stands: "
        "ask your foreign ministry or its emergency line how to reach it."
    )
