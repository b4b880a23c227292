"""The public form: show it prefilled, store a valid correction, thank the sender."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from embassies.corrections.forms import CorrectionForm
from embassies.corrections.submission import submit
from embassies.corrections.submitter import submitter_hash
from embassies.directory.models import Mission
from embassies.lib.ratelimit import check_rate


def _mission(pk: int) -> Mission:
    return get_object_or_404(Mission.objects.select_related("sending", "host"), pk=pk)


def suggest(request: HttpRequest, pk: int) -> HttpResponse:
    mission = _mission(pk)
    if request.method != "POST":
        return _form(request, CorrectionForm(mission))
    form = CorrectionForm(mission, request.POST)
    if form.honeypot_filled():
        # Say no more than necessary: a bot learns nothing it could adjust to.
        return render(request, "corrections/refused.html", {"mission": mission}, status=400)
    if not form.is_valid():
        return _form(request, form, status=400)
    # Counted only once the form is valid: a person fixing a typo does not use up their quota.
    if (wait := check_rate(request, "correction", settings.CORRECTION_RATE)) is not None:
        response = _form(request, form, status=429, limited=True)
        response["Retry-After"] = str(wait)
        return response
    submit(
        mission,
        form.changes(),
        comment=form.cleaned_data["comment"],
        source_url=form.cleaned_data["source_url"],
        who=submitter_hash(request),
    )
    return redirect("corrections:thanks", pk=mission.pk)


def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "corrections/thanks.html", {"mission": _mission(pk)})


def _form(
    request: HttpRequest, form: CorrectionForm, status: int = 200, limited: bool = False
) -> HttpResponse:
    context = {"mission": form.mission, "form": form, "limited": limited}
    return render(request, "corrections/suggest.html", context, status=status)
