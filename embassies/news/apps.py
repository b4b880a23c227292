from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "embassies.news"
    verbose_name = "News"

    def ready(self) -> None:
        from embassies.news import announce

        announce.connect()  # saved and deleted rows announce their countries (lib/changes.py)
