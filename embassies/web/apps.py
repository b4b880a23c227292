from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "embassies.web"
    verbose_name = "Web pages"
