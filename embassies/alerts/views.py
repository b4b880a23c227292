"""The /alerts/ page: active alerts, then every country's advisory level per issuer."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from embassies.alerts import queries
from embassies.alerts.guidance import GUIDES
from embassies.alerts.levels import world_table


def index(request: HttpRequest) -> HttpResponse:
    context = {"alerts": queries.listing(), "table": world_table(), "guides": GUIDES}
    return render(request, "alerts/index.html", context)
