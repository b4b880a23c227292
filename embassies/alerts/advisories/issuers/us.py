"""US Department of State: the travel-advisory RSS feed, or the same advisories as JSON.

The RSS feed has answered 404 at times; the consular data API publishes the same
advisories as JSON, so a live fetch tries both (US_ADVISORIES_URL, then
US_ADVISORIES_API_URL). Country tags are FIPS 10-4 codes, read only as a fallback.
"""

from __future__ import annotations

from django.conf import settings

from embassies.alerts.advisories import fips
from embassies.alerts.advisories.issuers import us_json, us_rss
from embassies.alerts.advisories.items import Issuer, Item


def parse(body: bytes) -> list[Item]:
    """RSS or JSON, told apart by the first character, so a PATH of either format works."""
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return us_json.parse(body) if head in (b"[", b"{") else us_rss.parse(body)


def urls() -> list[str]:
    return [url for url in (settings.US_ADVISORIES_URL, settings.US_ADVISORIES_API_URL) if url]


ISSUER = Issuer(
    code="US", name="US Department of State", parse=parse, urls=urls, tag_to_iso=fips.to_iso
)
