"""docs/deploy.md's reference deployment, run as written on this machine: the environment file
(sourced by the documented wrapper, read as systemd reads it), `check --deploy`, `migrate`, the
systemd unit's ExecStart, the compose healthcheck, and Debian's nginx with the documented block
in front (TLS with a self-signed certificate). Only what cannot work here is replaced: host
names, ports, paths and secrets (tests/deploy_doc.py says exactly what)."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests import deploy_doc
from tests.faults.servers import stop_session
from tests.helpers import free_port
from tests.ops.conftest import EMBASSIES

HOST = "embassies.example.org"
# Debian puts nginx in /usr/sbin, which is not on a normal user's PATH.
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
MISSING = [
    tool for tool, path in (("nginx", NGINX), ("openssl", shutil.which("openssl"))) if not path
]
needs_nginx = pytest.mark.skipif(
    bool(MISSING), reason=f"needs Debian's {' and '.join(MISSING)} (`make test` installs nginx)"
)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def request(port: int, path: str, tls: ssl.SSLContext | None = None, **headers: str) -> Answer:
    """One GET to 127.0.0.1:`port` as a browser asking for HOST would send it: that Host header
    and, over TLS, that server name (SNI), the certificate checked against `tls`'s CA."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    if tls is not None:
        sock = tls.wrap_socket(sock, server_hostname=HOST)
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.sock = sock
    try:
        connection.request("GET", path, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def wait_for(port: int, path: str, tls: ssl.SSLContext | None = None, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            request(port, path, tls)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def running(
    args: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Iterator[subprocess.Popen]:
    """A process (and its children, in its own session) until the block ends."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )
    try:
        yield process
    finally:
        stop_session(process)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    """A database of the served site's own: on the suite's PostgreSQL server when the suite runs
    on PostgreSQL, else a SQLite file (never the test database the suite's transactions use)."""
    suite = os.environ.get("DATABASE_URL", "")
    if not suite.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    import psycopg

    name = f"embassies_deploy_doc_{os.getpid()}"
    parts = urlsplit(suite)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def local_environment_file(data: Path, database: str) -> str:
    """Section 1's file, line for line (comments and quoting kept), with the values that cannot
    work here replaced. No replica here: its line goes (section 6 has a test of its own)."""
    local = {
        "SECRET_KEY": secrets.token_urlsafe(48),  # 64 characters, like the comment's command
        "DATABASE_URL": database,
        "DATABASE_REPLICA_URL": None,
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        "EMBASSIES_DATA_DIR": str(data),
    }
    lines = []
    for line in deploy_doc.environment_file().splitlines():
        key = line.partition("=")[0]
        if line.startswith("#") or key not in local:
            lines.append(line)
        elif local[key] is not None:
            lines.append(f"{key}={local[key]}")
    return "\n".join(lines) + "\n"


def local_wrapper(env_file: Path) -> str:
    """Section 1's /opt/embassies/bin/run, pointing at this checkout and this environment file."""
    text = deploy_doc.run_wrapper().replace("/etc/embassies/env", str(env_file))
    return text.replace("/opt/embassies/.venv/bin/embassies", str(EMBASSIES))


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=DNS:{HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def unit_settings(unit: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in unit.splitlines() if re.match(r"^[A-Za-z]+=", line))


@needs_nginx
def test_the_documented_deployment_serves_through_nginx_with_tls(
    tmp_path: Path, database: str
) -> None:
    data, proxy = tmp_path / "data", tmp_path / "nginx"
    data.mkdir()
    proxy.mkdir()
    env_file = tmp_path / "env"
    env_file.write_text(local_environment_file(data, database))
    env_file.chmod(0o600)
    wrapper = tmp_path / "run"
    wrapper.write_text(local_wrapper(env_file))
    wrapper.chmod(0o755)
    shell = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}

    # The wrapper sources the file with sh; systemd's EnvironmentFile= reads it its own way:
    # both must see the same values, or commands run by hand and the service differ.
    dump = "import json, os; print(json.dumps(dict(os.environ)))"
    sourced = subprocess.run(
        [
            "sh",
            "-c",
            f'set -a; . "$1"; set +a; exec "{sys.executable}" -c "$2"',
            "sh",
            str(env_file),
            dump,
        ],
        env=shell,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert sourced.returncode == 0, sourced.stderr
    documented = deploy_doc.environment_values(env_file.read_text())
    assert set(deploy_doc.environment_values(deploy_doc.environment_file())) - set(documented) == {
        "DATABASE_REPLICA_URL",
        *(() if os.environ.get("REDIS_URL") else ("REDIS_URL",)),
    }
    assert {k: json.loads(sourced.stdout)[k] for k in documented} == documented

    check = subprocess.run(
        [str(wrapper), "check", "--deploy"], env=shell, capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stderr
    assert "System check identified no issues" in check.stdout
    migrate = subprocess.run(
        [str(wrapper), "migrate"], env=shell, capture_output=True, text=True, timeout=180
    )
    assert migrate.returncode == 0, migrate.stderr

    # The unit as systemd would run it: its ExecStart, its environment file, its folder.
    unit = deploy_doc.service_unit()
    settings = unit_settings(unit)
    assert settings["EnvironmentFile"] == "/etc/embassies/env"  # section 1's file
    data_dir = deploy_doc.environment_values(deploy_doc.environment_file())["EMBASSIES_DATA_DIR"]
    assert settings["WorkingDirectory"] == settings["ReadWritePaths"] == data_dir
    exec_start = shlex.split(settings["ExecStart"])
    assert exec_start[:2] == ["/opt/embassies/.venv/bin/embassies", "serve"]
    app_port = free_port()
    exec_start = [str(EMBASSIES), *exec_start[1:]]
    exec_start[exec_start.index("--host") + 1] = "127.0.0.1"
    exec_start[exec_start.index("--port") + 1] = str(app_port)
    service_env = shell | documented
    with running(exec_start, tmp_path / "serve.log", env=service_env, cwd=data):
        wait_for(app_port, "/healthz", seconds=90)
        _the_compose_healthcheck_passes(app_port, shell)
        _nginx_in_front(proxy, app_port, documented)


def _the_compose_healthcheck_passes(app_port: int, shell: dict[str, str]) -> None:
    """The compose file's healthcheck command, as written but for the port, against the app."""
    import yaml

    test = yaml.safe_load(deploy_doc.compose_file())["x-web"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    code = test[3].replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    assert code != test[3], "the healthcheck asks the app on its documented port"
    outcome = subprocess.run(
        [sys.executable, "-c", code], env=shell, capture_output=True, text=True, timeout=30
    )
    assert outcome.returncode == 0, outcome.stderr[-2000:]


def _nginx_in_front(folder: Path, app_port: int, documented: dict[str, str]) -> None:
    cert, key = self_signed(folder)
    tls = ssl.create_default_context(cafile=str(cert))  # verified: SNI and name must match
    http_port, https_port = free_port(), free_port()
    block = deploy_doc.local_nginx(
        folder, app_port, https_port, http_port=http_port, certificate=(cert, key)
    )
    conf = folder / "nginx.conf"
    conf.write_text(deploy_doc.nginx_main(folder, block, root=os.geteuid() == 0))
    tested = subprocess.run(
        [str(NGINX), "-t", "-p", str(folder), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert tested.returncode == 0, tested.stderr
    with running([str(NGINX), "-p", str(folder), "-c", str(conf)], folder / "nginx.out"):
        wait_for(https_port, "/healthz", tls)

        plain = request(http_port, "/countries/?x=1")
        assert plain.status == 301
        assert plain.headers["Location"] == f"https://{HOST}/countries/?x=1"

        first, again = request(https_port, "/", tls), request(https_port, "/", tls)
        assert first.status == again.status == 200, first.body[:500]
        assert (first.headers["X-Cache-Status"], again.headers["X-Cache-Status"]) == (
            "MISS",
            "HIT",
        ), first.headers
        assert first.body == again.body
        for answer in (first, again):
            assert answer.headers["Strict-Transport-Security"].startswith("max-age=31536000")
            assert "default-src" in answer.headers["Content-Security-Policy"]
            assert answer.headers["X-Content-Type-Options"] == "nosniff"

        # A caller's request id comes back as sent, on a fresh answer and on a cached one; one
        # without gets nginx's own (32 hex digits), different each time.
        for path in ("/readyz", "/"):
            mine = f"report-{secrets.token_hex(6)}"
            assert (
                request(https_port, path, tls, **{"X-Request-ID": mine}).headers["X-Request-ID"]
                == mine
            ), path
            made = {request(https_port, path, tls).headers["X-Request-ID"] for _ in range(2)}
            assert len(made) == 2 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in made), made
        log = (folder / "embassies.log").read_text()
        assert f"id={mine}" in log and " HIT id=" in log

        # /metrics answers a scraper on the app's port that sends what section 2 says (plain
        # HTTP alone is redirected), but nginx refuses it from outside 10.0.0.0/8.
        token = {"Authorization": f"Bearer {documented['EMBASSIES_METRICS_TOKEN']}"}
        assert request(app_port, "/metrics", **token).status == 301
        scraped = request(app_port, "/metrics", **token, **{"X-Forwarded-Proto": "https"})
        assert scraped.status == 200 and b"# TYPE" in scraped.body
        refused = request(https_port, "/metrics", tls, **token)
        assert refused.status == 403 and refused.headers["Server"].startswith("nginx")

        # The env file's admin path has a location of its own in the block.
        admin_path = "/" + documented["EMBASSIES_ADMIN_PATH"]
        assert f"location {admin_path} {{" in block
        admin = request(https_port, f"{admin_path}login/", tls)
        assert admin.status == 200 and b'name="password"' in admin.body
        assert "X-Cache-Status" not in admin.headers  # its own location: never cached
        assert request(https_port, "/admin/", tls).status == 404

        ready = request(https_port, "/readyz", tls)
        assert ready.status == 200, ready.body


def test_the_documented_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    """systemd-analyze checks the unit's syntax and that its ExecStart exists; only the paths
    are this machine's (the embassies user is not checked by verify)."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("needs systemd-analyze (Debian's systemd)")
    env_file = tmp_path / "env"
    env_file.write_text(deploy_doc.environment_file())
    unit = deploy_doc.service_unit().replace("/etc/embassies/env", str(env_file))
    unit = unit.replace("/opt/embassies/.venv/bin/embassies", str(EMBASSIES))
    unit = unit.replace("/var/lib/embassies", str(tmp_path))
    path = tmp_path / "embassies.service"
    path.write_text(unit)
    verified = subprocess.run(
        ["systemd-analyze", "verify", str(path)], capture_output=True, text=True, timeout=60
    )
    assert verified.returncode == 0 and not verified.stderr.strip(), verified.stderr
    # A broken unit is refused: the check above can fail.
    path.write_text(unit.replace("TimeoutStopSec=30", "TimeoutStopSec=thirty"))
    broken = subprocess.run(
        ["systemd-analyze", "verify", str(path)], capture_output=True, text=True, timeout=60
    )
    assert "Failed to parse" in broken.stderr


def test_the_service_user_reads_the_environment_file_through_the_wrapper() -> None:
    """Section 1 runs the wrapper as the service user (`sudo -u embassies .../run`): the mode
    and group the page gives the file must let that user read it, and nobody else. Here the
    service user is `nobody`, its group `nogroup`."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("changing a file's owner and running as another user need root and runuser")
    page = deploy_doc.DEPLOY_DOC.read_text("utf-8")
    found = re.search(r"`/etc/embassies/env` \(mode (0[0-7]{3}), owned by root, group", page)
    assert found, "section 1 gives the file's mode, owner and group"
    folder = Path(tempfile.mkdtemp(prefix="embassies-env-"))  # outside pytest's root-only tmp
    try:
        folder.chmod(0o755)
        env_file = folder / "env"
        env_file.write_text(deploy_doc.environment_file())
        shutil.chown(env_file, "root", "nogroup")
        load = 'set -a; . "$1"; set +a; echo "$EMBASSIES_USER_AGENT"'

        def read_as(user: str, mode: int) -> subprocess.CompletedProcess:
            env_file.chmod(mode)
            as_user = ["runuser", "-u", user, "--", "sh", "-c", load, "sh", str(env_file)]
            return subprocess.run(as_user, capture_output=True, text=True, timeout=30)

        documented = int(found.group(1), 8)
        assert read_as("nobody", documented).stdout.strip() == (
            "Embassies/0.1 (embassies.example.org; ops@example.org)"
        )
        assert documented & 0o007 == 0, "other users cannot read the secrets"
        assert read_as("nobody", 0o600).returncode != 0  # owner-only: the wrapper fails
    finally:
        shutil.rmtree(folder, ignore_errors=True)
