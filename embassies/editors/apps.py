from django.apps import AppConfig


class EditorsConfig(AppConfig):
    name = "embassies.editors"
    verbose_name = "Editors' tools"

    def ready(self) -> None:
        from django.contrib import admin
        from django.utils.translation import gettext_lazy

        # The site's name in the admin's header and tab, not Django's "Django administration".
        admin.site.site_header = gettext_lazy("Embassies administration")
        admin.site.site_title = gettext_lazy("Embassies administration")
        admin.site.index_title = gettext_lazy("Directory, news and alerts")
        # The admin's front page links to the editors' pages; a site that already chose its own
        # index template keeps it.
        if admin.site.index_template is None:
            admin.site.index_template = "editors/admin_index.html"
