"""The /alerts/ page: active alerts, then every country's advisory level per issuer."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from embassies.alerts import queries
from embassies.alerts.guidance import GUIDES
from embassies.alerts.levels import world_table


def index(request: HttpRequest) -> HttpResponse:
    issuers, rows = world_table()
    context = {"alerts": queries.listing(), "issuers": issuers, "rows": rows, "guides": GUIDES}
    return render(request, "alerts/index.html", context)
