"""Cost of one cached-page hit inside the application, by the way it is answered.

The real snapshot in a fresh SQLite data folder (Redis when REDIS_URL is set: its database
is emptied), then the mission page called through the WSGI application the HTTP
server calls, in this process, with no network in between:
- the front door (web/frontdoor.py): a repeat of a request the chain already answered;
- the finished copy in the middleware chain (web/fastpath.py): the same request with an
  unrelated cookie, which the front door leaves to Django;
- the page cache behind the whole chain (web/cache.py): an Origin header, which the finished
  copies leave to the chain.
With Redis, the front door once more asking Redis for the generation numbers on every hit.
Prints microseconds per hit (median of 5 rounds) and asserts nothing.
`python -m bench.frontdoor [--hits N]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any
from wsgiref.util import setup_testing_defaults

from bench.run import SNAPSHOT, timed

ROUNDS = 5


def _per_hit_us(call: Callable[[], Any], hits: int) -> float:
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(hits):
            call()
        rounds.append((time.perf_counter() - started) / hits * 1e6)
    return statistics.median(rounds)


def measure(hits: int) -> None:
    import django

    django.setup()
    from django.conf import settings

    from embassies.directory.models import Mission
    from embassies.wsgi import application

    path = Mission.objects.get(wikidata="Q106450319").get_absolute_url()

    def hit(**headers: str) -> Callable[[], Any]:
        def call() -> Any:
            environ: dict[str, Any] = {"PATH_INFO": path, **headers}
            setup_testing_defaults(environ)
            body = b"".join(application(environ, lambda status, headers: None))
            assert body, "an empty answer"

        return call

    kinds = {
        "front door": hit(),
        "finished copy in the middleware chain": hit(HTTP_COOKIE="theme=dark"),
        "page cache behind the whole chain": hit(HTTP_ORIGIN="https://news.example"),
    }
    for call in kinds.values():
        call(), call()  # rendered, kept, noted for the front door
    print(f"mission page {path}, {'Redis' if settings.REDIS_URL else 'per-process memory'}:")
    for name, call in kinds.items():
        print(f"  {name}: {_per_hit_us(call, hits):.1f} µs per hit")
    if settings.REDIS_URL:
        settings.PAGE_RECHECK_MS = 0
        print(
            f"  front door, Redis asked every hit: {_per_hit_us(kinds['front door'], hits):.1f} µs"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hits", type=int, default=2000, help="Hits per round.")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="embassies-bench-frontdoor-")
    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    os.environ |= {"EMBASSIES_DATA_DIR": folder, "LOG_LEVEL": "WARNING",
                   "DJANGO_SETTINGS_MODULE": "embassies.settings"}  # fmt: skip
    try:
        timed(["collectstatic", "--noinput"], dict(os.environ))  # pages name hashed files
        timed(["import", "wikidata-csv", str(SNAPSHOT)], dict(os.environ))
        measure(args.hits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
