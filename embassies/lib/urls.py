"""Which URLs may be stored, linked to or allowed in a policy, and how the site writes its own.

Every URL from outside (feeds, pages, advisories, imports, API bodies) is hostile: only an
http(s) URL with a clean host, no credentials, and no whitespace or control character (which
browsers drop or read differently from us) is kept; anything else becomes "". The site's own
addresses never start with "//", which a browser reads as another host.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import SplitResult, urlsplit

from django.http import HttpRequest
from django.utils.encoding import escape_uri_path

_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_SCHEMES = ("http", "https")


def _clean_chars(text: str) -> bool:
    """No whitespace, no control, format or unassigned character, no backslash."""
    return "\\" not in text and not any(
        c.isspace() or unicodedata.category(c).startswith("C") for c in text
    )


def ascii_host(host: str) -> str:
    """The host IDNA-encoded, when it is made only of letters, digits, hyphens and dots; else ""."""
    try:
        encoded = host.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        return ""
    return encoded if _HOST.fullmatch(encoded) and ".." not in encoded else ""


def _parts(value: object) -> SplitResult | None:
    """The URL's parts when it is a web URL we accept, else None."""
    text = str(value or "").strip()
    if not text or not _clean_chars(text):
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES or "@" in parts.netloc or not parts.hostname:
        return None
    return parts if ascii_host(parts.hostname) else None


def web_url(value: object) -> str:
    """`value` as an http(s) URL safe to store and to put in href or src; "" otherwise."""
    return str(value).strip() if _parts(value) is not None else ""


def csp_source(url: str) -> str:
    """'https://cdn.example:8443' for a policy's source list, from a web URL; "" otherwise."""
    parts = _parts(url)
    if parts is None or parts.hostname is None:
        return ""
    port = f":{parts.port}" if parts.port is not None else ""
    return f"{parts.scheme.lower()}://{ascii_host(parts.hostname)}{port}"


def site_path(path: str) -> str:
    """A decoded request path, percent-encoded, with one leading slash: a browser cannot read
    it as another host's address ("//evil.example", "/\\evil.example")."""
    return "/" + escape_uri_path(path).lstrip("/")


def absolute(request: HttpRequest, path: str) -> str:
    """This site's scheme and host, then `path` (already encoded, as reverse() gives it)."""
    return request.build_absolute_uri("/" + path.lstrip("/"))
