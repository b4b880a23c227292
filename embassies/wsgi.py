"""WSGI entry point for Granian (`embassies serve`) and other servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassies.settings")
application = get_wsgi_application()
