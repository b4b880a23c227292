"""Typed readers for environment variables that fail loudly on a bad value.

Every setting the project reads is declared through these helpers, so the
configuration reference in the README can be checked against the code.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from embassies.lib.rates import Rate, parse_rate

# name -> one-line description; filled as settings are read, used by docs tests.
DECLARED: dict[str, str] = {}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str, doc: str) -> str:
    DECLARED[name] = doc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool, doc: str) -> bool:
    DECLARED[name] = doc
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false).")


def env_int(name: str, default: int, doc: str, minimum: int = 0) -> int:
    DECLARED[name] = doc
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is below the minimum {minimum}.")
    return value


def env_list(name: str, default: list[str], doc: str) -> list[str]:
    DECLARED[name] = doc
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_rate(name: str, default: str, doc: str) -> Rate:
    """A rate such as 600/m, 20/s or 5/10s, parsed here once for every consumer."""
    DECLARED[name] = doc
    raw = os.environ.get(name)
    try:
        return parse_rate(default if raw is None or raw.strip() == "" else raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}.") from None
