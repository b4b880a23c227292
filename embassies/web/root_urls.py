"""Root machine routes (never under a language prefix): robots.txt, sitemaps, service worker,
favicon."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_page

from embassies.web import root_views
from embassies.web.sitemaps import SITEMAPS

SITEMAP_SECONDS = 60 * 60

urlpatterns = [
    path("robots.txt", root_views.robots_txt, name="robots_txt"),
    path("sw.js", root_views.service_worker, name="service_worker"),
    path("favicon.ico", root_views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_SECONDS)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]
