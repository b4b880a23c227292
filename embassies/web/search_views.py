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
from embassies.web import cache


def search(request: HttpRequest) -> HttpResponse:
    cache.rate_limited("search", "SEARCH_RATE")
    if (wait := check_rate(request, "search", settings.SEARCH_RATE)) is not None:
        return too_many_requests(request, wait)
    return _search_page(request)


@cache.cached_page  # inside the rate limit, which counts every request, cached or not
def _search_page(request: HttpRequest) -> HttpResponse:
    cache.depends_on(cache.EVERYTHING)
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


def find(request: HttpRequest) -> HttpResponse:
    cache.rate_limited("find", "SEARCH_RATE")
    if (wait := check_rate(request, "find", settings.SEARCH_RATE)) is not None:
        return too_many_requests(request, wait)
    return _find_page(request)


@cache.cached_page
def _find_page(request: HttpRequest) -> HttpResponse:
    citizen = request.GET.get("citizen", "").strip().upper()[:2]
    host = request.GET.get("in", "").strip().upper()[:2]
    near = request.GET.get("near", "").strip()[:60]
    context: dict[str, object] = {
        "countries": list(Country.objects.order_by("name").only("code", "name")),
        "citizen": citizen, "host": host, "near": near, "result": None, "error": "",
    }  # fmt: skip
    cache.depends_on(cache.EVERYTHING, host)  # the host's alerts start and end on their own
    if not (citizen and host):
        return render(request, "web/find.html", context)
    try:
        context["result"] = find_help(citizen, host, parse_point(near) if near else None)
    except FinderError as error:
        context["error"] = str(error)
        return render(request, "web/find.html", context, status=400)
    return render(request, "web/find.html", context)
