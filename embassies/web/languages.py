"""The interface languages offered on every page: the switcher's links and hreflang alternates."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi

from embassies.lib.urls import absolute, site_path


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    path: str  # this page in that language, with the query string kept
    href: str  # absolute, without the query string: the hreflang alternate
    current: bool


def alternates(request: HttpRequest) -> list[Alternate]:
    """This page in each interface language; a path no route knows stays as it is.

    translate_url() reads "//evil.example/" as a host, so it is given the path made safe."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    here = site_path(request.path)
    found = []
    for code, name in settings.LANGUAGES:
        path = translate_url(here, code)
        found.append(
            Alternate(
                code=code,
                name=name,
                path=f"{path}?{query}" if query else path,
                href=absolute(request, path),
                current=code == current,
            )
        )
    return found


def languages(request: HttpRequest) -> dict[str, object]:
    """Template context: lang, dir, the switcher and the hreflang alternates."""
    found = alternates(request)
    default = next(a for a in found if a.code == settings.LANGUAGE_CODE)
    return {
        "page_lang": get_language(),
        "page_dir": "rtl" if get_language_bidi() else "ltr",
        "alternates": found,
        "x_default_href": default.href,
    }
