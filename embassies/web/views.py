"""Pages: parse the request, call the directory's queries, render."""

from __future__ import annotations

import time

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from embassies.alerts import queries as alert_queries
from embassies.alerts.banners import banner
from embassies.countries import nationality
from embassies.countries.models import Country
from embassies.directory import queries
from embassies.news.queries import latest_about
from embassies.web import localized, pagecache, present
from embassies.web.pagecache import cached_page


@cached_page
def home(request: HttpRequest) -> HttpResponse:
    countries = localized.sorted_by_name(Country.objects.only("code", "name", "names", "slug"))
    counts = queries.counts_by_country()
    listed = [(c, counts[c.code]) for c in countries if c.code in counts]
    crises = alert_queries.crises()
    # Every country with an alert on or to come: the copy expires when one starts or ends.
    pagecache.depends_on(pagecache.EVERYTHING, *crises.codes)
    context = {
        "crises": crises.alerts,
        "countries": countries,
        "citizenships": nationality.citizenships(countries),
        "groups": localized.by_letter(listed),
        "totals": queries.totals(counts),
    }
    return render(request, "web/home.html", context)


@cached_page
def country(request: HttpRequest, slug: str) -> HttpResponse:
    found = _country(slug)
    if isinstance(found, HttpResponse):
        return found
    missions = list(queries.missions_in(found))
    return _country_page(request, found, missions, abroad=False)


@cached_page
def country_abroad(request: HttpRequest, slug: str) -> HttpResponse:
    found = _country(slug, route="web:country_abroad")
    if isinstance(found, HttpResponse):
        return found
    missions = list(queries.missions_of(found))
    return _country_page(request, found, missions, abroad=True)


def _country(slug: str, route: str = "web:country") -> Country | HttpResponse:
    """The country with this slug; an alpha-2 code ("ru") redirects to the slug URL."""
    found = Country.objects.filter(slug=slug).first()
    if found is not None:
        return found
    by_code = Country.objects.filter(code=slug.upper()).first() if len(slug) == 2 else None
    if by_code is None:
        raise Http404("No such country.")
    return redirect(route, slug=by_code.slug, permanent=True)


def _country_page(
    request: HttpRequest, country: Country, missions: list[queries.Listed], *, abroad: bool
) -> HttpResponse:
    context = {
        "country": country,
        "missions": missions,
        "abroad": abroad,
        "counts": (counts := queries.country_counts(country)),
        "abroad_heading": localized.abroad_heading(country),
        "abroad_description": localized.abroad_description(country, counts.abroad),
        "markers": present.markers(missions),
        "groups": present.grouped(missions, "host" if abroad else "sending"),
        "news": latest_about(country.code),
        # Read here, not by the alert_banners tag: a banner already sends readers in this
        # country to the finder, and the page's own prompt then stays out (one prompt, not two).
        "banners": [banner(alert) for alert in alert_queries.banners([country.code])],
    }
    pagecache.depends_on(country.code)
    return render(request, "web/country.html", context)


@cached_page
def mission(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    found = queries.mission_detail(pk)
    if found is None:
        raise Http404("No such mission.")
    if slug != found.slug:
        # One URL per mission: old or mistyped slugs move permanently to the current one.
        return redirect(found, permanent=True)
    others = list(queries.siblings(found))
    context = present.mission_context(found, others)
    pagecache.depends_on(
        found.sending_id, found.host_id, *(c.code for c in context["accreditations"])
    )
    if context["local"]:  # the local time and "open now" hold until the next minute
        pagecache.valid_until(time.time() // 60 * 60 + 60)
    return render(request, "web/mission.html", context)
