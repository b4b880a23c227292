from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "embassies.countries"
    verbose_name = "Countries"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from embassies.countries.sync import sync_after_migrate

        post_migrate.connect(sync_after_migrate, sender=self)

        from embassies.countries import announce

        announce.connect()  # a saved or deleted country announces a change (lib/changes.py)
