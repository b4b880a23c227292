"""Every government whose advisories we import: one small module each, listed here."""

from __future__ import annotations

from embassies.alerts.advisories.issuers import us
from embassies.alerts.advisories.items import Issuer

ISSUERS: dict[str, Issuer] = {issuer.code: issuer for issuer in (us.ISSUER,)}


def get(code: str) -> Issuer:
    """The issuer with this code; ValueError naming the known ones otherwise."""
    issuer = ISSUERS.get(code.strip().upper())
    if issuer is None:
        raise ValueError(f"unknown issuer {code!r}; known: {', '.join(sorted(ISSUERS))}")
    return issuer


def name_of(code: str) -> str:
    """ "US Department of State"; the bare code for an issuer no module describes any more."""
    return ISSUERS[code].name if code in ISSUERS else code


def language_of(code: str) -> str:
    """The language the issuer's advisories are written in; "" for an issuer no module
    describes any more."""
    return ISSUERS[code].language if code in ISSUERS else ""
