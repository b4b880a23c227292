"""A visitor who arrives on the home page from elsewhere gets it in their browser's language.

English pages keep their unprefixed URLs (search engines and links point at them), so only
the bare home page follows Accept-Language, and only on arrival: a click on "English" in the
language switcher comes from this site and stays in English.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers


class EntryLanguage:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = _entry_language(request)
        if language is None:
            return self.get_response(request)
        response = HttpResponseRedirect(f"/{language}/")
        # The answer depends on the browser's header: shared caches must not keep it for all.
        patch_vary_headers(response, ["Accept-Language"])
        response["Cache-Control"] = "private, no-cache"
        return response


def _entry_language(request: HttpRequest) -> str | None:
    """The language to send this request to, or None to answer it as it is."""
    if request.method not in ("GET", "HEAD") or request.path_info != "/":
        return None
    referer = request.headers.get("Referer", "")
    if referer and urlsplit(referer).netloc == request.get_host():
        return None  # moving within the site, e.g. choosing English in the switcher
    language = translation.get_language_from_request(request, check_path=False)
    if language == settings.LANGUAGE_CODE:
        return None
    return language
