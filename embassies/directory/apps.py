from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "embassies.directory"
    verbose_name = "Directory"
