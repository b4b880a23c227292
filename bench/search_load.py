"""Search and finder under load: the API on 30 distinct queries each, beside nginx serving one
of those answers as a static file.

PostgreSQL with Redis (like bench/load.py, in a database and Redis db of its own so that it
can run beside it), the real shipped snapshot with the finder's arrangements and emergency
lines, `embassies serve --workers 2`; wrk at 32 connections rotates 30 distinct natural search
queries on /api/v1/search?q=..., then 30 distinct finder questions on /api/v1/find (some with
near=LAT,LON). Every query is distinct, so what is measured is the work of answering, not a
cache of answers. Each API run is followed at once by its static run, so that both meet the
same load from whatever else the machine runs; last, the floor: the search API with an empty
query (middleware, rate limit, server). Prints req/s, p50/p99 and app/static for each, and
asserts nothing.
Target: each API >= 1/50 of static nginx for the same answer.
`python -m bench.search_load [--seconds 20] [--workers 2] [--connections 32]`.
The search and API rate limits are lifted for the run: wrk is one client sending everything.
"""

from __future__ import annotations

import argparse
import json
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from bench.http import free_port, wait_for
from bench.load import STATIC, Run, loaded_site, nginx, process, wrk
from bench.run import EMBASSIES

POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
DATABASE = "embassies_bench_search"  # not bench.load's: both may run at once
REDIS_URL = "redis://127.0.0.1:6379/13"
TARGET = 50  # the API at least 1/TARGET of static nginx

# Natural queries: country names, cities, sentences, typos, other languages and scripts.
SEARCHES = (
    "france",
    "germany",
    "japan embassy",
    "canadian embassy moscow",
    "embassy of france in kenya",
    "us embassy in london",
    "nairobi",
    "consulate general of india in dubai",
    "embassy of japan in brasil",
    "посольство россии в германии",
    "consulat général de france à édimbourg",
    "deutsche botschaft paris",
    "embajada de mexico en madrid",
    "ambasciata italiana a tokyo",
    "germny embassy",
    "embasy of australia in jakrta",
    "australian high commission ottawa",
    "british embassy washington",
    "chinese embassy in canberra",
    "swiss embassy tehran",
    "brazilian consulate new york",
    "embassy of south africa in berlin",
    "turkish embassy",
    "السفارة الفرنسية في القاهرة",
    "apostolic nunciature manila",
    "taipei economic and cultural office",
    "honorary consul of norway in lisbon",
    "kyiv",
    "consulate saint petersburg",
    "moskow",
)
# Citizen, where, and a point for some: own missions, accredited ones, protecting powers,
# Nordic and EU rules, honorary consuls, and nearest-first ordering.
FINDS = (
    ("CA", "RU", None),
    ("AU", "RU", "43.1155,131.8855"),
    ("US", "IR", None),
    ("FR", "KE", None),
    ("DE", "BR", "-23.55,-46.63"),
    ("IT", "TH", None),
    ("IS", "KE", None),
    ("MT", "BO", None),
    ("IN", "AE", "25.20,55.27"),
    ("CN", "US", "40.71,-74.00"),
    ("GB", "US", None),
    ("JP", "FR", "48.8566,2.3522"),
    ("BR", "PT", None),
    ("MX", "ES", None),
    ("NG", "GB", "51.50,-0.12"),
    ("PH", "SA", None),
    ("KR", "DE", None),
    ("ZA", "NL", None),
    ("EE", "PE", None),
    ("LU", "NP", None),
    ("NZ", "IE", None),
    ("AR", "IT", "41.90,12.49"),
    ("UA", "PL", "52.23,21.01"),
    ("TR", "DE", "48.14,11.58"),
    ("PK", "CN", None),
    ("EG", "IT", None),
    ("SE", "MN", None),
    ("ES", "MA", "33.57,-7.59"),
    ("VN", "CZ", None),
    ("CH", "IN", "19.07,72.88"),
)


def search_paths() -> list[str]:
    return ["/api/v1/search?" + urlencode({"q": q}) for q in SEARCHES]


def find_paths() -> list[str]:
    paths = []
    for citizen, host, near in FINDS:
        params = {"citizen": citizen, "in": host} | ({"near": near} if near else {})
        paths.append("/api/v1/find?" + urlencode(params))
    return paths


def answers(app: str, paths: list[str]) -> list[bytes]:
    """Each path's answer; a failed one stops the run (it would not measure the same work)."""
    found = []
    for path in paths:
        with urllib.request.urlopen(app + path, timeout=30) as response:
            found.append(response.read())
    return found


def describe(name: str, paths: list[str], bodies: list[bytes]) -> None:
    counts = [
        len(next(iter(json.loads(b).values())))
        if name == "search"
        else len(json.loads(b)["answers"])
        for b in bodies
    ]
    empty = sum(1 for n in counts if n == 0)
    sizes = sorted(len(b) for b in bodies)
    print(
        f"  {name}: {len(paths)} distinct queries, {empty} with no result, answers "
        f"{sizes[0]:,}..{sizes[-1]:,} bytes (median {sizes[len(sizes) // 2]:,})"
    )


def median_answer(bodies: list[bytes]) -> bytes:
    """The answer of median size: the static file stands for a typical one."""
    return sorted(bodies, key=len)[len(bodies) // 2]


def static_rate(folder: Path, name: str, body: bytes, args: argparse.Namespace) -> Run:
    static_dir = folder / "static"
    static_dir.mkdir(exist_ok=True)
    (static_dir / name).write_bytes(body)
    port = free_port()
    with nginx(folder, STATIC.format(dir=folder, port=port), port, f"/{name}") as base:
        wrk(base, [f"/{name}"], 2, args.connections, folder)
        return wrk(base, [f"/{name}"], args.seconds, args.connections, folder)


def measure(args: argparse.Namespace, env: dict[str, str], folder: Path) -> None:
    port = free_port()
    serve = [EMBASSIES, "serve", "--port", str(port), "--workers", str(args.workers)]
    with process(serve, env):
        app = f"http://127.0.0.1:{port}"
        wait_for(app + "/api/v1/search?q=france", seconds=600)  # slow on a busy machine
        for name, paths in (("search", search_paths()), ("finder", find_paths())):
            bodies = answers(app, paths)
            describe(name, paths, bodies)
            wrk(app, paths, 3, args.connections, folder)  # warm-up: every query answered
            own = wrk(app, paths, args.seconds, args.connections, folder)
            # Right after, so that both meet the same load from whatever else the machine runs.
            body = median_answer(bodies)
            plain = static_rate(folder, f"{name}.json", body, args)
            print(f"  {name} API, {args.workers} workers, 30 distinct queries: {own.line()}")
            print(f"  nginx, one {name} answer ({len(body):,} bytes) as a static file: "
                  f"{plain.line()}")  # fmt: skip
            ratio = plain.rate / max(own.rate, 1)
            print(f"  {name} API / static: 1/{ratio:.0f} (target >= 1/{TARGET})")
        # The floor: the same API with nothing to search, i.e. the middleware, the rate limit
        # and the server alone, against the last static figure.
        floor = wrk(app, ["/api/v1/search?q="], args.seconds, args.connections, folder)
        print(f"  floor, the search API with an empty query: {floor.line()}")
        print(f"  floor / static: 1/{plain.rate / max(floor.rate, 1):.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="Length of each wrk run.")
    parser.add_argument("--workers", type=int, default=2, help="Server worker processes.")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections.")
    args = parser.parse_args()
    with loaded_site("embassies-bench-search-", DATABASE, REDIS_URL) as (env, folder):
        measure(args, env, folder)


if __name__ == "__main__":
    main()
