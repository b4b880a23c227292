from django.apps import AppConfig


class EditorsConfig(AppConfig):
    name = "embassies.editors"
    verbose_name = "Editors' tools"

    def ready(self) -> None:
        from django.contrib import admin

        # The admin's front page links to the editors' pages; a site that already chose its own
        # index template keeps it.
        if admin.site.index_template is None:
            admin.site.index_template = "editors/admin_index.html"
