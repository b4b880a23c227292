"""The secret key: from the environment in production, else one generated once per data folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

MISSING_IN_PRODUCTION = (
    "SECRET_KEY is not set. With EMBASSIES_PRODUCTION=true the secret key must come from the "
    "environment: set SECRET_KEY to a long random value, e.g. the output of "
    "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
)


def secret_key(from_env: str, production: bool, data_dir: Path) -> str:
    if from_env:
        return from_env
    if production:
        raise ImproperlyConfigured(MISSING_IN_PRODUCTION)
    return _generated_once(data_dir / "secret_key")


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
