"""Page URLs: readable slugs, one canonical address per page."""

from django.urls import path

from embassies.web import search_views, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("find/", search_views.find, name="find"),
    path("countries/<slug:slug>/", views.country, name="country"),
    path("countries/<slug:slug>/abroad/", views.country_abroad, name="country_abroad"),
    path("missions/<int:pk>/", views.mission, name="mission_by_id"),
    path("missions/<int:pk>-<slug:slug>/", views.mission, name="mission"),
]
