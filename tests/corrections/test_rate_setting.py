"""EMBASSIES_CORRECTION_RATE is checked at start-up: a bad value is an error with a hint."""

from __future__ import annotations

from typing import Any

from embassies.corrections.checks import correction_rate


def test_a_malformed_rate_is_reported(settings: Any) -> None:
    settings.CORRECTION_RATE = "five an hour"
    [error] = correction_rate()
    assert error.id == "embassies.corrections.E001" and "five an hour" in error.msg
    assert error.hint == "Set it like 5/h or 20/d."


def test_the_default_rate_passes(settings: Any) -> None:
    settings.CORRECTION_RATE = "5/h"
    assert correction_rate() == []
