"""Production is configured by environment variables alone, and refuses to start half-configured."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.ops.conftest import PRODUCTION_ENV, clean_env, run


def test_deploy_check_passes_with_no_warning_in_production(tmp_path: Path) -> None:
    done = run(["check", "--deploy"], clean_env(tmp_path, **PRODUCTION_ENV))
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNING" not in done.stdout + done.stderr


def test_production_without_a_secret_key_refuses_to_start(tmp_path: Path) -> None:
    env = clean_env(tmp_path, **PRODUCTION_ENV)
    del env["SECRET_KEY"]
    done = run(["check"], env)
    assert done.returncode != 0
    assert "SECRET_KEY is not set. With EMBASSIES_PRODUCTION=true" in done.stderr
    assert not (tmp_path / "secret_key").exists(), "production never invents a key"


def test_production_without_allowed_hosts_refuses_to_start(tmp_path: Path) -> None:
    env = clean_env(tmp_path, **PRODUCTION_ENV)
    del env["ALLOWED_HOSTS"]
    done = run(["check"], env)
    assert done.returncode != 0
    assert "ALLOWED_HOSTS is not set" in done.stderr


def test_production_refuses_debug(tmp_path: Path) -> None:
    done = run(["check"], clean_env(tmp_path, **PRODUCTION_ENV, DEBUG="true"))
    assert done.returncode != 0
    assert "DEBUG must be off" in done.stderr


def test_with_no_variable_set_a_private_key_is_made_once_in_the_data_folder(
    tmp_path: Path,
) -> None:
    env = clean_env(tmp_path)
    assert run(["check"], env).returncode == 0
    key_file = tmp_path / "secret_key"
    first = key_file.read_text()
    assert len(first) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert run(["check"], env).returncode == 0
    assert key_file.read_text() == first, "the same key on every start"


def test_make_run_defaults_serve_the_site(start_server) -> None:
    server = start_server()  # no variable at all, as `make run` on a fresh machine
    assert server.get("/").status == 200
    assert server.get("/healthz").status == 200
