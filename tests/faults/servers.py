"""Real processes for fault tests: `embassies serve` on a free port, a private PostgreSQL."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import received_headers
from tests.helpers import free_port, migrate

EMBASSIES = str(Path(sys.executable).with_name("embassies"))
PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass(frozen=True)
class Answer:
    status: int  # 0: no HTTP answer at all (refused, reset, timed out)
    seconds: float
    body: str
    headers: Mapping[str, str] = field(default_factory=dict)


def fetch(url: str, timeout: float = 10) -> Answer:
    start = time.monotonic()
    headers: Mapping[str, str] = {}
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, body, headers = (
                response.status,
                response.read(),
                received_headers(response.headers),
            )
    except urllib.error.HTTPError as error:
        status, body, headers = error.code, error.read(), received_headers(error.headers)
    except OSError as error:
        status, body = 0, str(error).encode()
    seconds = time.monotonic() - start
    return Answer(status, seconds, body.decode("utf-8", "replace"), headers)


def base_env(data: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    return env | {"EMBASSIES_DATA_DIR": str(data), **extra}


@dataclass(frozen=True)
class Served:
    base: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace")


@contextmanager
def served(env: dict[str, str], workers: int = 2, ready_path: str = "/") -> Iterator[Served]:
    """`embassies serve` until the block ends, its output in a file; the database is migrated
    first, as an operator would (serve refuses a database with migrations pending)."""
    migrate(env)
    port = free_port()
    log_path = Path(env["EMBASSIES_DATA_DIR"]) / f"serve-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            # The tests bring their own data: no shipped data loaded behind their back.
            [EMBASSIES, "serve", "--port", str(port), "--workers", str(workers), "--no-load"],
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
    server = Served(f"http://127.0.0.1:{port}", log_path)
    try:
        deadline = time.monotonic() + 240
        while fetch(server.base + ready_path, timeout=5).status == 0:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"serve did not start: {server.log()[-3000:]}")
            time.sleep(0.3)
        yield server
    finally:
        stop_session(process)


def stop_session(process: subprocess.Popen[bytes]) -> None:
    """Stops a process started in its own session, with its children: TERM, then KILL."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class PrivatePostgres:
    """A PostgreSQL server of the test's own, in a temporary folder, on a free port: stopping
    it disturbs no other test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        # initdb refuses to run as root: the server runs as the postgres user then.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_owner, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        if self.as_owner:
            shutil.chown(self.folder, "postgres")
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def clone(self, primary: PrivatePostgres) -> None:
        """A streaming replica of `primary`: its base backup, and with -R the standby.signal and
        primary_conninfo that make it follow the primary's WAL (initdb's pg_hba already trusts
        replication connections from 127.0.0.1; wal_level=replica and hot_standby are defaults)."""
        if self.as_owner:
            shutil.chown(self.folder, "postgres")
        self._run(
            str(PG_BIN / "pg_basebackup"),
            "-D",
            str(self.data),
            "-R",
            "-X",
            "stream",
            "-h",
            "127.0.0.1",
            "-p",
            str(primary.port),
            "-U",
            "postgres",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def query(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        """Rows of one statement, on a connection of its own (autocommit)."""
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as db:
            cursor = db.execute(sql, params)  # type: ignore[arg-type]  # tests' literal SQL
            return cursor.fetchall() if cursor.description else []


def wait_for_replay(
    primary: PrivatePostgres, replica: PrivatePostgres, seconds: float = 30
) -> None:
    """Until the replica has replayed everything the primary had written when this was called."""
    (lsn,) = primary.query("SELECT pg_current_wal_lsn()::text")[0]
    deadline = time.monotonic() + seconds
    check = "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn"
    while not replica.query(check, lsn)[0][0]:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the replica did not replay up to {lsn} in {seconds} s")
        time.sleep(0.1)


@contextmanager
def private_postgres(replica_of: PrivatePostgres | None = None) -> Iterator[PrivatePostgres]:
    """A new server; with `replica_of`, a streaming replica (hot standby) of that one."""
    folder = Path(tempfile.mkdtemp(prefix="embassies-pg-"))
    server = PrivatePostgres(folder)
    try:
        if replica_of:
            server.clone(replica_of)
        else:
            server.init()
        server.start()
        yield server
    finally:
        subprocess.run(
            [
                *server.as_owner,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(server.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)
