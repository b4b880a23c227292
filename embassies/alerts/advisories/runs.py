"""One issuer's fetch (its document read, parsed and stored), or every configured issuer's in
turn, each on its own: one that fails is reported and the others still run."""

from __future__ import annotations

from dataclasses import dataclass

from embassies.alerts.advisories import issuers
from embassies.alerts.advisories.items import AdvisoryFormatError, Issuer
from embassies.alerts.advisories.sources import load
from embassies.alerts.advisories.store import Summary, not_modified, store
from embassies.lib.http import FetchError

# What a source can fail with; anything else is a bug, which still must not stop the others.
FAILURES = (AdvisoryFormatError, FetchError, OSError)


def fetch_one(issuer: Issuer, source: str | None = None) -> Summary:
    """The given file or URL, else the issuer's live sources; one transaction (store)."""
    loaded = load(issuer, source)
    if loaded.not_modified:
        return not_modified(issuer, loaded.where)
    live = source is None and issuer.load is None  # only a live source's validators are kept
    return store(issuer, loaded.items, loaded.where, validators=loaded.validators if live else None)


@dataclass(frozen=True)
class Outcome:
    issuer: str
    summary: Summary | None  # None: it failed, nothing of it changed
    error: str = ""


def _one(issuer: Issuer) -> Outcome:
    try:
        return Outcome(issuer.code, fetch_one(issuer))
    except FAILURES as error:
        return Outcome(issuer.code, None, str(error))
    except Exception as error:  # one issuer's bug must not block the others
        return Outcome(issuer.code, None, f"{type(error).__name__}: {error}")


def fetch_all() -> list[Outcome]:
    """Every issuer EMBASSIES_ADVISORY_ISSUERS names, in its order, from its live sources."""
    return [_one(issuer) for issuer in issuers.configured()]
