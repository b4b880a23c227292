"""Read an advisory document from a file or a URL, bounded in size, or from the issuer's
live sources in turn."""

from __future__ import annotations

from pathlib import Path

from embassies.alerts.advisories.items import AdvisoryFormatError, Issuer, Item
from embassies.lib.http import FetchError, fetch

# The whole US feed is about 2 MB; anything far larger is not an advisory feed.
MAX_BYTES = 16 * 1024 * 1024
ACCEPT = "application/rss+xml, application/xml;q=0.9, application/json;q=0.9, */*;q=0.1"


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read(source: str, max_bytes: int | None = None) -> bytes:
    """The document's bytes; FetchError, OSError or AdvisoryFormatError when it cannot be had."""
    max_bytes = max_bytes or MAX_BYTES
    if is_url(source):
        return fetch(source, headers={"Accept": ACCEPT}, max_bytes=max_bytes)
    path = Path(source)
    if path.stat().st_size > max_bytes:
        raise AdvisoryFormatError(f"{source}: larger than {max_bytes} bytes, refused")
    return path.read_bytes()


def load(issuer: Issuer, source: str | None) -> tuple[str, list[Item]]:
    """(where it came from, items): the given source, else each live source until one works."""
    if source:
        return source, issuer.parse(read(source))
    failures: list[str] = []
    for url in issuer.urls():
        try:
            items = issuer.parse(read(url))
        except (FetchError, AdvisoryFormatError) as error:
            failures.append(f"{url}: {error}")
            continue
        if items:
            return url, items
        failures.append(f"{url}: no advisories in the answer")
    raise AdvisoryFormatError("no live source answered: " + "; ".join(failures))
