"""Cost of the operations layer per request: a rate-limit check, a metrics update.

Prints figures and asserts nothing. `python -m bench.ops`; Redis figures when REDIS_URL is set
(or Redis answers at redis://127.0.0.1:6379/15).
"""

from __future__ import annotations

import os
import socket
import time

import django

N = 5000


def per_call_us(fn: object, n: int = N) -> float:
    started = time.perf_counter()
    for _ in range(n):
        fn()  # type: ignore[operator]
    return (time.perf_counter() - started) / n * 1e6


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassies.settings")
    django.setup()
    from django.test import RequestFactory, override_settings

    from embassies.lib.ratelimit import check_rate
    from embassies.ops.metrics import observe_request

    request = RequestFactory().get("/search/", REMOTE_ADDR="198.18.0.1")
    print(
        f"metrics update (multiprocess files): {per_call_us(lambda: observe_request('web:search', 'GET', 200, 0.01)):.1f} µs"
    )
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=locmem):
        print(
            f"rate-limit check, memory cache: {per_call_us(lambda: check_rate(request, 'bench', '1000000/h')):.1f} µs"
        )
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        print("rate-limit check, Redis: not measured (no Redis)")
        return
    redis = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    with override_settings(CACHES=redis):
        print(
            f"rate-limit check, Redis on loopback: {per_call_us(lambda: check_rate(request, 'bench', '1000000/h')):.1f} µs"
        )


if __name__ == "__main__":
    main()
