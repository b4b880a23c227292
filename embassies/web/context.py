"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {"tile_url": settings.MAP_TILE_URL, "site_name": "Embassies"}
