"""Crisis load: the app under wrk, beside nginx serving the same page as a static file, and
nginx caching in front of the app (proxy_cache, honouring the app's Cache-Control).

PostgreSQL with Redis, the real snapshot, `embassies serve --workers N` on loopback; wrk at 64
connections rotates the mission, country (both directions), search and finder pages. The app
runs as configured by default (generation numbers trusted for EMBASSIES_PAGE_RECHECK_MS), then
once more asking Redis on every hit. The proxy is docs/deploy.md's nginx configuration.
Prints figures and asserts nothing. Targets: app >= 1/15 of static nginx, nginx in front of
the app >= 1/2 of static, p99 < 100 ms, 0 errors.
`python -m bench.load [--seconds 60] [--workers 4] [--connections 64]`, or `make bench-load`.
The search and finder rate limits are lifted for the run: wrk is one client sending everything.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench.http import free_port, wait_for
from bench.run import EMBASSIES, SNAPSHOT, page_urls, timed
from embassies.bundled import dataset
from tests.deploy_doc import local_nginx

POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
DATABASE = "embassies_bench_load"
REDIS_URL = "redis://127.0.0.1:6379/14"
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class Run:
    rate: float
    p50_ms: float
    p99_ms: float
    bad_status: int  # answers other than 2xx and 3xx
    socket_errors: int  # connect, read, write errors and timeouts (no answer within 2 s)
    requests: int

    def line(self) -> str:
        errors = self.bad_status + self.socket_errors
        return (
            f"{self.rate:,.0f} req/s, p50 {self.p50_ms:.1f} ms, p99 {self.p99_ms:.1f} ms "
            f"(target < 100 ms), errors {errors} (target 0: {self.bad_status} non-2xx/3xx, "
            f"{self.socket_errors} socket) of {self.requests:,}"
        )


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()  # type: ignore[union-attr]
    return float(number) * UNITS[unit]


def parse_wrk(out: str) -> Run:
    def find(pattern: str, default: str = "0") -> str:
        found = re.search(pattern, out)
        return found.group(1) if found else default

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return Run(
        rate=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_ms(find(r"\s50%\s+([\d.]+\w+)", "0ms")),
        p99_ms=_ms(find(r"\s99%\s+([\d.]+\w+)", "0ms")),
        bad_status=int(find(r"Non-2xx or 3xx responses: (\d+)")),
        socket_errors=sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        requests=int(find(r"(\d+) requests in")),
    )


def wrk(base: str, paths: list[str], seconds: int, connections: int, folder: Path) -> Run:
    """wrk rotating `paths` on every connection."""
    script = folder / "rotate.lua"
    listed = ", ".join('"' + p.replace('"', '\\"') + '"' for p in paths)
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    )
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(out)


def fresh_database(database: str = DATABASE, redis_url: str = REDIS_URL) -> str:
    import psycopg
    import redis

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {database}")
    redis.Redis.from_url(redis_url).flushdb()
    return f"postgres://postgres@127.0.0.1:5432/{database}"


@contextmanager
def loaded_site(
    prefix: str, database: str = DATABASE, redis_url: str = REDIS_URL
) -> Iterator[tuple[dict[str, str], Path]]:
    """The environment of a site on a fresh PostgreSQL database holding the shipped data, with
    Redis, rate limits lifted (wrk is one client sending everything), and a scratch folder."""
    for tool in ("wrk", "nginx"):
        if shutil.which(tool) is None:
            sys.exit(
                f"{tool} is not installed (Debian package {tool}; `make bench-load` installs it)"
            )
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "EMBASSIES_DATA_DIR": str(folder / "data"),
        "DATABASE_URL": fresh_database(database, redis_url),
        "REDIS_URL": redis_url,
        "EMBASSIES_SEARCH_RATE": "100000000/m",
        "EMBASSIES_API_RATE": "100000000/m",
        "LOG_LEVEL": "WARNING",
    }
    try:
        print("postgresql with redis:")
        timed(["migrate", "--verbosity", "0"], env)  # the operator's first step
        seconds = timed(["import", "wikidata-csv", str(SNAPSHOT)], env)
        timed(["import", "representation-csv", str(dataset("representation").path)], env)
        timed(["import", "emergency-csv", str(dataset("emergency").path)], env)
        print(f"  (imported {SNAPSHOT.name} in {seconds:.1f} s)")
        yield env, folder
    finally:
        time.sleep(0.5)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def process(args: list[str], env: dict[str, str] | None = None) -> Iterator[None]:
    started = subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        yield
    finally:
        started.terminate()
        try:
            started.wait(timeout=30)
        except subprocess.TimeoutExpired:
            started.kill()
            started.wait()


NGINX = """daemon off;
worker_processes 2;
{user}
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  default_type text/html;
  keepalive_requests 100000;
  {http}
}}
"""

STATIC = "server {{ listen 127.0.0.1:{port}; root {dir}/static; }}"


def documented_proxy(folder: Path, port: int, app_port: int) -> str:
    """docs/deploy.md's nginx configuration as written, but for loopback: its upstream is the
    app under test, it listens on plain HTTP (TLS would not compare with the static ceiling),
    its cache lives in `folder`, and, like the static ceiling, it writes no access log."""
    return local_nginx(folder, app_port, port, access_log=False)


@contextmanager
def nginx(folder: Path, http: str, port: int, ready: str = "/") -> Iterator[str]:
    user = "user root;" if os.geteuid() == 0 else ""
    conf = folder / f"nginx-{port}.conf"
    conf.write_text(NGINX.format(user=user, dir=folder, http=http))
    with process(["nginx", "-p", str(folder), "-c", str(conf)]):
        base = f"http://127.0.0.1:{port}"
        wait_for(base + ready, seconds=20)
        yield base


def paths_of(base: str) -> dict[str, str]:
    pages = {name: urlsplit(url).path for name, url in page_urls(base).items()}
    return {
        "mission": next(path for name, path in pages.items() if name.startswith("mission")),
        "country": next(path for name, path in pages.items() if name.startswith("country")),
        "country abroad": "/countries/canada/abroad/",
        "search": "/search/?q=canadian+embassy+moscow",
        "finder": "/find/?citizen=CA&in=RU",
    }


def headers_line(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path) as response:
        response.read()
        return (
            f"{response.status}, Cache-Control: {response.headers.get('Cache-Control')}, "
            f"cookies: {'yes' if response.headers.get('Set-Cookie') else 'none'}"
        )


def measure(args: argparse.Namespace, env: dict[str, str], folder: Path) -> None:
    port = free_port()
    serve = [EMBASSIES, "serve", "--port", str(port), "--workers", str(args.workers)]
    with process(serve, env):
        app = f"http://127.0.0.1:{port}"
        wait_for(app + "/")
        paths = list(paths_of(app).values())
        for path in paths:
            print(f"  {path}: {headers_line(app, path)}")
        wrk(app, paths, 3, args.connections, folder)  # warm-up: every page once rendered
        own = wrk(app, paths, args.seconds, args.connections, folder)
        print(f"  app, {args.workers} server processes, 5 pages in turn: {own.line()}")

        static_dir = folder / "static"
        static_dir.mkdir()
        with urllib.request.urlopen(app + paths[0]) as response:
            (static_dir / "mission.html").write_bytes(response.read())
        static_port = free_port()
        with nginx(
            folder, STATIC.format(dir=folder, port=static_port), static_port, "/mission.html"
        ) as base:
            plain = wrk(base, ["/mission.html"], args.seconds, args.connections, folder)
        print(f"  nginx, the mission page as a static file: {plain.line()}")
        print(f"  app / static, 5 pages: 1/{plain.rate / max(own.rate, 1):.1f}")
        # The target speaks of a cached mission page: measure that page alone, like for like.
        own_alike = wrk(app, paths[:1], args.seconds, args.connections, folder)
        print(f"  app, the mission page alone: {own_alike.line()}")
        print(
            f"  app / static, same page: 1/{plain.rate / max(own_alike.rate, 1):.1f} "
            "(target >= 1/15)"
        )

        proxy_port = free_port()
        with nginx(folder, documented_proxy(folder, proxy_port, port), proxy_port) as base:
            wrk(base, paths, 3, args.connections, folder)
            cached = wrk(base, paths, args.seconds, args.connections, folder)
            alike = wrk(base, paths[:1], args.seconds, args.connections, folder)
        print(
            f"  nginx as docs/deploy.md sets it up, in front of the app, same 5 pages: "
            f"{cached.line()}"
        )
        print(
            f"  proxy / static: 1/{plain.rate / max(cached.rate, 1):.2f} (target >= 1/2; the "
            "5 pages weigh more than the mission page alone)"
        )
        print(f"  nginx proxy_cache, the mission page alone: {alike.line()}")
        print(
            f"  proxy / static, same page: 1/{plain.rate / max(alike.rate, 1):.2f} (target >= 1/2)"
        )


def recheck_every_hit(args: argparse.Namespace, env: dict[str, str], folder: Path) -> None:
    """The mission page alone again, asking Redis for its generation numbers on every hit."""
    port = free_port()
    serve = [EMBASSIES, "serve", "--port", str(port), "--workers", str(args.workers)]
    with process(serve, env | {"EMBASSIES_PAGE_RECHECK_MS": "0"}):
        app = f"http://127.0.0.1:{port}"
        wait_for(app + "/")
        mission = paths_of(app)["mission"]
        wrk(app, [mission], 3, args.connections, folder)
        run = wrk(app, [mission], args.seconds, args.connections, folder)
    print(f"  app, the mission page alone, Redis asked on every hit: {run.line()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="Length of each wrk run.")
    parser.add_argument("--workers", type=int, default=4, help="Server worker processes.")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections.")
    args = parser.parse_args()
    with loaded_site("embassies-bench-load-") as (env, folder):
        measure(args, env, folder)
        recheck_every_hit(args, env, folder)


if __name__ == "__main__":
    main()
