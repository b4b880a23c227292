"""A hostile CSV cannot exhaust the importer: files over EMBASSIES_IMPORT_MAX_BYTES are refused
before they are read (and, gzip, as they decompress), and over EMBASSIES_IMPORT_MAX_ROWS as the
rows stream by, quickly, in one line, in bounded memory and with the database unchanged."""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from embassies.lib.csvfile import open_text
from tests.helpers import migrate
from tests.ops.conftest import clean_env
from tests.security.test_malformed_csv_imports import FORMATS, nothing_stored

pytestmark = pytest.mark.django_db

WIKIDATA_HEADER = FORMATS["wikidata-csv"][0]


def refusal(source: str, path: Path) -> str:
    """The one-line message `embassies import SOURCE PATH` refuses the file with."""
    with pytest.raises(CommandError) as error:
        call_command("import", source, str(path))
    assert nothing_stored()
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.fixture(scope="module")
def million(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A million short Wikidata rows (about 50 MB): each parses, none is a real mission."""
    path = tmp_path_factory.mktemp("million") / "million.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write(WIKIDATA_HEADER + "\n")
        for number in range(1, 1_000_001):
            out.write(f"X;Q1;;;Y;Q2;C{number};;;1;2;;;;;;;;;;;e;;;Q{number};\n")
    return path


def test_a_million_row_file_is_refused_quickly(million: Path) -> None:
    assert 40_000_000 < million.stat().st_size < 64 * 2**20  # under the byte cap: rows stop it
    started = time.monotonic()
    message = refusal("wikidata-csv", million)
    assert time.monotonic() - started < 10
    assert message == (
        f"{million} has more than 100000 rows (EMBASSIES_IMPORT_MAX_ROWS); raise the limit to "
        "import it"
    )


# Runs the command in a fresh Python and reports its peak memory: VmHWM belongs to the
# process's own memory, which exec starts anew (getrusage's maxrss would also count the test
# process it was forked from).
MEASURED = """
import sys
from embassies.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
    print(peak[0].split()[1], file=sys.stdout)
    raise
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_refusing_a_million_rows_keeps_memory_bounded(million: Path, tmp_path: Path) -> None:
    """The real command: the file is checked whole before a row is kept, so the refusal costs
    a few tens of MB above the process's own (it took 2.8 GB and two minutes before the cap)."""
    env = clean_env(tmp_path)
    migrate(env)  # import refuses a database with migrations pending
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, "import", "wikidata-csv", str(million)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"CommandError: {million} has more than 100000 rows (EMBASSIES_IMPORT_MAX_ROWS); "
        "raise the limit to import it"
    ]
    assert int(done.stdout) < 200 * 1024  # kB: about 120 MB measured, Django included


def _file(source: str, rows: int, tmp_path: Path) -> Path:
    header, row = FORMATS[source]
    path = tmp_path / f"{source}-{rows}.csv"
    path.write_text("\n".join([header, *[row] * rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("source", FORMATS)
def test_the_row_cap_follows_the_setting(tmp_path: Path, source: str, settings: Any) -> None:
    settings.IMPORT_MAX_ROWS = 3
    path = _file(source, 4, tmp_path)
    assert refusal(source, path) == (
        f"{path} has more than 3 rows (EMBASSIES_IMPORT_MAX_ROWS); raise the limit to import it"
    )
    # Exactly at the cap the file gets past it (to the checks of its content).
    with open_text(_file(source, 3, tmp_path)) as text:
        assert len(text.read().splitlines()) == 4


@pytest.mark.parametrize("source", FORMATS)
def test_a_file_over_the_byte_cap_is_refused_before_it_is_read(tmp_path: Path, source: str) -> None:
    """10 GiB (sparse: no disk used): reading any of it would take minutes."""
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.truncate(10 * 2**30)
    started = time.monotonic()
    message = refusal(source, path)
    assert time.monotonic() - started < 2
    assert message.startswith(f"{path} is larger than ")


@pytest.mark.parametrize("source", ["wikidata-csv", "representation-csv", "emergency-csv"])
def test_the_byte_cap_follows_the_setting(tmp_path: Path, source: str, settings: Any) -> None:
    path = _file(source, 40, tmp_path)
    settings.IMPORT_MAX_BYTES = path.stat().st_size - 1
    assert refusal(source, path) == (
        f"{path} is larger than {path.stat().st_size - 1} bytes (EMBASSIES_IMPORT_MAX_BYTES); "
        "raise the limit to import it"
    )


def test_a_gzip_bomb_is_refused_as_it_decompresses(tmp_path: Path, settings: Any) -> None:
    header, row = FORMATS["wikidata-csv"]
    path = tmp_path / "bomb.csv.gz"
    path.write_bytes(gzip.compress(("\n".join([header, *[row] * 5000]) + "\n").encode()))
    settings.IMPORT_MAX_BYTES = 100_000
    assert path.stat().st_size < 100_000
    assert refusal("wikidata-csv", path) == (
        f"{path} is larger than 100000 bytes uncompressed (EMBASSIES_IMPORT_MAX_BYTES); "
        "raise the limit to import it"
    )


def test_the_status_file_keeps_its_own_smaller_limit(tmp_path: Path) -> None:
    path = _file("mission-status-csv", 50_000, tmp_path)
    assert path.stat().st_size > 4 * 2**20
    message = refusal("mission-status-csv", path)
    assert message == f"{path} is larger than {4 * 2**20} bytes, the most this format allows"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("lots", "'lots' is not an integer."),
        ("0", "0 is below the minimum 1."),
        ("-5", "-5 is below the minimum 1."),
        ("1e6", "'1e6' is not an integer."),
    ],
)
def test_a_bad_setting_is_one_line(tmp_path: Path, value: str, reason: str) -> None:
    path = _file("emergency-csv", 2, tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "embassies.cli", "import", "emergency-csv", str(path)],
        env=clean_env(tmp_path, EMBASSIES_IMPORT_MAX_ROWS=value),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr == f"ImproperlyConfigured: EMBASSIES_IMPORT_MAX_ROWS={reason}\n"


def test_a_bad_byte_far_into_the_file_is_named_by_its_offset(tmp_path: Path) -> None:
    """The text is decoded as it streams, in chunks; the offset is still the file's."""
    header, row = FORMATS["emergency-csv"]
    good = ("\n".join([header, *[row] * 3000]) + "\n").encode()
    path = tmp_path / "latin.csv"
    path.write_bytes(good + "Côte,x,1,https://example.org\n".encode("latin-1"))
    message = refusal("emergency-csv", path)
    assert message == (
        f"{path}: not UTF-8 (byte 0xf4 at offset {len(good) + 1}); save the file as UTF-8"
    )
