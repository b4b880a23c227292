"""Whole-page cache for the hot public pages, kept correct by generation numbers.

Each country has a generation number that every process of the site reads (the cache alias
"generations": Redis, or files beside the database); so has "everything" (bumped with
every change) and an epoch (bumped when every page is out of date). A page records, while it
renders, the countries it shows (`depends_on`); its cached copy keeps their numbers and is
served only while they are unchanged. The domain announces which countries' data changed, once
per transaction after it commits (embassies/lib/changes.py); `invalidate.py` bumps their
numbers then, in one write. A page rendered from data read before the commit is not kept: its
render reads "everything" before and after, and the bump changes it in between.

Under load: one process re-renders an expired page (a lock in the cache) while the others
serve the previous copy; a page whose data changed is never served old once a re-render has
been asked for, waiters get the new copy. If the database fails during a re-render, the
previous copy is served. Only 200 answers to anonymous GETs that set no cookie and carry no
CSRF token are cached; Cache-Control tells browsers and proxies the same.

A copy served or stored here is also offered (`Served`) to the middleware in `fastpath.py`,
which keeps the finished answer and serves the next hits without the rest of the middleware.
"""

from __future__ import annotations

import contextvars
import hashlib
import itertools
import logging
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache, wraps
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import InterfaceError, OperationalError
from django.db.models import Min, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from embassies.alerts.models import Alert
from embassies.db_router import REPLICA, from_primary

log = logging.getLogger(__name__)

FRESH_SECONDS = 60  # a copy is served as is for this long...
STALE_SECONDS = 600  # ...and kept this much longer, served while one process re-renders
MAX_AGE = 30  # what browsers and proxies are told (Cache-Control max-age)
REVALIDATE_SECONDS = 60  # stale-while-revalidate for proxies
LOCK_SECONDS = 15  # longest a re-render may hold the page's lock
WAIT_SECONDS = 3.0  # longest a request waits for another process's fresh copy
MAX_BYTES = 4_000_000
EVERYTHING = "*"
EPOCH = "epoch"
PREFIX = "page:"
LAST_CHANGE = f"{PREFIX}last-change"  # when data last changed (read with a replica only)

View = TypeVar("View", bound=Callable[..., HttpResponse])


@dataclass
class Recording:
    """What a page showed while it rendered: its countries and when it goes out of date."""

    countries: set[str] = field(default_factory=set)
    until: float | None = None


_recording: contextvars.ContextVar[Recording | None] = contextvars.ContextVar(
    "page_recording", default=None
)


@dataclass
class Served:
    """What this request's page came from, for the middleware that keeps finished answers:
    the page's key and copy (when one was served fresh or stored), and the rate limit that
    counted the request (a copy served without the view must still count)."""

    key: str = ""
    entry: dict[str, Any] | None = None
    rate: tuple[str, str] | None = None  # (scope, name of the setting holding the rate)


serving: contextvars.ContextVar[Served | None] = contextvars.ContextVar(
    "page_serving", default=None
)


def rate_limited(scope: str, setting: str) -> None:
    """This request was counted against `scope` at the rate in settings.<setting>."""
    served = serving.get()
    if served is not None:
        served.rate = (scope, setting)


def _offer(key: str, entry: dict[str, Any]) -> None:
    served = serving.get()
    if served is not None:
        served.key, served.entry = key, entry


def depends_on(*codes: str) -> None:
    """The page being rendered shows these countries (EVERYTHING: any data at all)."""
    recording = _recording.get()
    if recording is not None:  # names from a URL may hold anything: keep them printable
        recording.countries.update(c.upper() for c in codes if c and c.isprintable())


def valid_until(moment: datetime | float) -> None:
    """The page being rendered goes out of date at this moment (an alert starts, the clock)."""
    recording = _recording.get()
    if recording is not None:
        valid_until_in(recording, moment.timestamp() if isinstance(moment, datetime) else moment)


def valid_until_in(recording: Recording, stamp: float) -> None:
    if recording.until is None or stamp < recording.until:
        recording.until = stamp


def _gen_key(name: str) -> str:
    return f"{PREFIX}gen:{name}"


class Recent:
    """The generation numbers this process read lately, so that a cache hit need not ask the
    shared cache for them again: each is trusted for settings.PAGE_RECHECK_MS, so another
    process's change shows here within that time; this process's own changes show at once
    (`forget`). A read that overlapped a forget is not kept, lest it bring back the old number."""

    def __init__(self) -> None:
        self.read_at: dict[str, tuple[int, float]] = {}
        self._counter = itertools.count(1)  # next() is atomic: threads may forget at once
        self.forgets = 0  # changes with each forget(): a read keeps its numbers only if none ran

    def get(self, names: list[str], within: float) -> dict[str, int] | None:
        oldest = time.monotonic() - within
        found = {}
        for name in names:
            known = self.read_at.get(name)
            if known is None or known[1] < oldest:
                return None
            found[name] = known[0]
        return found

    def keep(self, numbers: dict[str, int], since: int, read_at: float) -> None:
        if self.forgets == since:
            self.read_at |= {name: (number, read_at) for name, number in numbers.items()}

    def forget(self, names: Iterable[str]) -> None:
        self.forgets = next(self._counter)
        for name in names:
            self.read_at.pop(name, None)


recent = Recent()


def generations(names: Iterable[str], *, recheck: bool = False) -> dict[str, int]:
    """Current generation of each name; a missing one starts at a fresh number (the clock),
    so a number lost from the cache can never come back to match an old copy. Numbers read
    within PAGE_RECHECK_MS come from this process's memory unless `recheck` is asked."""
    names = list(names)
    within = settings.PAGE_RECHECK_MS / 1000
    if within and not recheck:
        known = recent.get(names, within)
        if known is not None:
            return known
    since, read_at = recent.forgets, time.monotonic()
    keys = {_gen_key(n): n for n in names}
    shared = caches["generations"]
    found = shared.get_many(list(keys))
    for key in set(keys) - set(found):
        shared.add(key, time.time_ns(), timeout=None)
    missing = [k for k in keys if k not in found]
    if missing:
        found |= shared.get_many(missing)
    numbers = {keys[k]: int(v) for k, v in found.items()}
    if within:
        recent.keep(numbers, since, read_at)
    return numbers


def _replica_may_lag() -> bool:
    """A replica may not have replayed the last change yet: a copy kept must hold it."""
    if REPLICA not in settings.DATABASES:
        return False
    changed = caches["generations"].get(LAST_CHANGE)  # None when unknown: assume it lags
    return changed is None or time.time() - changed < settings.REPLICA_MAX_LAG


def bump(countries: Iterable[str] | None = None) -> None:
    """Pages about these countries (None: every page) are out of date, from now on: one write
    to the shared cache, however many countries. Called when the domain announces a change,
    after its transaction commits (invalidate.py)."""
    names = (
        [EVERYTHING, EPOCH]
        if countries is None
        else [EVERYTHING, *{c.upper() for c in countries if c}]
    )
    # A new number, not number + 1: two bumps at once must not both write the same one where
    # the store cannot increment atomically (files).
    numbers: dict[str, float] = {_gen_key(name): time.time_ns() for name in names}
    if REPLICA in settings.DATABASES:
        numbers[LAST_CHANGE] = time.time()
    try:
        caches["generations"].set_many(numbers, timeout=None)
    finally:
        recent.forget(names)  # after the writes: a read made meanwhile is not kept


# ----- serving -------------------------------------------------------------------------


def _page_key(request: HttpRequest) -> str:
    return page_key(translation.get_language() or "", request)


def page_key(language: str, request: HttpRequest) -> str:
    """The page's key: its language and full URL (DisallowedHost for a host not allowed)."""
    where = f"{language} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    return PREFIX + hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()


def _anonymous_get(request: HttpRequest) -> bool:
    """A GET or HEAD from someone without a session (so not logged in): the shared copy fits."""
    return request.method in ("GET", "HEAD") and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _valid(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    return generations(entry["gens"]) == entry["gens"]


def _from_entry(entry: dict[str, Any], state: str) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    response["Cache-Control"] = copy_cache_control(entry)
    response["X-Page-Cache"] = state
    return response


def _seconds_left(fresh_until: float) -> int:
    """The max-age browsers and proxies are told for a copy fresh until then."""
    return max(0, min(MAX_AGE, int(fresh_until - time.time())))


def copy_cache_control(entry: dict[str, Any]) -> str:
    """The Cache-Control of a stored copy (kept without one): public, for the time it has left."""
    return public_cache_control(_seconds_left(entry["fresh_until"]))


def _public(response: HttpResponse, max_age: int) -> None:
    patch_cache_control(
        response, public=True, max_age=max_age, stale_while_revalidate=REVALIDATE_SECONDS
    )


@lru_cache(maxsize=MAX_AGE + 1)
def public_cache_control(max_age: int) -> str:
    """The Cache-Control header of a shared copy with `max_age` seconds left, as _public
    writes it, made once per value."""
    response = HttpResponse()
    _public(response, max_age)
    return response["Cache-Control"]


def _private(response: HttpResponse) -> None:
    patch_cache_control(response, private=True, no_store=True)


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
        and len(response.content) <= MAX_BYTES
    )


def _render(view: Callable[..., HttpResponse], request: HttpRequest, key: str, *args: Any,
            **kwargs: Any) -> HttpResponse:  # fmt: skip
    # Read afresh, not from this process's memory: the copy kept must not predate a change.
    before = generations([EVERYTHING], recheck=True)
    recording = Recording()
    token = _recording.set(recording)
    try:
        with from_primary() if _replica_may_lag() else nullcontext():
            response = view(request, *args, **kwargs)
    finally:
        _recording.reset(token)
    if not _storable(request, response):
        if 200 <= response.status_code < 300:  # a token or a cookie of this visitor's own
            _private(response)
        return response
    names = {EPOCH, *recording.countries}
    _alert_boundary(recording)
    gens = generations(names | {EVERYTHING}, recheck=True)
    fresh = time.time() + FRESH_SECONDS
    if recording.until is not None:
        fresh = min(fresh, recording.until)
    if not (names | {EVERYTHING}) <= gens.keys() or gens[EVERYTHING] != before.get(EVERYTHING):
        # Data changed while we rendered (or the cache is unreachable): show, do not keep.
        patch_cache_control(response, no_cache=True)
        response["X-Page-Cache"] = "miss"
        return response
    entry = {
        "gens": {n: gens[n] for n in names},
        "fresh_until": fresh,
        "status": response.status_code,
        "content": response.content,
        "headers": [(k, v) for k, v in response.items() if k.lower() != "cache-control"],
    }
    cache.set(key, entry, timeout=max(1, int(fresh - time.time())) + STALE_SECONDS)
    _offer(key, entry)
    _public(response, _seconds_left(fresh))
    response["X-Page-Cache"] = "miss"
    return response


def _alert_boundary(recording: Recording) -> None:
    """A banner starts or ends at a set time, with no save to bump anything: expire then."""
    codes = {c for c in recording.countries if len(c) == 2 and c.isascii() and c.isalpha()}
    if not codes:
        return
    now = timezone.now()
    found = Alert.objects.filter(country_id__in=codes).aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    for moment in found.values():
        if moment is not None:
            valid_until_in(recording, moment.timestamp())


def _fresh(key: str) -> dict[str, Any] | None:
    """The stored copy of this page if it is valid and fresh, else None."""
    entry = cache.get(key)
    if _valid(entry) and entry["fresh_until"] > time.time():
        return entry  # type: ignore[no-any-return]
    return None


def _wait(key: str, lock: str) -> dict[str, Any] | None:
    """The fresh copy another process is rendering, or None when it gives up or fails."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        # Whether the lock was held is read before the copy: a renderer stores its copy and
        # then frees the lock, so a lock seen free here means the copy read next is final.
        held = cache.has_key(lock)
        entry = _fresh(key)
        if entry is not None or not held:
            return entry
        time.sleep(0.02)
    return None


def _render_locked(view: Callable[..., HttpResponse], request: HttpRequest, key: str,
                   last: Any, *args: Any, **kwargs: Any) -> HttpResponse:  # fmt: skip
    """Render the page while this process holds its lock; `last` is the copy read before."""
    # Another process may have stored the copy and freed the lock between that read and
    # taking the lock: read again rather than render twice.
    stored = _fresh(key)
    if stored is not None:
        _offer(key, stored)
        return _from_entry(stored, "hit")
    try:
        return _render(view, request, key, *args, **kwargs)
    except (OperationalError, InterfaceError):
        if isinstance(last, dict):  # the database is away: the last copy beats a 503
            log.warning("database error rendering %s; serving the cached copy", request.path)
            return _from_entry(last, "stale")
        raise


def cached_page(view: View) -> View:
    """Serve the view from the shared cache (see the module's docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _anonymous_get(request):
            response = view(request, *args, **kwargs)
            _private(response)
            return response
        key = _page_key(request)
        entry = cache.get(key)
        valid = _valid(entry)
        if valid and entry["fresh_until"] > time.time():
            _offer(key, entry)
            return _from_entry(entry, "hit")
        lock = key + ":lock"
        if cache.add(lock, 1, timeout=LOCK_SECONDS):
            try:
                return _render_locked(view, request, key, entry, *args, **kwargs)
            finally:
                cache.delete(lock)
        if valid:  # expired by time only: another process is re-rendering it
            return _from_entry(entry, "stale")
        waited = _wait(key, lock)
        if waited is not None:
            _offer(key, waited)
            return _from_entry(waited, "hit")
        return _render(view, request, key, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
