"""/alerts/ and its Atom feed."""

from django.urls import path

from embassies.alerts import feeds, views

app_name = "alerts"
urlpatterns = [
    path("", views.index, name="index"),
    path("feed/", feeds.AlertChanges(), name="feed"),
]
