"""News pages: the index, one article, one country's news. Parse, query, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from embassies.countries.models import Country
from embassies.news import queries
from embassies.web import pagecache
from embassies.web.csp import allow_image

PER_PAGE = 20


def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(queries.newest(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/index.html", {"page": page})


@pagecache.cached_page
def article(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    found = queries.article(pk)
    if found is None:
        raise Http404("No such article.")
    if slug != found.slug:  # one URL per article: old or missing slugs move to the current one
        return redirect(found, permanent=True)
    tags = found.concerned_tags()  # one named only in passing: no link, no banner here
    pagecache.depends_on(f"article:{found.pk}", *(t.country_id for t in tags))
    context = {
        "article": found,
        "tags": tags,
        # Countries whose consular-assistance banners belong on this page, primary first.
        "banner_countries": [t.country_id for t in tags],
    }
    response = render(request, "news/article.html", context)
    # The article's own picture may come from its publisher's host: allowed on this page alone.
    return allow_image(response, found.image_url) if found.image_url else response


def country(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        return redirect("news:country", code=code.lower(), permanent=True)
    found = get_object_or_404(Country, code=code.upper())
    page = Paginator(queries.about(found.code), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/country.html", {"country": found, "page": page})
