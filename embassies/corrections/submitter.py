"""Who sent a correction, as far as we keep it: a salted hash of their network address."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from embassies.lib.ratelimit import client_address

_SALT = "embassies.corrections.submitter"


def submitter_hash(request: HttpRequest) -> str:
    """HMAC-SHA256 keyed by SECRET_KEY: equal for one address, useless for finding the IP.

    The address is the one the rate limits count (EMBASSIES_PROXY_COUNT decides which).
    """
    return salted_hmac(_SALT, client_address(request), algorithm="sha256").hexdigest()
