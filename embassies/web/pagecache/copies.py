"""Kept copies of pages, and where each is kept: under its URL and the values of the request
headers its answer varies on (its `Vary`), as an HTTP cache keys them.

A URL's Vary is learnt from its first kept copy and remembered, so the next request finds its
copy in two looks (both in this process's memory when it used them lately). Two headers are
read the way the chain reads them, so that browsers sending different text share one copy:
Accept-Encoding by whether it takes gzip (GZipMiddleware's test) and Accept-Language by the
language Django picks from it. Any other header in Vary is taken as sent.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_cache_control

from embassies.lib.rates import Rate
from embassies.web.pagecache.generations import unchanged

MAX_AGE = 30  # what browsers and proxies are told (Cache-Control max-age)
REVALIDATE_SECONDS = 60  # stale-while-revalidate for proxies
STALE_SECONDS = 600  # a copy is kept this much longer than it is fresh, served while re-rendered
KEPT_BYTES = 32_000_000  # copies each process keeps in its own memory (with Redis)
KEPT_URLS = 50_000  # URLs whose Vary each process remembers
PREFIX = "page:"
# Written for each answer, never kept.
PER_ANSWER = {"cache-control", "x-page-cache", "age", "x-request-id"}


@dataclass(frozen=True)
class Copy:
    """A page as the chain finished it, with what says whether it may still be served."""

    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]
    vary: tuple[str, ...]  # the headers (lower case) its place was keyed on
    gens: dict[str, int]  # generation numbers of what it shows, when it was rendered
    stored_at: float
    fresh_until: float
    route: str  # the URL pattern's name, for metrics and the log line
    rate: tuple[str, Rate] | None  # (scope, rate) a request for it counts against

    def fresh(self) -> bool:
        return self.fresh_until > time.time()

    def current(self) -> bool:
        """Nothing it shows has changed since it was rendered."""
        return unchanged(self.gens)

    def servable(self) -> bool:
        """Fresh, and nothing it shows has changed: it answers as it is."""
        return self.fresh() and self.current()

    def cache_control(self) -> str:
        """Public, for the time it has left (at most MAX_AGE)."""
        return public_cache_control(max(0, min(MAX_AGE, int(self.fresh_until - time.time()))))

    def response(self, state: str) -> HttpResponse:
        """The page, with X-Page-Cache saying how it was found (hit, stale)."""
        answer = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            answer[name] = value
        answer["Cache-Control"] = self.cache_control()
        answer["Age"] = str(max(0, int(time.time() - self.stored_at)))
        answer["X-Page-Cache"] = state
        return answer


@lru_cache(maxsize=MAX_AGE + 1)
def public_cache_control(max_age: int) -> str:
    """The Cache-Control of a shared copy with `max_age` seconds left, made once per value."""
    response = HttpResponse()
    patch_cache_control(
        response, public=True, max_age=max_age, stale_while_revalidate=REVALIDATE_SECONDS
    )
    return response["Cache-Control"]


def varies_on(response: HttpResponse) -> tuple[str, ...]:
    """The request headers the answer varies on, lower case and sorted ("*": on anything)."""
    names = {name.strip().lower() for name in response.get("Vary", "").split(",")}
    return tuple(sorted(names - {""}))


def _header_value(request: HttpRequest, name: str) -> str:
    if name == "accept-encoding":
        return (
            "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
        )
    if name == "accept-language":  # the path is in the key: LocaleMiddleware's other input
        return translation.get_language_from_request(request)
    return request.headers.get(name, "")


K = TypeVar("K")
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """A dict that drops its oldest entries past `limit` (in units of `size`), thread-safe."""

    def __init__(self, limit: int, size: Callable[[V], int] = lambda value: 1) -> None:
        self.limit, self.size = limit, size
        self.entries: OrderedDict[K, V] = OrderedDict()
        self.used = 0
        self.lock = threading.Lock()  # each worker answers from several threads

    def get(self, key: K) -> V | None:
        return self.entries.get(key)

    def put(self, key: K, value: V) -> None:
        if self.size(value) > self.limit:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            self.used += self.size(value) - (0 if old is None else self.size(old))
            self.entries[key] = value
            while self.used > self.limit:
                _, dropped = self.entries.popitem(last=False)
                self.used -= self.size(dropped)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.used = 0


# With the per-process memory cache (no REDIS_URL) the shared cache is already this near.
kept_copies: Bounded[str, Copy] = Bounded(
    KEPT_BYTES if settings.REDIS_URL else 0, lambda copy: len(copy.content)
)
# A URL's Vary, or False for a URL whose view never shares its answer (not worth a look).
kept_varies: Bounded[str, tuple[str, ...] | bool] = Bounded(KEPT_URLS)


def forget_kept() -> None:
    """Drop what this process keeps in its own memory (the shared cache keeps its copies)."""
    kept_copies.clear()
    kept_varies.clear()


@dataclass(frozen=True)
class Place:
    """Where a request's copy is kept: `key` is None while the URL's Vary is not known;
    `shared` is False once the URL's view was seen to answer each visitor on its own."""

    url: str
    key: str | None
    shared: bool = True

    @classmethod
    def of(cls, request: HttpRequest) -> Place | None:
        """None for a host the site does not serve (the chain answers it 400)."""
        try:
            where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        except DisallowedHost:
            return None
        url = PREFIX + hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()
        vary = kept_varies.get(url)
        if vary is False:
            return cls(url, None, shared=False)
        if vary is None:
            vary = cache.get(url + ":vary")
            if isinstance(vary, tuple):
                kept_varies.put(url, vary)
        if not isinstance(vary, tuple):
            return cls(url, None)
        return cls(url, _variant(url, vary, request))

    def never_shared(self) -> None:
        """This URL's view answers each visitor on its own: skip the cache for it from now on
        (in this process: a URL always reaches the same view)."""
        kept_varies.put(self.url, False)

    @property
    def lock(self) -> str:
        return (self.key or self.url) + ":lock"

    def stored(self) -> Copy | None:
        """The copy kept here, fresh or not; None when there is none."""
        if self.key is None:
            return None
        near = kept_copies.get(self.key)
        if near is not None and near.fresh():
            return near
        found = cache.get(self.key)
        if not isinstance(found, Copy):
            return None
        kept_copies.put(self.key, found)
        return found

    def keep(self, request: HttpRequest, copy: Copy) -> None:
        key = _variant(self.url, copy.vary, request)
        timeout = max(1, int(copy.fresh_until - time.time())) + STALE_SECONDS
        cache.set_many({key: copy, self.url + ":vary": copy.vary}, timeout=timeout)
        kept_copies.put(key, copy)
        kept_varies.put(self.url, copy.vary)


def _variant(url: str, vary: tuple[str, ...], request: HttpRequest) -> str:
    if not vary:
        return url
    values = "\n".join(f"{name}:{_header_value(request, name)}" for name in vary)
    return f"{url}:{hashlib.sha256(values.encode('utf-8', 'surrogatepass')).hexdigest()}"
