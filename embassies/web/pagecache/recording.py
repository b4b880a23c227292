"""What a view tells the page cache while it renders: that its answer may be shared, which
countries it shows, when it goes out of date, and the rate limit that counted the request.

Views call these; the middleware (middleware.py) reads them when the answer comes back.
Outside a page-cache request (a test calling a view, the CLI) they do nothing.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar

from django.db.models import Min, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from embassies.alerts.models import Alert
from embassies.lib.rates import Rate

View = TypeVar("View", bound=Callable[..., HttpResponse])


@dataclass
class Recording:
    shareable: bool = False  # the view's answer is the same for every anonymous visitor
    countries: set[str] = field(default_factory=set)
    until: float | None = None  # a moment it goes out of date by itself (epoch seconds)
    rate: tuple[str, Rate] | None = None  # (scope, rate) that counted this request

    def expires(self, stamp: float) -> None:
        if self.until is None or stamp < self.until:
            self.until = stamp


_current: contextvars.ContextVar[Recording | None] = contextvars.ContextVar(
    "page_recording", default=None
)


@contextmanager
def recording() -> Iterator[Recording]:
    """Record what the views called within this block tell the page cache."""
    kept = Recording()
    token = _current.set(kept)
    try:
        yield kept
    finally:
        _current.reset(token)


def cached_page(view: View) -> View:
    """This view's 200 answers to anonymous GETs may be kept and shared (see __init__.py)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kept = _current.get()
        if kept is not None:
            kept.shareable = True
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def depends_on(*codes: str) -> None:
    """The page being rendered shows these countries (EVERYTHING: any data at all)."""
    kept = _current.get()
    if kept is not None:  # names from a URL may hold anything: keep them printable
        kept.countries.update(c.upper() for c in codes if c and c.isprintable())


def valid_until(moment: datetime | float) -> None:
    """The page being rendered goes out of date at this moment (an alert starts, the clock)."""
    kept = _current.get()
    if kept is not None:
        kept.expires(moment.timestamp() if isinstance(moment, datetime) else moment)


def rate_limited(scope: str, rate: Rate) -> None:
    """This request was counted against `scope`: a copy served without the view counts too."""
    kept = _current.get()
    if kept is not None:
        kept.rate = (scope, rate)


def add_alert_boundaries(kept: Recording) -> None:
    """A banner starts or ends at a set time, with no save to announce it: expire then."""
    codes = {c for c in kept.countries if len(c) == 2 and c.isascii() and c.isalpha()}
    if not codes:
        return
    now = timezone.now()
    found = Alert.objects.filter(country_id__in=codes).aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    for moment in found.values():
        if moment is not None:
            kept.expires(moment.timestamp())
