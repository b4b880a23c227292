"""Contact downloads and printouts: a mission's vCard, the printable emergency card."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from embassies.assistance.finder import FinderError
from embassies.assistance.finder import find as find_help
from embassies.assistance.points import parse_point
from embassies.countries import grammar
from embassies.countries.models import Country
from embassies.directory import queries, titles
from embassies.web import vcard


@require_safe
def mission_vcard(request: HttpRequest, pk: int) -> HttpResponse:
    found = queries.mission_detail(pk)
    if found is None:
        raise Http404("No such mission.")
    body = vcard.card(request, found).serialize()
    response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{vcard.filename(found)}"'
    return response


@require_safe
def emergency_card(request: HttpRequest) -> HttpResponse:
    """One printable page: the finder's answer for a citizen in a country, with its date."""
    citizen = request.GET.get("citizen", "").strip().upper()[:2]
    host = request.GET.get("in", "").strip().upper()[:2]
    near = request.GET.get("near", "").strip()[:60]
    context: dict[str, object] = {"citizen": citizen, "host": host, "made": timezone.now()}
    try:
        result = find_help(citizen, host, parse_point(near) if near else None)
    except FinderError as error:
        context["error"] = str(error)
        return render(request, "web/emergency_card.html", context, status=400)
    context["pair"] = pair(result.citizen, result.host)
    context["result"] = result
    return render(request, "web/emergency_card.html", context)


def pair(citizen: Country, host: Country) -> str:
    """Who the card is for: "Canadian in Russia", "a citizen of Tuvalu in the United States";
    French "ressortissants du Canada en Russie" (its forms bring their own "du" and "en")."""
    names = {
        "citizen": grammar.citizen(citizen, other=titles.country_of),
        "host": grammar.place(host, other=titles.country_in),
    }
    # Translators: %(citizen)s is an English demonym ("Canadian"); in your language it is the
    # country's name as it follows "of", so say "citizens of %(citizen)s in %(host)s".
    return pgettext("emergency card", "%(citizen)s in %(host)s") % names
