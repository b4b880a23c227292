"""Checks on what a visitor typed: plain text only, and values that make sense for each field.

Each check raises ValidationError with a message saying what to change, never a bare "invalid",
in the language of the page the visitor sent the form from.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext
from opening_hours import OpeningHours, ParserError  # type: ignore[attr-defined]  # not in its stubs

from embassies.directory import limits

# "<b", "</p", "<!--", "<?php", "< script": anything a browser or template could read as markup.
_TAG = re.compile(r"<\s*(?:[/?]?\s*[a-z]|!)", re.IGNORECASE)
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
_URL = URLValidator(schemes=["http", "https"])


def _squeezed(text: str) -> str:
    """Lower case without spaces or control characters: "java\tscript :" is "javascript:"."""
    return "".join(
        ch for ch in text.lower() if not ch.isspace() and unicodedata.category(ch)[0] != "C"
    )


def refuse_markup(text: str) -> None:
    if "<script" in _squeezed(text) or _TAG.search(text):
        raise ValidationError(
            gettext("HTML tags and scripts are not accepted here: please write plain text."),
            code="markup",
        )
    if any(scheme in _squeezed(text) for scheme in _SCRIPT_SCHEMES):
        raise ValidationError(
            gettext(
                "javascript: and similar links are not accepted: give an http:// or https:// "
                "address."
            ),
            code="script_link",
        )


def web_address(text: str) -> str:
    """An http(s) URL; a bare host name ("example.org/page") is taken as https."""
    if "://" not in text:
        text = f"https://{text}"
    if not text.lower().startswith(("http://", "https://")):
        raise ValidationError(
            gettext("Give an address that starts with http:// or https://."), code="url"
        )
    try:
        _URL(text)
        limits.web_address(text)  # credentials or a host a policy could not name
    except ValidationError:
        raise ValidationError(
            gettext("This is not a web address; it should look like https://example.org/page."),
            code="url",
        ) from None
    return text


def phone_number(text: str, region: str) -> str:
    """The number in international format ('+7 495 925-60-00'), or an error naming it."""
    message = gettext(
        "“%(text)s” is not a phone number we can read: write it with the country code, "
        "for example +7 495 925-60-00."
    ) % {"text": text}
    try:
        parsed = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        raise ValidationError(message, code="phone") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(message, code="phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def email_address(text: str) -> str:
    limits.email(text)
    return text


def opening_hours(text: str) -> str:
    """OpenStreetMap opening_hours syntax, checked by the same parser the pages use."""
    try:
        OpeningHours(text)
    except (ParserError, SyntaxError, ValueError) as error:
        expected = [line.strip(" =") for line in str(error).splitlines() if "expected" in line]
        detail = f" ({expected[0]})" if expected else ""
        # Translators: %(detail)s is empty or the parser's own words, such as " (expected a time)".
        message = gettext(
            "Write the hours in OpenStreetMap syntax, for example "
            "“Mo-Fr 09:00-13:00, 14:00-17:00; PH off”%(detail)s."
        )
        raise ValidationError(message % {"detail": detail}, code="opening_hours") from None
    return text
