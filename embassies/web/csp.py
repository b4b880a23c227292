"""The Content-Security-Policy: what the pages may load, and from where.

No 'unsafe-inline' anywhere: scripts and styles come from static files. Images may also come
from the map tile server and from Wikimedia Commons (mission photos); a news article's own
picture adds its origin to that page's policy alone.
"""

from __future__ import annotations

from typing import Any, TypeVar

from csp.constants import HEADER
from csp.utils import build_policy
from django.http import HttpResponseBase

from embassies.lib.urls import csp_source

SELF = "'self'"
NONE = "'none'"
Response = TypeVar("Response", bound=HttpResponseBase)
COMMONS_HOSTS = ("https://commons.wikimedia.org", "https://upload.wikimedia.org")


def origin(url: str) -> str:
    """'https://tile.openstreetmap.org' from a URL or tile template; '' unless its host is clean.

    A tile template's "{s}" subdomain becomes a wildcard ("https://*.tile.example.org"). Only a
    validated ASCII host and port are written: anything else in a URL from outside (";", a
    quote, a space, a non-ASCII name) could add a directive or break the header."""
    wildcard = "://{s}." in url
    found = csp_source(url.replace("://{s}.", "://", 1))
    return found.replace("://", "://*.", 1) if wildcard and found else found


def policy(tile_url: str) -> dict[str, Any]:
    """The CONTENT_SECURITY_POLICY setting of django-csp 4 (its DIRECTIVES dict)."""
    images = [SELF, "data:", *COMMONS_HOSTS]
    if origin(tile_url):
        images.insert(2, origin(tile_url))
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "img-src": images,
            "script-src": [SELF],
            "style-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


def allow_image(response: Response, url: str) -> Response:
    """Let this one response show an image from `url`'s origin.

    The whole header is written here, not left to the middleware, so that a page cache that
    keeps the view's headers replays the same policy."""
    found = origin(url)
    if found:
        response[HEADER] = build_policy(update={"img-src": [found]})
    return response
