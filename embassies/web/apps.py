from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "embassies.web"
    verbose_name = "Web pages"

    def ready(self) -> None:
        from embassies.web.pagecache import generations

        generations.listen()
