"""Where travellers read official travel advice: the /alerts/ page points there when it has
no alert to show, since no alert here does not mean a country is safe."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Guide:
    """One government's travel-advice pages; code and name as a Country's (pages name it)."""

    code: str
    name: str
    url: str

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


# The foreign ministries of the largest travelling publics with advice for every country.
GUIDES = (
    Guide(
        "US",
        "United States",
        "https://travel.state.gov/content/travel/en/traveladvisories/traveladvisories.html",
    ),
    Guide("GB", "United Kingdom", "https://www.gov.uk/foreign-travel-advice"),
    Guide("CA", "Canada", "https://travel.gc.ca/travelling/advisories"),
    Guide("AU", "Australia", "https://www.smartraveller.gov.au/destinations"),
    Guide("FR", "France", "https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/"),
    Guide(
        "DE",
        "Germany",
        "https://www.auswaertiges-amt.de/de/ReiseUndSicherheit/reise-und-sicherheitshinweise",
    ),
)
