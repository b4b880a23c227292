"""Top-level URLs: pages, the versioned JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from embassies.api.urls import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("alerts/", include("embassies.alerts.urls")),
    path("news/", include("embassies.news.urls")),
    path("", include("embassies.web.urls")),
]

# A URL under /api/ that matches no route still answers in the API's error shape.
handler404 = "embassies.web.errors.not_found"
handler500 = "embassies.web.errors.server_error"
