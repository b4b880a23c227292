"""The public history of a mission: where each field came from and when it last changed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from embassies.directory import queries
from embassies.directory.history import mission_history
from embassies.directory.status_words import fact_lines


def mission_history_page(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    mission = queries.mission_detail(pk)
    if mission is None:
        raise Http404("No such mission.")
    if slug != mission.slug:
        return redirect("web:mission_history", pk=mission.pk, slug=mission.slug, permanent=True)
    history = mission_history(mission, list(mission.accreditations.all()))
    context = {"mission": mission, "history": history, "status_facts": fact_lines(mission)}
    return render(request, "web/mission_history.html", context)
