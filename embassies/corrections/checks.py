"""Start-up checks: a bad correction rate is reported before the first visitor finds it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

from embassies.lib.ratelimit import parse_rate


@checks.register()
def correction_rate(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        parse_rate(settings.CORRECTION_RATE)
    except ValueError as error:
        return [
            checks.Error(
                f"EMBASSIES_CORRECTION_RATE: {error}",
                hint="Set it like 5/h or 20/d.",
                id="embassies.corrections.E001",
            )
        ]
    return []
