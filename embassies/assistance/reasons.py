"""Why an office can help, in plain words.

Each sentence is one catalogue entry, English included: its msgid is the English text, and
countries fill its placeholders in the form the page's language needs (countries.grammar).
"""

from __future__ import annotations

from collections.abc import Sized

from django.utils.translation import gettext, ngettext

from embassies.assistance.models import Arrangement, ArrangementKind
from embassies.countries import grammar, nationality
from embassies.countries.grammar import place, sentence
from embassies.countries.models import Country
from embassies.directory import status, status_words, titles
from embassies.directory.models import Mission

EU_SOURCE = "https://eur-lex.europa.eu/eli/dir/2015/637/oj"
NORDIC = frozenset({"DK", "FI", "IS", "NO", "SE"})


def own(mission: Mission) -> str:
    # Translators: "Australia’s own embassy." %(owner)s is the English possessive; in your
    # language it is the country's name. %(kind)s is the kind of office ("Embassy").
    text = gettext("%(owner)s own %(kind)s.")
    return sentence(text % {"owner": grammar.owner(mission.sending), "kind": grammar.kind(mission)})


def accredited(mission: Mission, host: Country) -> str:
    names = {"owner": grammar.owner(mission.sending), "kind": grammar.kind(mission)}
    names |= {"where": place(mission.host), "host": place(host)}
    text = gettext(
        # Translators: "Australia’s embassy in the United Kingdom also covers Ireland (...)".
        # %(owner)s is the English possessive; in your language, the sending country's name.
        "%(owner)s %(kind)s in %(where)s also covers %(host)s (non-resident accreditation)."
    )
    return sentence(text % names)


def _leads() -> dict[str, str]:
    """The first sentence of an arrangement's answer, by kind (read in the active language)."""
    return {
        ArrangementKind.PROTECTING_POWER: gettext(
            "%(helper)s is the protecting power for %(citizen)s in %(host)s."
        ),
        ArrangementKind.INTERESTS_SECTION: gettext(
            # Translators: %(owner)s is the English possessive ("the United States’"); in your
            # language it is the represented country's name.
            "%(helper)s looks after %(owner)s interests in %(host)s."
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


def _lead(kind: str, helper: Country, citizen: Country, host: Country) -> str:
    names = {"helper": place(helper), "citizen": place(citizen), "host": place(host)}
    names["owner"] = grammar.owner(citizen)
    default = gettext("%(helper)s represents %(citizen)s in %(host)s.")
    return _leads().get(ArrangementKind(kind), default) % names


def arrangement(a: Arrangement, helper: Country, citizen: Country, host: Country) -> str:
    scope = f" {a.scope.rstrip('.')}." if a.scope and not a.is_rule else ""
    return sentence(_lead(a.kind, helper, citizen, host)) + scope


def eu(helper: Country) -> str:
    """One member state's office; the rule itself is said once per answer (eu_rule)."""
    text = gettext(
        "%(helper)s is an EU member state: it helps you on the same terms as its own nationals."
    )
    return sentence(text % {"helper": place(helper)})


def eu_rule(citizen: Country, host: Country) -> str:
    """The EU rule behind every member state's answer, said once."""
    text = gettext(
        "%(citizen)s has no embassy or consulate in %(host)s. As an EU citizen you may ask any "
        "other EU member state’s embassy or consulate for help on the same terms as its own "
        "nationals (Article 20(2)(c) TFEU; Directive (EU) 2015/637)."
    )
    return sentence(text % {"citizen": place(citizen), "host": place(host)})


def no_emergency_line() -> str:
    """Said the same way for every state the directory knows no emergency line of."""
    return gettext(
        "No 24/7 consular emergency line of your foreign ministry is known; in an emergency, "
        "call the local emergency services."
    )


def emergency_line_of(state: Country) -> str:
    """The label of a state's line shown where one of its missions has no phone of its own."""
    return gettext("24/7 consular emergency line of %(state)s") % {"state": place(state)}


def not_a_nationality(entry: Country) -> str:
    """Antarctica, Bouvet Island: no one is a citizen of them."""
    text = gettext(
        "There is no nationality of %(name)s: choose the country whose passport you hold."
    )
    return text % {"name": place(entry)}


def helped_as(holder: Country, state: Country) -> str:
    """Why another state's offices answer for a territory's people (or Hong Kong's)."""
    names = {"holder": place(holder), "state": place(state)}
    if nationality.is_nationality(holder.code):
        text = gettext(
            "%(holder)s issues its own passports, and abroad %(state)s gives their holders "
            "consular help: you are helped as a citizen of %(state)s."
        )
    else:
        text = gettext(
            "People of %(holder)s hold passports of %(state)s: you are helped as a citizen of "
            "%(state)s."
        )
    return sentence(text % names)


def not_consular(helper: Country, citizen: Country) -> str:
    text = gettext(
        "%(helper)s represents %(citizen)s for diplomatic matters only; this mandate does "
        "not cover consular help for citizens."
    )
    return sentence(text % {"helper": place(helper), "citizen": place(citizen)})


def unavailable(mission: Mission) -> str:
    """'Embassy of Ukraine in Moscow, Russia: closed since 24 February 2022; it cannot help at
    present.' with where its services moved, when its source says."""
    shown = status_words.shown(mission)
    state = shown.text[:1].lower() + shown.text[1:]
    moved = f" {shown.moved}." if shown.moved else ""
    text = gettext("%(title)s: %(status)s; it cannot help at present.")
    return text % {"title": titles.title(mission), "status": state} + moved


def unavailable_source(mission: Mission) -> str | None:
    """The page that reports the mission's closure, suspension or move (http(s) only)."""
    found = status.evidence(mission)
    return found.url if found and found.url else None


def summary(
    citizen: Country,
    host: Country,
    offices: int,
    emergency_lines: Sized,
    holder: Country | None = None,
) -> str:
    """The finder's one-line answer: 'You are Canadian in Russia: 3 offices that can help, ...'.
    `holder`: the entry the person named when `citizen` answers for it (Puerto Rican)."""
    names = {"citizen": grammar.citizen(holder or citizen), "host": place(host), "count": offices}
    if citizen == host:
        text = gettext(
            # Translators: %(citizen)s is a demonym ("Canadian") in English, the name in yours.
            "You are %(citizen)s in %(host)s, your own country: contact the local authorities."
        )
    elif offices:
        text = ngettext(
            # Translators: %(citizen)s is a demonym ("Canadian") in English, the name in yours.
            "You are %(citizen)s in %(host)s: %(count)s office that can help, best first.",
            "You are %(citizen)s in %(host)s: %(count)s offices that can help, best first.",
            offices,
        )
    elif emergency_lines:
        text = gettext(
            # Translators: %(citizen)s is a demonym ("Canadian") in English, the name in yours.
            "You are %(citizen)s in %(host)s: no office is known that can help you there; "
            "call your foreign ministry’s emergency line."
        )
    else:
        text = gettext(
            # Translators: %(citizen)s is a demonym ("Canadian") in English, the name in yours.
            "You are %(citizen)s in %(host)s: no office is known that can help you there; "
            "contact your foreign ministry."
        )
    return text % names


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
