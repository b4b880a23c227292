"""What a mission may hold, checked the same way on every write path.

The API (PATCH and POST, through `editing`), the admin form, the correction form, accepted
corrections (through `editing`) and the Wikidata import all call this module; nothing else
decides how long an address may be or what a phone number may contain. A value that fails
raises ValidationError with a one-line reason in the language of the request; `problems`
gathers them by field name, the shape the API's error details and form errors take.

Why each limit: pages show every phone and address of a mission, so one oversized value costs
every view of it (a 990 KB address made a 6 MB page); a phone or email is put into tel: and
mailto: links, so nothing but its own characters may reach them; a coordinate is used in
trigonometry and written as JSON, where Infinity and NaN are errors.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sized
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, validate_email
from django.utils.translation import gettext, ngettext

from embassies.lib.urls import web_url

LATITUDE = (-90.0, 90.0)
LONGITUDE = (-180.0, 180.0)
# Longest text per field, in characters; the model's own max_length where it has one.
MAX_CHARS: dict[str, int] = {
    "address": 1000,
    "city": 120,
    "sending_subdivision": 120,
    "kind_label": 120,
    "head_of_mission": 200,
    "opening_hours": 500,
    "website": 500,
}
MAX_ITEMS = 10  # phone numbers, email addresses, social profiles
MAX_PHONE_CHARS = 40  # "+1 (613) 996-8885 ext. 12345" is 28
MAX_EMAIL_CHARS = 254  # the longest address SMTP can carry (RFC 5321)
MAX_SOCIAL_CHARS = 500
MAX_NETWORK_CHARS = 40  # "facebook", "mastodon"

# Digits and the punctuation people write numbers with (at least one digit), then an optional
# extension: no letter besides "ext"/"x", so no markup, no "javascript:", no line break can
# reach a tel: link. Written without flags or look-arounds, so the API's OpenAPI document can
# state it as is (JSON Schema patterns take neither) and clients check what the server checks.
PHONE_PATTERN = r"^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*(?: ?(?:[Ee][Xx][Tt]\.?|[Xx]) ?[0-9]+)?$"
_PHONE = re.compile(PHONE_PATTERN)
_SHOWN = 40  # characters of a refused value quoted back in the message


def is_position(lat: object, lon: object) -> bool:
    """Both coordinates present, finite and in range."""
    return in_bounds(lat, LATITUDE) and in_bounds(lon, LONGITUDE)


def in_bounds(value: object, bounds: tuple[float, float]) -> bool:
    # bool is an int, and json's True would be read as 1 degree.
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and bounds[0] <= value <= bounds[1]


def latitude(value: float | None) -> None:
    if value is not None and not in_bounds(value, LATITUDE):
        raise ValidationError(gettext("Give a latitude from -90 to 90."), code="latitude")


def longitude(value: float | None) -> None:
    if value is not None and not in_bounds(value, LONGITUDE):
        raise ValidationError(gettext("Give a longitude from -180 to 180."), code="longitude")


def _shown(text: str) -> str:
    """The start of a refused value, on one line: enough to find it, never the whole of it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"


def phone(text: str) -> None:
    MaxLengthValidator(MAX_PHONE_CHARS)(text)
    if not _PHONE.fullmatch(text):
        # Translators: the characters listed are those accepted; keep them as they are.
        message = gettext(
            "“%(text)s” is not a phone number: use digits, spaces and + ( ) - . / only."
        )
        raise ValidationError(message % {"text": _shown(text)}, code="phone")


def email(text: str) -> None:
    MaxLengthValidator(MAX_EMAIL_CHARS)(text)
    try:
        if text != text.strip() or any(ch.isspace() for ch in text):
            raise ValidationError("", code="email")  # a line break would start a mail header
        validate_email(text)
    except ValidationError:
        message = gettext(
            "“%(text)s” is not an email address (it should look like name@example.org)."
        )
        raise ValidationError(message % {"text": _shown(text)}, code="email") from None


def web_address(text: str) -> None:
    """An http(s) URL with a clean host (lib.urls.web_url), or nothing."""
    if text and not web_url(text):
        raise ValidationError(
            gettext("This is not a web address; it should look like https://example.org/page."),
            code="url",
        )


def at_most(values: Sized) -> None:
    """No more than MAX_ITEMS values: checked before any is read one by one."""
    if len(values) > MAX_ITEMS:
        message = ngettext(
            "At most %(limit)s item is accepted (%(count)s given).",
            "At most %(limit)s items are accepted (%(count)s given).",
            MAX_ITEMS,
        )
        raise ValidationError(message % {"limit": MAX_ITEMS, "count": len(values)}, code="items")


def items(values: object, check: Callable[[str], None]) -> None:
    """A list of at most MAX_ITEMS texts, each passing `check`; the first failure is raised."""
    if not isinstance(values, list | tuple):
        raise ValidationError(gettext("Enter a list of values."), code="list")
    at_most(values)
    for value in values:
        if not isinstance(value, str):
            raise ValidationError(gettext("Enter a list of values."), code="list")
        check(value)


def social(value: object) -> None:
    """Profiles as {network: http(s) URL}: each becomes a link on the page."""
    if not isinstance(value, Mapping):
        raise ValidationError(gettext("Enter a list of values."), code="list")
    items(list(value.values()), _profile)
    items(list(value.keys()), MaxLengthValidator(MAX_NETWORK_CHARS))


def _profile(text: str) -> None:
    MaxLengthValidator(MAX_SOCIAL_CHARS)(text)
    web_address(text)


def _text(name: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if isinstance(value, str):
            MaxLengthValidator(MAX_CHARS[name])(value)

    return check


def _website(value: Any) -> None:
    _text("website")(value)
    web_address(value or "")


CHECKS: dict[str, Callable[[Any], None]] = {
    **{name: _text(name) for name in MAX_CHARS},
    "website": _website,
    "lat": latitude,
    "lon": longitude,
    "phones": lambda value: items(value, phone),
    "emails": lambda value: items(value, email),
    "social": social,
}


def problems(values: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each field of `values` that breaks a limit, with the reasons; {} when all are fine.

    Fields this module has no rule for pass (the model's own validation still applies)."""
    found: dict[str, list[str]] = {}
    for name, value in values.items():
        check = CHECKS.get(name)
        if check is None:
            continue
        try:
            check(value)
        except ValidationError as error:
            found[name] = error.messages
    return found
