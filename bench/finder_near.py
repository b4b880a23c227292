"""The finder's answer near a place typed by name ("Saint Petersburg", "Санкт-Петербург",
"Bali"), unloaded: one question at a time, in one process, on SQLite with the shipped data.

Prints the first answer (the host's name indexes are built then, once per process), then p50
and p95 of answers once warm, for the domain function alone (page, API and CLI call it) and for
the whole finder page; asserts nothing. Target: p95 < 30 ms.
`python -m bench.finder_near [--rounds N]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlencode

if TYPE_CHECKING:
    from django.test import Client

# A citizen, the country they are in, and where, as people type it in the site's languages.
QUESTIONS = [
    ("CA", "RU", "Saint Petersburg"),
    ("CA", "RU", "Санкт-Петербург"),
    ("AU", "RU", "Yekaterinburg"),
    ("AU", "RU", "Екатеринбург"),
    ("FR", "RU", "Ekaterinbourg"),
    ("FR", "ID", "Bali"),
    ("DE", "ID", "Ubud"),
    ("ES", "MA", "Marrakech"),
    ("EG", "TR", "إسطنبول"),
    ("BR", "US", "Alexandria"),  # several places: the choice, no answer yet
]
CITIZENS = [
    "AR",
    "BD",
    "CL",
    "CN",
    "GB",
    "IN",
    "IR",
    "JP",
    "KE",
    "MX",
    "NG",
    "NZ",
    "PK",
    "PL",
    "SE",
]
TARGET_MS = 30.0


def timed_ms(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples), cuts[94]


def report(name: str, samples: list[float]) -> None:
    p50, p95 = percentiles(samples)
    print(
        f"  {name}, {len(samples)} answers: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < {TARGET_MS:.0f} ms)"
    )


def measure(rounds: int) -> None:
    from django.test import Client

    from embassies.assistance.points import answer

    first = timed_ms(lambda: answer(*QUESTIONS[0]))
    print(f"  first answer in this process (builds the host's name indexes): {first:.0f} ms")
    for question in QUESTIONS:
        answer(*question)  # each host's index once, as a running site has
    each = {q: [timed_ms(partial(answer, *q)) for _ in range(rounds)] for q in QUESTIONS}
    report("domain answer", [ms for samples in each.values() for ms in samples])
    slowest = max(each, key=lambda q: statistics.median(each[q]))
    print(f"    slowest: {slowest}, p50 {statistics.median(each[slowest]):.1f} ms")
    # Each place asked once for each of many citizenships: answers no earlier question warmed.
    fresh = [(c, h, n) for c in CITIZENS for _, h, n in QUESTIONS if c != h]
    report("domain answer, each question new", [timed_ms(partial(answer, *q)) for q in fresh])
    client = Client()
    report("finder page", page_samples(client, rounds, QUESTIONS))
    # The same pages with the point instead of the name: what the name itself costs.
    points = [(c, h, _point(c, h, n)) for c, h, n in QUESTIONS]
    report("finder page, the same places as LAT,LON", page_samples(client, rounds, points))


def _point(citizen: str, host: str, near: str) -> str:
    from embassies.assistance.points import answer

    located = answer(citizen, host, near)[0]
    place = located.place or located.choices[0]
    return place.near


def page_samples(client: Client, rounds: int, questions: list[tuple[str, str, str]]) -> list[float]:
    samples = []
    for round_ in range(rounds):
        for citizen, host, near in questions:
            # A question not asked before: the page cache has no copy of its page ("round" is
            # a parameter the page ignores, and its cache key holds).
            query = {"citizen": citizen, "in": host, "near": near, "round": round_}
            url = "/find/?" + urlencode(query)
            samples.append(timed_ms(partial(client.get, url)))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="times each question is asked")
    rounds = parser.parse_args().rounds
    data = tempfile.mkdtemp(prefix="embassies-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ |= {
        "EMBASSIES_DATA_DIR": data,
        "DJANGO_SETTINGS_MODULE": "embassies.settings",
        "EMBASSIES_SEARCH_RATE": "1000000/m",  # one client asks every question here
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "WARNING",
    }
    try:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("import", "shipped", verbosity=0)
        print("sqlite, shipped data:")
        measure(rounds)
    finally:
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
