"""WSGI entry point for Granian (`embassies serve`) and other servers: Django, behind the front door that answers
fresh finished pages (embassies/web/frontdoor.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassies.settings")
django_application = get_wsgi_application()

from embassies.web.frontdoor import FrontDoor  # noqa: E402  (needs the settings loaded)

application = FrontDoor(django_application)
