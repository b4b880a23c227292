"""The search page and the finder page: read the request, call the domain function, render."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from embassies.assistance.finder import FinderError
from embassies.assistance.finder import find as find_help
from embassies.assistance.points import parse_point
from embassies.countries.models import Country
from embassies.directory.search.engine import MAX_QUERY_CHARS
from embassies.directory.search.engine import search as search_missions
from embassies.lib.ratelimit import check_rate, too_many_requests
from embassies.news.queries import search as search_news
from embassies.web import pagecache


@pagecache.cached_page
def search(request: HttpRequest) -> HttpResponse:
    if (over := _over_rate(request, "search")) is not None:
        return over
    pagecache.depends_on(pagecache.EVERYTHING)
    query = request.GET.get("q", "").strip()
    context: dict[str, object] = {"q": query, "hits": [], "error": ""}
    status = 200
    if len(query) > MAX_QUERY_CHARS:
        context["error"] = gettext("Please shorten your search to %(max)s characters or fewer.") % {
            "max": MAX_QUERY_CHARS
        }
        status = 400
    elif query:
        context["hits"] = search_missions(query)
        context["articles"] = search_news(query)
    return render(request, "web/search.html", context, status=status)


@pagecache.cached_page
def find(request: HttpRequest) -> HttpResponse:
    if (over := _over_rate(request, "find")) is not None:
        return over
    citizen = request.GET.get("citizen", "").strip().upper()[:2]
    host = request.GET.get("in", "").strip().upper()[:2]
    near = request.GET.get("near", "").strip()[:60]
    context: dict[str, object] = {
        "countries": list(Country.objects.order_by("name").only("code", "name")),
        "citizen": citizen,
        "host": host,
        "near": near,
        "result": None,
        "error": "",
    }
    pagecache.depends_on(pagecache.EVERYTHING, host)  # the host's alerts start and end on their own
    if not (citizen and host):
        return render(request, "web/find.html", context)
    try:
        context["result"] = find_help(citizen, host, parse_point(near) if near else None)
    except FinderError as error:
        context["error"] = str(error)
        return render(request, "web/find.html", context, status=400)
    return render(request, "web/find.html", context)


def _over_rate(request: HttpRequest, scope: str) -> HttpResponse | None:
    """Counts the request (kept copies of the page count theirs too); the 429 when over."""
    pagecache.rate_limited(scope, settings.SEARCH_RATE)
    wait = check_rate(request, scope, settings.SEARCH_RATE)
    return None if wait is None else too_many_requests(request, wait)
