"""Top-level URLs: pages, the versioned JSON API and the admin."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from embassies.api.urls import api

urlpatterns: list[URLPattern | URLResolver] = [
    path(settings.ADMIN_PATH, admin.site.urls),  # EMBASSIES_ADMIN_PATH, default admin/
    path("", include("embassies.ops.urls")),  # /healthz, /readyz, /metrics
    path("editors/", include("embassies.editors.urls")),
    path("api/v1/", api.urls),
    path("", include("embassies.web.root_urls")),  # robots.txt, sitemaps, service worker
]

# Pages, in every language: English at the URLs it always had, others under /fr/, /es/, ...
# Only pages belong here; the API, admin, static files and other machine routes stay above.
urlpatterns += i18n_patterns(
    path("alerts/", include("embassies.alerts.urls")),
    path("news/", include("embassies.web.news_urls")),
    path("", include("embassies.corrections.urls")),  # /missions/<id>/correct/
    path("", include("embassies.web.urls")),
    prefix_default_language=False,
)

# A URL under /api/ that matches no route still answers in the API's error shape.
handler404 = "embassies.web.errors.not_found"
handler500 = "embassies.web.errors.server_error"
