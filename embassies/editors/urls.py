"""Pages for editors (staff), beside the admin."""

from django.urls import path

from embassies.editors import views

app_name = "editors"
urlpatterns = [
    path("quality/", views.quality, name="quality"),
]
