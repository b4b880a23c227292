"""Why an office can help, in plain words."""

from __future__ import annotations

from embassies.assistance.models import Arrangement, ArrangementKind
from embassies.countries.models import Country
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


def possessive(name: str) -> str:
    name = the(name)
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def citizen_of(country: Country) -> str:
    """'Canadian', or 'a citizen of Tuvalu' where no demonym is known."""
    return country.demonym or f"a citizen of {the(country.name)}"


def own(mission: Mission) -> str:
    return sentence(
        f"{possessive(mission.sending.name)} own {mission.get_kind_display_short().lower()}."
    )


def accredited(mission: Mission, host: Country) -> str:
    kind = mission.get_kind_display_short().lower()
    where = the(mission.host.name)
    return sentence(
        f"{possessive(mission.sending.name)} {kind} in {where} also covers {the(host.name)} "
        "(non-resident accreditation)."
    )


def _lead(kind: str, helper: Country, citizen: Country, host: Country) -> str:
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


def arrangement(a: Arrangement, helper: Country, citizen: Country, host: Country) -> str:
    scope = f" {a.scope.rstrip('.')}." if a.scope and not a.is_rule else ""
    return sentence(_lead(a.kind, helper, citizen, host)) + scope


def eu(helper: Country, citizen: Country, host: Country) -> str:
    return sentence(
        f"{the(citizen.name)} has no embassy or consulate in {the(host.name)}. As an EU citizen "
        f"you may ask any other EU member state's embassy or consulate, such as "
        f"{possessive(helper.name)}, for help on the same terms as its own nationals "
        "(Article 20(2)(c) TFEU; Directive (EU) 2015/637)."
    )


def not_consular(helper: Country, citizen: Country) -> str:
    return sentence(
        f"{the(helper.name)} represents {the(citizen.name)} for diplomatic matters only; this "
        "mandate does not cover consular help for citizens."
    )


def unavailable(mission: Mission) -> str:
    return f"{mission.title}: {mission.get_status_display().lower()}; it cannot help at present."
