"""The corpus's HTML check finds each script payload when it is echoed raw, and passes it
when it is escaped: the injection tests could fail."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from tests.security.corpus import PAYLOADS, markup_problems

SCRIPT_PAYLOADS = [
    "script",
    "img-onerror",
    "single-quote-break",
    "textarea-break",
    "title-break",
    "javascript-url",
    "json-ld-break",
]


@pytest.mark.parametrize("label", SCRIPT_PAYLOADS)
def test_raw_echo_is_found(label: str) -> None:
    payload = PAYLOADS[label]
    assert markup_problems(f"<title>{payload}</title><textarea>{payload}</textarea>")
    assert markup_problems(f'<p>{payload}</p><input value="{payload}">')


def test_attribute_break_is_found() -> None:
    assert markup_problems(f'<input value="{PAYLOADS["attribute-break"]}">')


@pytest.mark.parametrize("label", sorted(PAYLOADS))
def test_escaped_echo_passes(label: str) -> None:
    text = escape(PAYLOADS[label])
    page = f'<title>{text}</title><p>{text}</p><input value="{text}"><a href="?q={text}">x</a>'
    assert markup_problems(page) == []
