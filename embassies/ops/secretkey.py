"""The secret key: from the environment in production, else one generated once per data folder."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

MISSING_IN_PRODUCTION = (
    "SECRET_KEY is not set. With EMBASSIES_PRODUCTION=true the secret key must come from the "
    "environment: set SECRET_KEY to a long random value, e.g. the output of "
    "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
)

MIN_LENGTH = 50  # Django's own deploy check asks for as much
MIN_DISTINCT = 5
# Values copied from examples and tutorials, which anyone can try to sign cookies with:
# compared ignoring case, and the docs' placeholder among them.
WELL_KNOWN = {
    "changeme",
    "change-me",
    "change_me",
    "secret",
    "secret-key",
    "secret_key",
    "secretkey",
    "your-secret-key",
    "your_secret_key",
    "mysecretkey",
    "django",
    "password",
    "development",
    "dev",
    "test",
    "replace-with-64-random-characters",  # docs/deploy.md's environment file
}
# Keys `django-admin startproject` writes into settings.py, public in countless repositories.
WELL_KNOWN_PREFIXES = ("django-insecure-",)


def secret_key(from_env: str, production: bool, data_dir: Path) -> str:
    if from_env:
        if production:
            refuse_weak(from_env)
        return from_env
    if production:
        raise ImproperlyConfigured(MISSING_IN_PRODUCTION)
    return _generated_once(data_dir / "secret_key")


def weakness(key: str) -> str | None:
    """Why `key` cannot sign a production site's sessions, or None when it can."""
    if key.strip().lower() in WELL_KNOWN or key.lower().startswith(WELL_KNOWN_PREFIXES):
        return "it is a well-known example value"
    if len(key) < MIN_LENGTH:
        return f"it is {len(key)} characters long, fewer than {MIN_LENGTH}"
    if len(set(key)) < MIN_DISTINCT:
        return f"it has fewer than {MIN_DISTINCT} different characters"
    # "changeme" forty times is long enough, and no less known.
    if re.fullmatch(r"(.{1,16}?)\1+", key):
        return "it is a short value repeated"
    return None


def refuse_weak(key: str) -> None:
    reason = weakness(key)
    if reason:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too weak for production: {reason}. Set it to a long random value, "
            "e.g. the output of `python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
        )


def _generated_once(path: Path) -> str:
    """A self-hosted single machine keeps sessions valid across restarts with no set-up."""
    if path.is_file():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    # Readable by the owner only, from the moment it exists.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(64))
    try:
        # link() fails if another process won the race; then its key is the one.
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_text(encoding="ascii").strip()
