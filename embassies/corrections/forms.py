"""The "suggest a correction" form: prefilled with the mission's values, keeps only changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy, ngettext

from embassies.corrections import validation
from embassies.corrections.fields import CORRECTABLE, LABELS, LISTS, current_value
from embassies.directory import limits
from embassies.directory.models import Mission, Status
from embassies.directory.titles import STATUS_LABELS

if TYPE_CHECKING:  # django-stubs' name for "text, or text translated when shown"
    from django_stubs_ext import StrOrPromise

# Longest accepted text per field (characters), and for the whole form. The mission's fields
# take their limits from `limits`, as every other write path does; a list's box holds its
# longest items, one a line with a little room for stray spaces.
LIMITS = {
    **{name: limits.MAX_CHARS[name] for name in CORRECTABLE if name in limits.MAX_CHARS},
    "phones": limits.MAX_ITEMS * (limits.MAX_PHONE_CHARS + 4),
    "emails": limits.MAX_ITEMS * (limits.MAX_EMAIL_CHARS + 4),
    "status": 20,
    "comment": 2000,
    "source_url": 500,
}
TOTAL_LIMIT = 4000
HONEYPOT = "homepage"

HELP = {
    "phones": gettext_lazy("One number a line, with the country code."),
    "emails": gettext_lazy("One address a line."),
    "opening_hours": gettext_lazy("OpenStreetMap syntax, for example Mo-Fr 09:00-13:00; PH off."),
    "comment": gettext_lazy("What is wrong, or how you know (optional; not published)."),
    "source_url": gettext_lazy(
        "A page that shows the right information, such as the mission's own site."
    ),
}
# The statuses in the page's language ("Open", "Ouvert", "Работает"), as on the mission page.
STATUS_CHOICES = [(status.value, STATUS_LABELS[status.value]) for status in Status]


def _text(name: str, *, area: bool = False, label: StrOrPromise = "") -> forms.CharField:
    return forms.CharField(
        label=label or LABELS[name],
        required=False,
        max_length=LIMITS[name],
        help_text=HELP.get(name, ""),
        validators=[validation.refuse_markup],
        widget=forms.Textarea(attrs={"rows": 3, "class": "input"})
        if area
        else forms.TextInput(attrs={"class": "input"}),
    )


class CorrectionForm(forms.Form):
    address = _text("address", area=True)
    city = _text("city")
    phones = _text("phones", area=True)
    emails = _text("emails", area=True)
    website = _text("website")
    opening_hours = _text("opening_hours")
    status = forms.ChoiceField(
        label=LABELS["status"], choices=STATUS_CHOICES, widget=forms.Select({"class": "select"})
    )
    head_of_mission = _text("head_of_mission")
    comment = _text("comment", area=True, label=gettext_lazy("Comment"))
    source_url = _text("source_url", label=gettext_lazy("Source (optional)"))
    # Hidden from people by CSS and from screen readers; bots that fill every field fill it too.
    homepage = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    def __init__(self, mission: Mission, *args: Any, **kwargs: Any) -> None:
        self.mission = mission
        kwargs.setdefault("initial", {name: _shown(mission, name) for name in CORRECTABLE})
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def public_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name != HONEYPOT]

    def honeypot_filled(self) -> bool:
        return bool(str(self.data.get(HONEYPOT, "")).strip())

    # Each clean_ keeps the mission's own value when it is unchanged, and checks only what is new.
    def clean_address(self) -> str:
        return "\n".join(line.rstrip() for line in self.cleaned_data["address"].splitlines())

    def clean_phones(self) -> list[str]:
        return self._items("phones", lambda t: validation.phone_number(t, self.mission.host_id))

    def clean_emails(self) -> list[str]:
        return self._items("emails", validation.email_address)

    def clean_website(self) -> str:
        return self._single("website", validation.web_address)

    def clean_opening_hours(self) -> str:
        return self._single("opening_hours", validation.opening_hours)

    def clean_source_url(self) -> str:
        text = self.cleaned_data["source_url"]
        return validation.web_address(text) if text else ""

    def _single(self, name: str, check: Callable[[str], str]) -> str:
        text: str = self.cleaned_data[name]
        if not text or _same(self.mission, name, text):
            return text
        return check(text)

    def _items(self, name: str, check: Callable[[str], str]) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data[name].splitlines() if line.strip()]
        limits.at_most(lines)
        known = current_value(self.mission, name)
        items, errors = [], []
        for line in lines:
            try:
                items.append(line if line in known else check(line))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        # A changed list is saved whole, so the limits of every write path apply to all of it
        # (an old unreadable line too: accepting would be refused for it); unchanged, none.
        if items != known and (found := limits.problems({name: items})):
            raise ValidationError(found[name])
        return items

    def clean(self) -> dict[str, Any]:
        total = sum(len(str(self.data.get(name, ""))) for name in self.fields)
        if total > TOTAL_LIMIT:
            message = ngettext(
                "This is too much text at once (%(total)s character; at most %(limit)s).",
                "This is too much text at once (%(total)s characters; at most %(limit)s).",
                total,
            )
            raise ValidationError(message % {"total": total, "limit": TOTAL_LIMIT}, code="too_long")
        if not self.errors and not self.changes():
            raise ValidationError(
                gettext("Nothing was changed: edit the values that are wrong, then send."),
                code="no_change",
            )
        return self.cleaned_data

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the mission's, with the proposed value."""
        return {
            name: self.cleaned_data[name]
            for name in CORRECTABLE
            if name in self.cleaned_data and not _same(self.mission, name, self.cleaned_data[name])
        }


def _same(mission: Mission, name: str, value: Any) -> bool:
    """Equal to the mission's value, blind to spaces around lines (forms strip them)."""
    current = current_value(mission, name)
    if isinstance(current, str) and isinstance(value, str):
        return _lines(current) == _lines(value)
    return bool(current == value)


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines())


def _shown(mission: Mission, name: str) -> str:
    value = current_value(mission, name)
    return "\n".join(value) if name in LISTS else value
