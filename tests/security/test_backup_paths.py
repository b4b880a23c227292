"""`embassies backup` and `embassies restore` given a path they cannot use: one line saying
why, a non-zero exit, no traceback, and no file or change left behind."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.ops.conftest import clean_env, run

pytestmark = pytest.mark.django_db(transaction=True)


def refusal(command: str, path: Path | str) -> str:
    with pytest.raises(CommandError) as error:
        call_command(command, str(path), stdout=io.StringIO())
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_backup_into_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "nonexistent" / "x"
    assert refusal("backup", path) == (
        f"{path}: the folder {path.parent} does not exist; nothing was written."
    )
    assert not path.parent.exists()


def test_backup_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    path = tmp_path / "file" / "x"
    assert refusal("backup", path) == f"{path}: {path.parent} is not a folder; nothing was written."


def test_backup_onto_a_folder(tmp_path: Path) -> None:
    assert refusal("backup", tmp_path) == f"{tmp_path} is a folder; give the backup file's name."


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_backup_into_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    assert "is not writable; nothing was written." in refusal("backup", folder / "x")
    assert not list(folder.iterdir())


def test_backup_where_no_file_can_be_made() -> None:
    """/proc takes no new files, whoever asks (root too): the write itself fails."""
    message = refusal("backup", "/proc/embassies.backup")
    # SQLite: "... could not be written (...)"; PostgreSQL: pg_dump's own reason, naming the file.
    assert "could not be written" in message or message.startswith("pg_dump failed")
    assert "embassies.backup" in message
    assert not Path("/proc/.embassies.backup.partial").exists()


def test_restore_from_a_missing_file(tmp_path: Path) -> None:
    assert refusal("restore", tmp_path / "x") == f"{tmp_path / 'x'}: no such file."


def test_restore_from_a_folder(tmp_path: Path) -> None:
    assert refusal("restore", tmp_path) == (
        f"{tmp_path} is a folder, not a backup file; nothing was changed."
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_restore_from_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.backup"
    path.write_bytes(b"SQLite format 3\x00")
    path.chmod(0)
    assert "cannot be read" in refusal("restore", path)


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_the_console_command_prints_one_line_and_fails(tmp_path: Path, command: str) -> None:
    done = run([command, "/nonexistent/x"], clean_env(tmp_path), timeout=60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("CommandError: /nonexistent/x")
