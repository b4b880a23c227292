"""Every government whose advisories we import: one small module each, listed here."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from embassies.alerts.advisories.issuers import ca, de, gb, us
from embassies.alerts.advisories.items import Issuer

ISSUERS: dict[str, Issuer] = {
    issuer.code: issuer for issuer in (us.ISSUER, gb.ISSUER, ca.ISSUER, de.ISSUER)
}


def get(code: str) -> Issuer:
    """The issuer with this code; ValueError naming the known ones otherwise."""
    issuer = ISSUERS.get(code.strip().upper())
    if issuer is None:
        raise ValueError(f"unknown issuer {code!r}; known: {', '.join(sorted(ISSUERS))}")
    return issuer


def configured() -> list[Issuer]:
    """The issuers EMBASSIES_ADVISORY_ISSUERS names, in its order; an unknown code stops the
    start-up (AlertsConfig.ready) rather than a nightly fetch much later."""
    try:
        return [get(code) for code in settings.ADVISORY_ISSUERS]
    except ValueError as error:
        raise ImproperlyConfigured(f"EMBASSIES_ADVISORY_ISSUERS: {error}.") from None


def name_of(code: str) -> str:
    """ "US Department of State"; the bare code for an issuer no module describes any more."""
    return ISSUERS[code].name if code in ISSUERS else code


def takes_article(code: str) -> bool:
    """Whether an English sentence says "the" before the issuer's name."""
    return ISSUERS[code].article if code in ISSUERS else True


def credit_of(code: str) -> str:
    """The attribution the issuer's terms require, in the active language; "" when none."""
    return str(ISSUERS[code].credit) if code in ISSUERS else ""


def language_of(code: str) -> str:
    """The language the issuer's advisories are written in; "" for an issuer no module
    describes any more."""
    return ISSUERS[code].language if code in ISSUERS else ""
