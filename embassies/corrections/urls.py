"""Public URLs of corrections: the form beside each mission page, and its thank-you page."""

from django.urls import path

from embassies.corrections import views

app_name = "corrections"
urlpatterns = [
    path("missions/<int:pk>/correct/", views.suggest, name="suggest"),
    path("missions/<int:pk>/correct/thanks/", views.thanks, name="thanks"),
]
