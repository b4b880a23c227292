"""A newcomer's first start: clone the repository into an empty folder, run the README's first
command (`make run`) and time it to the first page served (install, migrate, the shipped data
loaded); then the data load alone, and the share of missions with a usable position.

Prints figures and asserts nothing. Targets: first page < 60 s including the install, data load
< 20 s, missions with a position >= 99 %.
`python -m bench.first_start [--repo PATH]` (default: this checkout's HEAD, as committed).

`--smoke` (CI, run inside a fresh clone) instead checks that the site `make run` starts answers
with Canada's embassy in Moscow, and exits non-zero if it does not. Only the standard library is
used: a fresh clone has no virtual environment yet.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from bench.http import free_port

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 900  # a cold pip cache on a slow line
SEARCH = "/search/?q=canadian+embassy+moscow"


def clone(repo: Path, folder: Path) -> Path:
    """The repository's checked-out commit (HEAD, even detached) in folder/embassies."""
    target = folder / "embassies"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(repo), str(target)], check=True)
    subprocess.run(["git", "-C", str(target), "fetch", "--quiet", "origin", "HEAD"], check=True)
    subprocess.run(["git", "-C", str(target), "checkout", "--quiet", "FETCH_HEAD"], check=True)
    return target


@contextmanager
def make_run(checkout: Path, data: Path, log: Path) -> Iterator[str]:
    """`make run` on a free port with its own data folder; stopped (with its workers) at the end."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["EMBASSIES_DATA_DIR"] = str(data)
    with log.open("w") as output:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}"],
            cwd=checkout,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # one group: make, the server and its workers
        )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode())


def first_page(base: str, log: Path, seconds: float = START_SECONDS) -> float:
    """Seconds until the home page answers."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            fetch(base + "/")
            return time.monotonic() - start
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered at {base}/ within {seconds:.0f} s\n{tail(log)}")


def canada_in_moscow(base: str) -> str:
    """The search page, then the first mission it links: each must name Canada and Moscow.
    Returns the mission's path; raises SystemExit saying what is missing."""
    results = fetch(base + SEARCH)
    link = re.search(r'href="(/missions/\d+[^"]*)"', results)
    if not link or "Canada" not in results or "Moscow" not in results:
        raise SystemExit(f"{SEARCH} does not show Canada's embassy in Moscow")
    page = fetch(base + link.group(1))
    if "Canada" not in page or "Moscow" not in page:
        raise SystemExit(f"{link.group(1)} does not name Canada and Moscow")
    return link.group(1)


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def smoke() -> None:
    """CI: the README's first command, in this clone, serves Canada's embassy in Moscow."""
    with tempfile.TemporaryDirectory(prefix="embassies-smoke-") as folder:
        log = Path(folder) / "make-run.log"
        with make_run(Path.cwd(), Path(folder) / "data", log) as base:
            seconds = first_page(base, log)
            try:
                mission = canada_in_moscow(base)
            except SystemExit as failure:
                raise SystemExit(f"{failure}\n{tail(log)}") from None
        print(f"make run answered in {seconds:.0f} s; {SEARCH} -> {mission}: Canada, Moscow")


def position_share(database: Path) -> tuple[int, int]:
    """(missions, missions with both lat and lon)."""
    with closing(sqlite3.connect(database)) as db:
        total, placed = db.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE lat IS NOT NULL AND lon IS NOT NULL)"
            " FROM directory_mission"
        ).fetchone()
    return int(total), int(placed)


def pip_cache() -> str:
    """How warm pip's cache is (a warm cache, or a local wheel folder, makes the install much
    faster than downloading every package)."""
    found = subprocess.run(
        [sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True
    )
    folder = Path(found.stdout.strip() or Path.home() / ".cache" / "pip")
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.is_dir() else 0
    state = f"warm ({size / 2**20:.0f} MiB)" if size > 2**20 else "cold (empty)"
    local = os.environ.get("PIP_FIND_LINKS")
    return state + (f"; wheels also found locally in {local}" if local else "")


def load_alone(checkout: Path, folder: Path) -> float:
    """`embassies import shipped` into a fresh data folder (migrate included)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["EMBASSIES_DATA_DIR"] = str(folder / "load-alone")
    start = time.perf_counter()
    command = [str(checkout / ".venv" / "bin" / "embassies"), "import", "shipped"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def bench(repo: Path) -> None:
    print(f"first start of a fresh clone of {repo} (pip cache: {pip_cache()})")
    with tempfile.TemporaryDirectory(prefix="embassies-first-start-") as name:
        folder = Path(name)
        started = time.monotonic()
        checkout = clone(repo, folder)
        print(f"  git clone: {time.monotonic() - started:.1f} s")
        log, data = folder / "make-run.log", checkout / "data"
        with make_run(checkout, data, log) as base:
            seconds = first_page(base, log)
            canada_in_moscow(base)
        print(f"  make run to the first page served: {seconds:.1f} s (target < 60 s)")
        loaded = re.search(r"^loaded the shipped data.*$", log.read_text(), flags=re.MULTILINE)
        print(f"  {loaded.group(0) if loaded else 'no shipped data loaded (see make-run.log)'}")
        alone = load_alone(checkout, folder)
        print(
            f"  data load alone (import shipped, migrate included): {alone:.1f} s (target < 20 s)"
        )
        total, placed = position_share(data / "embassies.sqlite3")
        share = 100 * placed / total if total else 0.0
        print(
            f"  missions with a position: {placed:,} of {total:,} ({share:.1f} %; target >= 99 %)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="Repository to clone.")
    parser.add_argument("--smoke", action="store_true", help="CI check in the current clone.")
    options = parser.parse_args()
    if options.smoke:
        smoke()
    else:
        bench(options.repo)


if __name__ == "__main__":
    main()
