"""Read an advisory document from a file or a URL, bounded in size, or from the issuer's
live sources in turn, asking each with the validators of its last answer (conditional GET)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from embassies.alerts.advisories.items import AdvisoryFormatError, Issuer, Item
from embassies.alerts.models import AdvisorySource
from embassies.lib.http import Fetched, FetchError, fetch, fetch_response

# The whole US feed is about 2 MB; anything far larger is not an advisory feed.
MAX_BYTES = 16 * 1024 * 1024
ACCEPT = "application/rss+xml, application/xml;q=0.9, application/json;q=0.9, */*;q=0.1"


@dataclass(frozen=True)
class Loaded:
    """What a source gave: its items, or (`not_modified`) a 304 saying the stored ones stand.
    `validators` are a live answer's ETag and Last-Modified, saved with its items (store)."""

    where: str
    items: list[Item]
    validators: dict[str, str] = field(default_factory=dict)
    not_modified: bool = False


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


def _conditional(url: str) -> dict[str, str]:
    """If-None-Match and If-Modified-Since from the last answer stored from this URL."""
    known = AdvisorySource.objects.filter(url=url).first()
    if known is None:
        return {}
    asked = {"If-None-Match": known.etag, "If-Modified-Since": known.last_modified}
    return {name: value for name, value in asked.items() if value}


def _validators(answer: Fetched) -> dict[str, str]:
    # Bounded as the model's fields are: a hostile server's long header is not kept whole.
    return {
        "etag": answer.headers.get("ETag", "")[:300],
        "last_modified": answer.headers.get("Last-Modified", "")[:100],
    }


def _live(issuer: Issuer, url: str) -> Loaded:
    headers = {"Accept": ACCEPT, **_conditional(url)}
    answer = fetch_response(url, headers=headers, max_bytes=MAX_BYTES)
    if answer.status == 304:
        return Loaded(url, [], not_modified=True)
    return Loaded(url, issuer.parse(answer.body), _validators(answer))


def load(issuer: Issuer, source: str | None) -> Loaded:
    """The given source, else each live source until one works."""
    if issuer.load is not None:
        return Loaded(*issuer.load(source))
    if source:
        return Loaded(source, issuer.parse(read(source)))
    failures: list[str] = []
    for url in issuer.urls():
        try:
            loaded = _live(issuer, url)
        except (FetchError, AdvisoryFormatError) as error:
            failures.append(f"{url}: {error}")
            continue
        if loaded.items or loaded.not_modified:
            return loaded
        failures.append(f"{url}: no advisories in the answer")
    raise AdvisoryFormatError("no live source answered: " + "; ".join(failures))
