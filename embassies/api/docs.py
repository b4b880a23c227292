"""The readable API docs at /api/v1/docs: django-ninja's Swagger UI in our own page, which
fits a phone's screen and links back to the site (the package's template does neither)."""

from __future__ import annotations

from ninja import Swagger


class SiteSwagger(Swagger):
    template = "api/docs.html"  # ninja renders it with the same context as its own
