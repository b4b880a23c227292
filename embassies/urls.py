"""Top-level URLs: pages, the versioned JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from embassies.api.urls import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("embassies.web.urls")),
]
