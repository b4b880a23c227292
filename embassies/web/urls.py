from django.urls import path

from embassies.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("missions/<int:pk>-<slug:slug>/", views.mission, name="mission"),
]
