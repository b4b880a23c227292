"""Rates such as "600/m": parsed once, when the settings load, into one typed value.

Pure (no Django settings): settings.py reads every EMBASSIES_*_RATE through env.env_rate, so a
typo stops the start with a line naming the variable instead of failing on a visitor's request.
"""

from __future__ import annotations

from dataclasses import dataclass

_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


@dataclass(frozen=True)
class Rate:
    """`count` requests allowed per window of `seconds`."""

    count: int
    seconds: int

    def __str__(self) -> str:
        return f"{self.count}/{self.seconds}s"


def parse_rate(rate: str) -> Rate:
    """ "600/m" -> Rate(600, 60); "5/10s" -> Rate(5, 10); a malformed rate raises ValueError."""
    count, _, per = rate.strip().partition("/")
    digits = per.rstrip("abcdefghijklmnopqrstuvwxyz")
    unit = per[len(digits) :] or "s"
    if not per or not count.isdigit() or unit not in _PERIODS or (digits and not digits.isdigit()):
        raise ValueError(f"{rate!r} is not a rate such as 600/m, 20/s or 5/10s")
    return Rate(int(count), int(digits or 1) * _PERIODS[unit])
