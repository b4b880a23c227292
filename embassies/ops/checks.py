"""Start-up checks of the operations settings (`embassies check --deploy`, and every command)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

METRICS_OPEN = (
    "/metrics is open to anyone who can reach the app: EMBASSIES_PRODUCTION=true and no "
    "EMBASSIES_METRICS_TOKEN. Set one, so that only the scraper reads the site's traffic, "
    "routes and import outcomes."
)


def metrics_open() -> bool:
    """In production every request to the app may come from anyone a proxy lets through."""
    return bool(settings.PRODUCTION and not settings.METRICS_TOKEN)


@checks.register()
def metrics_guarded(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if metrics_open():
        return [checks.Warning(METRICS_OPEN, id="ops.W001")]
    return []
