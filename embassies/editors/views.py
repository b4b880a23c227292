"""Editors' pages: staff only; the domain modules do the work."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from operator import itemgetter

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from embassies.countries.models import Country
from embassies.directory.quality import build_report
from embassies.lib import collation

View = Callable[[HttpRequest], HttpResponse]
PAGE_LIMIT = 100


def staff_only(view: View) -> View:
    """Whoever the admin admits (staff, with their second factor where the admin asks for
    one); anonymous visitors and unverified staff go to the admin's login, others get a 403."""

    @wraps(view)
    def checked(request: HttpRequest) -> HttpResponse:
        if admin.site.has_permission(request):
            return view(request)
        if request.user.is_authenticated and not request.user.is_staff:
            raise PermissionDenied("Editors only.")
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))

    return checked


@never_cache  # a staff page: no shared cache may keep it
@staff_only
def quality(request: HttpRequest) -> HttpResponse:
    # An English page: English names in CLDR's English order ("Côte d'Ivoire" among the Cs).
    countries = collation.sorted_by(
        Country.objects.values_list("code", "name"), itemgetter(1), "en"
    )
    wanted = request.GET.get("country", "").strip().upper()
    known = {code for code, _ in countries}
    chosen = wanted if wanted in known else None
    report = build_report(chosen, PAGE_LIMIT)
    context = {
        **admin.site.each_context(request),
        "report": report,
        "countries": countries,
        "chosen": chosen,
        "chosen_name": report.names.get(chosen, "") if chosen else "",
        "unknown": wanted if wanted and chosen is None else "",
        "worst": [(code, report.names.get(code, code), n) for code, n in report.worst_countries()],
    }
    return render(
        request, "editors/quality.html", context, status=400 if context["unknown"] else 200
    )
