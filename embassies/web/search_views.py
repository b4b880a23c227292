"""The search page and the finder page: read the request, call the domain function, render."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from embassies.assistance.finder import FinderError
from embassies.assistance.points import answer as answer_near
from embassies.assistance.points import which_one
from embassies.countries import nationality
from embassies.countries.models import Country
from embassies.directory.search.engine import MAX_QUERY_CHARS
from embassies.directory.search.engine import search as search_missions
from embassies.lib.ratelimit import check_rate, too_many_requests
from embassies.news.queries import search as search_news
from embassies.web import localized, pagecache


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
        # In the page's language and its alphabetical order, as the home page's finder lists them.
        "countries": (listed := localized.every_country()),
        "citizenships": nationality.citizenships(listed),
        "citizen": citizen,
        "host": host,
        "near": near,
        "result": None,
        "error": "",
        "error_field": "",
    }
    pagecache.depends_on(pagecache.EVERYTHING, host)  # the host's alerts start and end on their own
    if not (citizen and host):
        return render(request, "web/find.html", context)
    try:
        located, context["result"] = answer_near(citizen, host, near)
    except FinderError as error:
        context["error"], context["error_field"] = _said_to_people(error), error.field
        return render(request, "web/find.html", context, status=400)
    context["located"] = located
    if located.choices:
        context["which_one"] = which_one(near, Country.objects.get(code=host))
    return render(request, "web/find.html", context)


def _said_to_people(error: FinderError) -> str:
    """A country the form cannot have sent (a link, a typed address) asks for a choice in plain
    words; the API's and the command's messages name the ISO codes developers use."""
    if error.kind == "not_a_nationality":
        return str(error)  # "There is no nationality of Antarctica: choose ...", plain already
    if error.field == "citizen":
        return gettext("Please choose the country you are a citizen of.")
    if error.field == "in":
        return gettext("Please choose the country you are in.")
    if error.kind == "not_a_point":
        return gettext(
            "This is neither a place nor a latitude and longitude: type a town or city, or"
            " a point such as 43.1155,131.8855."
        )
    return str(error)


def _over_rate(request: HttpRequest, scope: str) -> HttpResponse | None:
    """Counts the request (kept copies of the page count theirs too); the 429 when over."""
    pagecache.rate_limited(scope, settings.SEARCH_RATE)
    wait = check_rate(request, scope, settings.SEARCH_RATE)
    return None if wait is None else too_many_requests(request, wait)
