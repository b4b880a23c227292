"""The moderation queue: pending corrections first, a side-by-side review page, two decisions.

Every decision goes through `moderation`; the admin only collects what the reviewer chose.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from embassies.corrections import moderation
from embassies.corrections.fields import as_text
from embassies.corrections.models import Correction, State

NOTE_LIMIT = 2000


class StateFilter(admin.SimpleListFilter):
    """Pending unless asked otherwise: the queue is what needs a decision."""

    title = "status"
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*State.choices, ("all", "All")]

    def _chosen(self) -> str:
        return self.value() or State.PENDING

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        chosen = self._chosen()
        return queryset if chosen == "all" else queryset.filter(status=chosen)

    def choices(self, changelist: Any) -> Any:
        for value, title in self.lookup_choices:
            query = changelist.get_query_string({self.parameter_name: value})
            yield {"selected": self._chosen() == value, "query_string": query, "display": title}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])
    apply = forms.MultipleChoiceField(required=False, choices=[])
    note = forms.CharField(required=False, max_length=NOTE_LIMIT)

    def __init__(self, correction: Correction, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["apply"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(name, name) for name in correction.changes]


class RejectForm(forms.Form):
    note = forms.CharField(required=False, max_length=NOTE_LIMIT)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin[Correction]):
    list_display = ["id", "mission", "field_labels", "submitted_at", "status", "changed_since"]
    list_display_links = ["id", "mission"]
    list_filter = [StateFilter, "submitted_at"]
    list_select_related = ["mission__sending", "mission__host"]
    search_fields = ["mission__city", "mission__wikidata", "mission__sending__name"]
    date_hierarchy = "submitted_at"
    actions = ["accept_selected", "reject_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # corrections come from the public form only

    @admin.display(description="fields")
    def field_labels(self, correction: Correction) -> str:
        return correction.field_labels

    @admin.display(description="mission changed since", boolean=True)
    def changed_since(self, correction: Correction) -> bool | None:
        if correction.status != State.PENDING:
            return None
        return bool(moderation.stale_fields(correction))

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        correction = self.get_object(request, unquote(object_id))
        if correction is None:
            raise Http404("No such correction.")
        if not self.has_view_or_change_permission(request, correction):
            raise PermissionDenied
        form = ReviewForm(correction)
        if request.method == "POST":
            if not self.has_change_permission(request, correction):
                raise PermissionDenied
            form = ReviewForm(correction, request.POST)
            if form.is_valid() and self._decide(request, correction, form.cleaned_data):
                return HttpResponseRedirect(reverse("admin:corrections_correction_changelist"))
        ticked = request.POST.getlist("apply") if form.is_bound else None
        return self._review_page(request, correction, form, ticked)

    def _decide(self, request: HttpRequest, correction: Correction, data: dict[str, Any]) -> bool:
        try:
            if data["decision"] == "accept":
                moderation.accept(correction, request.user, data["apply"], data["note"])  # type: ignore[arg-type]
            else:
                moderation.reject(correction, request.user, data["note"])  # type: ignore[arg-type]
        except moderation.ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)
            return False
        self.message_user(request, f"Correction {correction.pk} {data['decision']}ed.")
        return True

    def _review_page(
        self,
        request: HttpRequest,
        correction: Correction,
        form: ReviewForm,
        ticked: list[str] | None,
    ) -> TemplateResponse:
        """Ticked by default: every field nobody changed since the visitor saw it."""
        rows = [
            {
                "review": r,
                "current": as_text(r.current, r.name),
                "proposed": as_text(r.proposed, r.name),
                "original": as_text(r.original, r.name),
                "checked": (r.name in ticked) if ticked is not None else not r.changed_meanwhile,
            }
            for r in moderation.field_reviews(correction)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Review correction {correction.pk}",
            "correction": correction,
            "rows": rows,
            "form": form,
            "pending": correction.status == State.PENDING,
            "can_change": self.has_change_permission(request, correction),
            "note_limit": NOTE_LIMIT,
        }
        return TemplateResponse(request, "admin/corrections/correction/review.html", context)

    @admin.action(description="Accept the selected corrections", permissions=["change"])
    def accept_selected(self, request: HttpRequest, queryset: QuerySet[Correction]) -> None:
        done, skipped = [], []
        for correction in queryset.filter(status=State.PENDING).select_related("mission"):
            if moderation.stale_fields(correction):
                skipped.append(str(correction.pk))  # the reviewer must choose, on its own page
                continue
            try:
                moderation.accept(correction, request.user)  # type: ignore[arg-type]
            except moderation.ModerationError as error:
                self.message_user(request, f"Correction {correction.pk}: {error}", messages.ERROR)
                continue
            done.append(correction.pk)
        self.message_user(request, f"{len(done)} correction(s) accepted.")
        if skipped:
            self.message_user(
                request,
                f"Not accepted, the mission changed since they were sent: {', '.join(skipped)}. "
                "Open each to choose which fields to apply.",
                messages.WARNING,
            )

    @admin.action(description="Reject the selected corrections…", permissions=["change"])
    def reject_selected(
        self, request: HttpRequest, queryset: QuerySet[Correction]
    ) -> TemplateResponse | None:
        pending = list(
            queryset.filter(status=State.PENDING).select_related(
                "mission__sending", "mission__host"
            )
        )
        form = RejectForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            for correction in pending:
                moderation.reject(correction, request.user, form.cleaned_data["note"])  # type: ignore[arg-type]
            self.message_user(request, f"{len(pending)} correction(s) rejected.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Reject corrections",
            "corrections": pending,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "note_limit": NOTE_LIMIT,
        }
        return TemplateResponse(
            request, "admin/corrections/correction/reject_selected.html", context
        )
