from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "embassies.news"
    verbose_name = "News"

    def ready(self) -> None:
        # Read the news settings at start-up, so a bad value fails loudly and the
        # configuration reference test sees every variable.
        from embassies.news import announce, conf  # noqa: F401

        announce.connect()  # saved and deleted rows announce their countries (lib/changes.py)
