"""A local-memory cache in which another process can act at a chosen moment: just before the
n-th call of an operation on a key. It plays, deterministically, the interleavings of several
server processes sharing one cache."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

from django.core.cache.backends.locmem import LocMemCache

Moment = tuple[str, str, int]  # (operation, key, which call of it: 1 for the first)


class InterleavedCache(LocMemCache):
    plan: ClassVar[dict[Moment, Callable[[], None]]] = {}
    calls: ClassVar[Counter[tuple[str, str]]] = Counter()

    @classmethod
    def reset(cls, plan: dict[Moment, Callable[[], None]]) -> None:
        cls.plan = dict(plan)
        cls.calls = Counter()

    def _before(self, operation: str, key: str) -> None:
        self.calls[operation, key] += 1
        action = self.plan.pop((operation, key, self.calls[operation, key]), None)
        if action is not None:
            action()

    def add(self, key: str, *args: Any, **kwargs: Any) -> bool:
        self._before("add", key)
        return super().add(key, *args, **kwargs)

    def has_key(self, key: str, version: int | None = None) -> bool:
        self._before("has_key", key)
        return super().has_key(key, version)
