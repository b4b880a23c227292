"""Cost of one page answer inside the application, by the way the page cache answers it.

The real snapshot in a fresh SQLite data folder (Redis when REDIS_URL is set: its database
is emptied), then the mission page called through the WSGI application the HTTP server
calls, in this process, with no network in between:
- a kept copy (web/pagecache): a repeat of a request already answered;
- a kept copy for a request with an unrelated cookie (it varies on nothing the page reads);
- the page rendered each time: a request with a session cookie, which is never shared.
With Redis, the kept copy once more asking Redis for the generation numbers on every hit.
Prints microseconds per answer (median of 5 rounds) and asserts nothing.
`python -m bench.pagecache [--hits N]`.
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
        "kept copy": (hit(), hits),
        "kept copy, unrelated cookie": (hit(HTTP_COOKIE="theme=dark"), hits),
        "rendered (session cookie)": (hit(HTTP_COOKIE="sessionid=none"), max(1, hits // 50)),
    }
    for call, _ in kinds.values():
        call(), call()  # rendered and kept
    print(f"mission page {path}, {'Redis' if settings.REDIS_URL else 'per-process memory'}:")
    measured = {name: _per_hit_us(call, n) for name, (call, n) in kinds.items()}
    for name, micros in measured.items():
        print(f"  {name}: {micros:.1f} µs per answer")
    rendered = measured["rendered (session cookie)"]
    print(f"  a kept copy costs 1/{rendered / measured['kept copy']:.0f} of a render")
    if settings.REDIS_URL:
        settings.PAGE_RECHECK_MS = 0
        every = _per_hit_us(kinds["kept copy"][0], hits)
        print(f"  kept copy, Redis asked every hit: {every:.1f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hits", type=int, default=2000, help="Hits per round.")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="embassies-bench-pagecache-")
    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    os.environ |= {
        "EMBASSIES_DATA_DIR": folder,
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "embassies.settings",
    }
    try:
        timed(["migrate", "--verbosity", "0"], dict(os.environ))  # the operator's first step
        timed(["collectstatic", "--noinput"], dict(os.environ))  # pages name hashed files
        timed(["import", "wikidata-csv", str(SNAPSHOT)], dict(os.environ))
        measure(args.hits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
