from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "embassies.api"
    verbose_name = "API"
