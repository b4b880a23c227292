"""The page cache's one middleware: anonymous GETs answered from kept copies, the rest rendered.

Placed right after the request's observation (request id, log line, metrics), it keeps pages
as the client got them, after every other middleware ran, and answers the next request for
the same place (copies.py) while the copy is fresh and nothing it shows has changed
(generations.py). Only views marked `cached_page` are kept, and only their 200 answers that
set no cookie and carry no CSRF token.

Under load, one process re-renders an expired page (a lock in the cache) while the others
serve the previous copy ("stale"); a page whose data changed is never served old once a
re-render has been asked for: waiters get the new copy. A re-render that fails (5xx, e.g. the
database away) serves the previous copy instead. Conditional requests (If-None-Match...) are
answered from the copy as ConditionalGetMiddleware would. Rate-limited pages keep counting:
a client over the limit goes to the view, which answers 429.

Each answer says how it was found: `X-Page-Cache` is hit, stale or miss, and `Age` how old
the copy is; Cache-Control tells browsers and proxies how long they may keep it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import nullcontext
from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control

from embassies.db_router import from_primary
from embassies.lib.generations import read
from embassies.lib.ratelimit import check_rate
from embassies.ops.middleware import ROUTE, route_name
from embassies.web.pagecache.copies import PER_ANSWER, Copy, Place, varies_on
from embassies.web.pagecache.generations import EPOCH, EVERYTHING, replica_may_lag
from embassies.web.pagecache.recording import Recording, add_alert_boundaries, recording

log = logging.getLogger(__name__)

Handler = Callable[[HttpRequest], HttpResponse]
FRESH_SECONDS = 60  # a copy is served as it is for this long (at most)
LOCK_SECONDS = 15  # longest a re-render may hold the page's lock
WAIT_SECONDS = 3.0  # longest a request waits for another process's fresh copy
MAX_BYTES = 4_000_000
# Preconditions the chain is not shown: the copy answers them (a 304 is never kept).
CONDITIONS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


class PageCache:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        place = Place.of(request) if _anonymous_page_get(request) else None
        if place is None or not place.shared:
            return self._unshared(request)
        conditions = {name: request.META.pop(name) for name in CONDITIONS if name in request.META}
        response = self._answer(request, place)
        if not conditions:
            return response
        request.META.update(conditions)
        # The same response, or a 304 (HttpResponseNotModified, an HttpResponse).
        decided = cast(HttpResponse, self.conditional.process_response(request, response))
        for name in ("X-Page-Cache", "Age"):  # a 304 keeps only the headers RFC 9110 names
            if name in response and decided is not response:
                decided[name] = response[name]
        return decided

    def _unshared(self, request: HttpRequest) -> HttpResponse:
        """A request only its own client may see the answer to (a session, a login)."""
        with recording() as kept:
            response = self.get_response(request)
        if kept.shareable:
            _private(response)
        return response

    def _answer(self, request: HttpRequest, place: Place) -> HttpResponse:
        copy = place.stored()
        current = copy is not None and copy.current()
        if copy is not None and current and copy.fresh():
            return self._serve(request, place, copy, "hit")
        if cache.add(place.lock, 1, timeout=LOCK_SECONDS):
            try:
                return self._render_locked(request, place, copy)
            finally:
                cache.delete(place.lock)
        if copy is not None and current:  # only its time ran out: another process re-renders
            return self._serve(request, place, copy, "stale")
        waited = _wait(request, place)
        if waited is not None:
            return self._serve(request, place, waited, "hit")
        return self._render(request, place, copy)

    def _serve(self, request: HttpRequest, place: Place, copy: Copy, state: str) -> HttpResponse:
        if copy.rate is not None and check_rate(request, *copy.rate) is not None:
            return self._render(request, place, copy)  # the view counts it too and answers 429
        request.META[ROUTE] = copy.route
        return copy.response(state)

    def _render_locked(self, request: HttpRequest, place: Place, last: Copy | None) -> HttpResponse:
        # Another process may have stored the copy and freed the lock between our first look
        # and taking the lock: look again rather than render twice.
        stored = Place.of(request)
        again = stored.stored() if stored is not None else None
        if again is not None and again.servable():
            return self._serve(request, place, again, "hit")
        return self._render(request, place, last)

    def _render(self, request: HttpRequest, place: Place, last: Copy | None) -> HttpResponse:
        # Read afresh, not from this process's memory: the copy kept must not predate a change.
        before = read([EVERYTHING], recheck=True)
        with recording() as kept, from_primary() if replica_may_lag() else nullcontext():
            response = self.get_response(request)
        if response.status_code >= 500 and last is not None:
            log.warning(
                "error %s rendering %s; serving the kept copy", response.status_code, request.path
            )
            request.META[ROUTE] = last.route
            return last.response("stale")
        if not kept.shareable:
            if 200 <= response.status_code < 300:  # its view answered, not a fault on the way
                place.never_shared()
            return response
        if not _storable(request, response):
            if 200 <= response.status_code < 300:  # a token or a cookie of this visitor's own
                _private(response)
            return response
        copy = _copy(request, response, kept, before)
        response["X-Page-Cache"] = "miss"
        if copy is None:  # data changed while it rendered (or the cache is away): show, not keep
            patch_cache_control(response, no_cache=True)
            return response
        place.keep(request, copy)
        response["Cache-Control"] = copy.cache_control()
        return response


def _anonymous_page_get(request: HttpRequest) -> bool:
    """A GET or HEAD for a page from someone without a session (so not logged in) nor a
    CSRF token: the shared copy fits."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(_machine_routes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _machine_routes() -> tuple[str, ...]:
    """Paths that never hold a page: not worth a look in the cache."""
    return (
        settings.STATIC_URL or "/static/",
        "/api/",
        f"/{settings.ADMIN_PATH}",
        "/editors/",
        "/healthz",
        "/readyz",
        "/metrics",
    )


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
        and "*" not in varies_on(response)
        and len(response.content) <= MAX_BYTES
    )


def _copy(
    request: HttpRequest, response: HttpResponse, kept: Recording, before: dict[str, int]
) -> Copy | None:
    """The copy to keep; None when data changed while the page rendered."""
    add_alert_boundaries(kept)
    names = {EPOCH, *kept.countries}
    gens = read(names | {EVERYTHING}, recheck=True)
    if not names <= gens.keys() or gens.get(EVERYTHING) != before.get(EVERYTHING):
        return None
    now = time.time()
    fresh_until = now + FRESH_SECONDS
    if kept.until is not None:
        fresh_until = min(fresh_until, kept.until)
    return Copy(
        status=response.status_code,
        content=response.content,
        headers=tuple((k, v) for k, v in response.items() if k.lower() not in PER_ANSWER),
        vary=varies_on(response),
        gens={name: gens[name] for name in names},
        stored_at=now,
        fresh_until=fresh_until,
        route=route_name(request),
        rate=kept.rate,
    )


def _wait(request: HttpRequest, place: Place) -> Copy | None:
    """The fresh copy another process is rendering, or None when it gives up or fails."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        # Whether the lock was held is read before the copy: a renderer stores its copy and
        # then frees the lock, so a lock seen free here means the copy read next is final.
        held = cache.has_key(place.lock)
        found = Place.of(request)
        copy = found.stored() if found is not None else None
        if copy is not None and copy.servable():
            return copy
        if not held:
            return None
        time.sleep(0.02)
    return None


def _private(response: HttpResponse) -> None:
    patch_cache_control(response, private=True, no_store=True)
