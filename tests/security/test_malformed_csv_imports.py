"""Every CSV importer refuses, in one line and before writing, a file with only its header, an
unterminated quote (which would otherwise swallow every row after it) and an oversized field."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from embassies.assistance.models import Arrangement, EmergencyLine
from embassies.directory.importing.status_csv import COLUMNS as STATUS_COLUMNS
from embassies.directory.models import ImportRun, Mission, StatusFact
from tests.conftest import snapshot_lines

pytestmark = pytest.mark.django_db

WIKIDATA_HEADER, WIKIDATA_ROW, *_ = snapshot_lines()
# source -> (header line, one valid data row), in each file's own format.
FORMATS = {
    "wikidata-csv": (WIKIDATA_HEADER, WIKIDATA_ROW),
    "mission-status-csv": (
        ",".join(STATUS_COLUMNS),
        "UA,RU,Moscow,embassy,Q4374079,closed,2022-02-24,,,https://example.org/ua-ru,Ties cut,",
    ),
    "representation-csv": (
        "represented_country_iso2,host_country_iso2,representing_country_iso2,kind,scope,"
        "source_url",
        "GB,IR,SE,protecting_power,consular,https://example.org/gb-ir",
    ),
    "emergency-csv": (
        "country_iso2,name,phone,source_url",
        "CA,Global Affairs Canada,+1 613 996 8885,https://example.org/ca",
    ),
}


def nothing_stored() -> bool:
    models = (Mission, ImportRun, StatusFact, Arrangement, EmergencyLine)
    return not any(model.objects.exists() for model in models)


def refused(tmp_path: Path, source: str, text: str) -> str:
    """The one-line message `embassies import SOURCE` refuses the file with."""
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import", source, str(path))
    assert nothing_stored()
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("source", FORMATS)
def test_a_header_only_file_is_refused(tmp_path: Path, source: str) -> None:
    header, _ = FORMATS[source]
    assert "no data rows" in refused(tmp_path, source, header + "\n\n")


@pytest.mark.parametrize("source", FORMATS)
def test_an_unterminated_quote_is_refused_in_one_line(tmp_path: Path, source: str) -> None:
    header, row = FORMATS[source]
    broken = row.replace("https://example.org", '"https://example.org', 1)
    if broken == row:  # the Wikidata row: open a quote in its first field
        broken = '"' + row
    text = "\n".join([header, row, broken, row]) + "\n"
    assert "unterminated quote" in refused(tmp_path, source, text)


@pytest.mark.parametrize("source", FORMATS)
def test_a_field_over_the_csv_limit_is_refused_in_one_line(tmp_path: Path, source: str) -> None:
    header, row = FORMATS[source]
    huge = "x" * (csv.field_size_limit() + 1)
    message = refused(tmp_path, source, "\n".join([header, row, huge + row]) + "\n")
    assert "line 3" in message and "field larger than field limit" in message
