"""The seed's banner, worded for one alert: "Consular assistance in Russia. Russia is
currently at war in Ukraine. Are you in Russia and need consular assistance? Find your
country's embassy in Russia"."""

from __future__ import annotations

from dataclasses import dataclass

from embassies.alerts.models import Alert, Severity
from embassies.alerts.raising import shown_headline
from embassies.alerts.serialize import finder_url
from embassies.countries.grammar import place


@dataclass(frozen=True)
class Banner:
    alert: Alert
    code: str
    place: str  # "Russia", "the Bahamas"
    sentence: str  # the headline as a sentence
    finder_url: str
    severity: str  # information, advisory, crisis: the CSS modifier
    crisis: bool
    affects_mission: bool


def sentence(headline: str) -> str:
    text = headline.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def banner(alert: Alert, mission_id: int | None = None) -> Banner:
    affected = mission_id is not None and any(m.pk == mission_id for m in alert.missions.all())
    return Banner(
        alert=alert,
        code=alert.country_id,
        place=place(alert.country),  # "the Bahamas" in English, the CLDR name otherwise
        sentence=sentence(shown_headline(alert)),  # the reader's language, unless an editor's
        finder_url=finder_url(alert.country_id),
        severity=Severity(alert.severity).name.lower(),
        crisis=alert.severity == Severity.CRISIS,
        affects_mission=affected,
    )
