"""Finished copies of cached pages, answered before the rest of the middleware runs.

A hit of the page cache (cache.py) is found at once but then passes through some twenty
middlewares that add the same headers every time. This middleware, right after RequestObservation (request id, log line and
metrics), keeps the page as the client got it, after every middleware ran: body and headers,
once for clients that take gzip and once for those that do not. The next anonymous GET for the
same language and URL is answered from that copy while the copy is fresh and its generation
numbers are still current, so a change shows at the next request as before. Only Cache-Control
(the remaining max-age) and X-Page-Cache are written per request, as cache.py writes them on a
hit; a 304 is replayed from one the whole chain answered for the same page and ETag. Each
process also keeps the copies it uses in its own memory (`Nearby`), so that a hit costs at
most a read of the generation numbers from Redis (cache.py's `Recent` trusts them for
PAGE_RECHECK_MS) rather than a read of the whole page. The copy that answered is also noted
for the front door (frontdoor.py), which answers the same request again before Django. A gzip copy
is sent as it was compressed, like any shared cache does: GZipMiddleware's random padding
(against BREACH) is not drawn again for each hit; these pages carry no secret to guess.

Everything else goes the long way, where cache.py decides (its lock keeps a stampede to one
render): an expired or changed copy, a session or CSRF cookie, Authorization, an Origin
(CORS), a method other than GET, If-Match and If-Unmodified-Since, settings that redirect or
refuse before any view. The search and finder pages keep counting against their rate limit;
a client over it goes the long way too and gets the 429 there.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeGuard

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.cache import get_conditional_response

from embassies.lib.ratelimit import check_rate
from embassies.ops.middleware import ROUTE, route_name
from embassies.web import cache as pages

log = logging.getLogger(__name__)

Handler = Callable[[HttpRequest], HttpResponseBase]
NOT_MODIFIED = ":304"
FINISHED = "embassies.finished"  # environ key: the finished copy that answers this request
NEARBY_BYTES = 32_000_000  # finished pages kept in each process's memory
# Written per request, never kept: the remaining max-age and how the page was found.
PER_REQUEST = {"cache-control", "x-page-cache"}


def language(request: HttpRequest) -> str:
    """The language LocaleMiddleware will choose for this request (its process_request)."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    patterns_used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    chosen = translation.get_language_from_request(request, check_path=patterns_used)
    from_path = translation.get_language_from_path(request.path_info)
    if not from_path and patterns_used and not prefixed_default:
        chosen = settings.LANGUAGE_CODE
    return chosen


def _machine_routes() -> tuple[str, ...]:
    """Paths that are never cached pages: no cache round trip for them."""
    return (
        settings.STATIC_URL or "/static/", "/api/", f"/{settings.ADMIN_PATH}", "/editors/",
        "/healthz", "/readyz", "/metrics",
    )  # fmt: skip


def _eligible(request: HttpRequest) -> bool:
    """An anonymous GET the whole chain would answer with the shared copy, before any view."""
    meta = request.META
    return (
        request.method == "GET"
        and not request.path.startswith(_machine_routes())
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in meta
        and "HTTP_ORIGIN" not in meta
        and "HTTP_IF_MATCH" not in meta
        and "HTTP_IF_UNMODIFIED_SINCE" not in meta
        and not (settings.SECURE_SSL_REDIRECT and not request.is_secure())
        and not settings.PREPEND_WWW
        and not settings.DISALLOWED_USER_AGENTS
    )


def final_key(request: HttpRequest) -> str | None:
    """Where this request's finished page is kept; None when it must go the long way."""
    if not _eligible(request):
        return None
    try:
        key = pages.page_key(language(request), request)
    except DisallowedHost:  # the chain answers it with a 400 and logs it
        return None
    gzip = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    return f"{key}:final:{'gzip' if gzip else 'plain'}"


def _current(entry: Any) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(entry, dict)
        and entry["fresh_until"] > time.time()
        and pages.generations(entry["gens"]) == entry["gens"]
    )


def _within_rate(request: HttpRequest, entry: dict[str, Any]) -> bool:
    """Counts the request as the view would; over the limit, the chain counts it again and
    answers 429 (a count past the limit changes nothing)."""
    if entry["rate"] is None:
        return True
    scope, setting = entry["rate"]
    return check_rate(request, scope, getattr(settings, setting)) is None


def _with_headers(response: HttpResponse, entry: dict[str, Any],
                  headers: list[tuple[str, str]]) -> HttpResponse:  # fmt: skip
    for name, value in headers:
        response[name] = value
    response["Cache-Control"] = pages.copy_cache_control(entry)
    return response


def _strong(etag: str) -> str:
    return etag.removeprefix("W/")


def _answer(request: HttpRequest, entry: dict[str, Any], not_modified: Any) -> HttpResponse | None:
    """The finished page, or its 304; None when only the whole chain can answer."""
    page = _with_headers(HttpResponse(entry["content"], status=entry["status"]), entry,
                         entry["headers"])  # fmt: skip
    page["X-Page-Cache"] = "hit"
    if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
        return page
    # Django's own evaluation of the preconditions, as ConditionalGetMiddleware would do it.
    decided = get_conditional_response(request, etag=page.get("ETag"), response=page)
    if decided is None or decided is page:
        return page
    if decided.status_code != 304 or not (
        isinstance(not_modified, dict) and not_modified["etag"] == _strong(page.get("ETag", ""))
    ):
        return None  # the chain answers, and its 304 is kept for the next one
    return _with_headers(HttpResponseNotModified(), entry, not_modified["headers"])


def _kept_headers(response: HttpResponseBase) -> list[tuple[str, str]]:
    return [(k, v) for k, v in response.items() if k.lower() not in PER_REQUEST]


def _public(response: HttpResponseBase) -> bool:
    control = response.get("Cache-Control", "")
    return "public" in control and "no-cache" not in control and "no-store" not in control


def _keep(request: HttpRequest, key: str, served: pages.Served,
          response: HttpResponseBase) -> dict[str, Any] | None:  # fmt: skip
    """Keep the finished answer when it is the page cache's fresh copy, unchanged on its way;
    returns the copy kept, if any (not a 304)."""
    entry = served.entry
    if (
        entry is None
        or not key.startswith(served.key + ":")  # the view saw another language or URL
        or response.cookies
        or not isinstance(response, HttpResponse)  # streamed
        or not _public(response)
    ):
        return None
    left = entry["fresh_until"] - time.time()
    if left <= 0:
        return None
    timeout = math.ceil(left)
    if response.status_code == 304:
        kept = {"etag": _strong(response.get("ETag", "")), "headers": _kept_headers(response)}
        cache.set(key + NOT_MODIFIED, kept, timeout=timeout)
        near, _ = nearby.get(key)
        if near is not None:
            nearby.put(key, near, kept)
    elif response.status_code == 200 and response.get("X-Page-Cache") in ("hit", "miss"):
        final = {
            "gens": entry["gens"],
            "fresh_until": entry["fresh_until"],
            "status": response.status_code,
            "content": response.content,
            "headers": _kept_headers(response),
            "route": route_name(request),
            "rate": served.rate,
        }
        cache.set(key, final, timeout=timeout)
        nearby.put(key, final, None)
        return final
    return None


class Nearby:
    """This process's copies of the finished pages it read or kept lately, so that a hit reads
    only generation numbers from the shared cache, not the page. Bounded in bytes, oldest out;
    a copy past its freshness is never answered."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.copies: OrderedDict[str, tuple[dict[str, Any], Any]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # each worker answers from several threads

    def get(self, key: str) -> tuple[dict[str, Any] | None, Any]:
        with self.lock:
            found = self.copies.get(key)
        if found is None or found[0]["fresh_until"] <= time.time():
            return None, None
        return found

    def clear(self) -> None:
        with self.lock:
            self.copies.clear()
            self.size = 0

    def put(self, key: str, entry: dict[str, Any], not_modified: Any) -> None:
        if not self.limit or len(entry["content"]) > self.limit:
            return
        with self.lock:
            old = self.copies.pop(key, None)
            if old is not None:
                self.size -= len(old[0]["content"])
            self.copies[key] = (entry, not_modified)
            self.size += len(entry["content"])
            while self.size > self.limit:
                dropped, _ = self.copies.popitem(last=False)[1]
                self.size -= len(dropped["content"])


# With the per-process memory cache (no REDIS_URL) the shared cache is already this near.
nearby = Nearby(NEARBY_BYTES if settings.REDIS_URL else 0)


def _shared(keys: list[str]) -> dict[str, Any]:
    try:
        return cache.get_many(keys)
    except Exception as error:  # the chain copes with an unreachable cache its own way
        log.warning("finished pages not read: %s", error)
        return {}


def lookup(key: str, revalidating: bool = False) -> tuple[dict[str, Any] | None, Any]:
    """The current finished copy and its 304 (wanted when `revalidating`), from this process
    or else the shared cache."""
    entry, not_modified = nearby.get(key)
    if _current(entry):
        if not_modified is None and revalidating:
            not_modified = _shared([key + NOT_MODIFIED]).get(key + NOT_MODIFIED)
            if not_modified is not None:
                nearby.put(key, entry, not_modified)
        return entry, not_modified
    found = _shared([key, key + NOT_MODIFIED])
    entry, not_modified = found.get(key), found.get(key + NOT_MODIFIED)
    if not _current(entry):
        return None, None
    nearby.put(key, entry, not_modified)
    return entry, not_modified


class FinishedPages:
    """Answers fresh finished copies; keeps the pages the page cache served or stored."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = final_key(request)
        if key is None:
            return self.get_response(request)
        entry, not_modified = lookup(key, "HTTP_IF_NONE_MATCH" in request.META)
        if entry is not None:
            answer = _answer(request, entry, not_modified)
            if answer is not None and _within_rate(request, entry):
                request.META[ROUTE] = entry["route"]
                _offer_to_door(request, key, entry)
                return answer
        served = pages.Served()
        token = pages.serving.set(served)
        try:
            response = self.get_response(request)
        finally:
            pages.serving.reset(token)
        kept = _keep(request, key, served, response)
        if kept is not None:
            _offer_to_door(request, key, kept)
        return response


def _offer_to_door(request: HttpRequest, key: str, entry: dict[str, Any]) -> None:
    """Tells the front door (frontdoor.py, which shares this request's WSGI environ as META)
    which finished copy answers this request, when the copy needs no per-client work."""
    if entry["rate"] is None and entry["status"] == 200:
        request.META[FINISHED] = key
