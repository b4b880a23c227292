"""Machine files served from the site root: robots.txt, the service worker, the favicon."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

SERVICE_WORKER = Path(__file__).resolve().parent / "static" / "web" / "sw.js"
FAVICON = SERVICE_WORKER.with_name("favicon.svg")
FAVICON_SECONDS = 24 * 60 * 60


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache
def _service_worker() -> bytes:
    return SERVICE_WORKER.read_bytes()


@require_safe
@cache_control(no_cache=True, max_age=0)
def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker is served from the root, not /static/, so that its scope is the whole site;
    never cached by the browser, so a new version takes over on the next visit."""
    response = HttpResponse(_service_worker(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@cache
def _favicon() -> bytes:
    return FAVICON.read_bytes()


@require_safe
@cache_control(public=True, max_age=FAVICON_SECONDS)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers and feed readers ask for whatever the page's <link> says:
    the site's SVG icon (every current browser draws it), not a 404 in every log. Kept by
    browsers for a day; the page cache leaves it alone (it keeps pages only)."""
    return HttpResponse(_favicon(), content_type="image/svg+xml")
