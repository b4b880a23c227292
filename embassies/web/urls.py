"""Page URLs: readable slugs, one canonical address per page."""

from django.urls import path

from embassies.web import contact_views, history_views, search_views, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("find/", search_views.find, name="find"),
    path("find/card/", contact_views.emergency_card, name="emergency_card"),
    path("countries/<slug:slug>/", views.country, name="country"),
    path("countries/<slug:slug>/abroad/", views.country_abroad, name="country_abroad"),
    path("missions/<int:pk>/", views.mission, name="mission_by_id"),
    path("missions/<int:pk>-<slug:slug>/", views.mission, name="mission"),
    path(
        "missions/<int:pk>-<slug:slug>/history/",
        history_views.mission_history_page,
        name="mission_history",
    ),
    path("missions/<int:pk>/vcard", contact_views.mission_vcard, name="mission_vcard"),
]
