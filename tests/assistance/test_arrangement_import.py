"""Importing representation arrangements and emergency lines: every row, with its source, idempotent."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from embassies.assistance.models import Arrangement, ArrangementKind, EmergencyLine
from embassies.bundled import dataset

pytestmark = pytest.mark.django_db

REPRESENTATION = dataset("representation").path
EMERGENCY = dataset("emergency").path


def run(source: str, path: Path) -> str:
    out = StringIO()
    call_command("import", source, str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_every_arrangement_is_imported_with_its_source() -> None:
    assert "added 56, updated 0, unchanged 0, rejected 0" in run(
        "representation-csv", REPRESENTATION
    )
    assert Arrangement.objects.count() == 56
    assert not Arrangement.objects.filter(source_url="").exists()
    swiss = Arrangement.objects.get(represented="US", host="IR")
    assert (swiss.representing_id, swiss.kind, swiss.since) == (
        "CH",
        "interests_section",
        "1980-05-21",
    )
    assert swiss.source_url == "https://ir.usembassy.gov/services/"


def test_star_rows_become_rules_with_no_host_or_representing_state() -> None:
    run("representation-csv", REPRESENTATION)
    rules = Arrangement.objects.filter(host__isnull=True, representing__isnull=True)
    assert set(rules.filter(kind=ArrangementKind.NORDIC).values_list("represented", flat=True)) == {
        "DK",
        "FI",
        "IS",
        "NO",
        "SE",
    }
    assert rules.filter(kind=ArrangementKind.EU_RULE).count() == 27
    assert all(rule.is_rule for rule in rules)


def test_a_diplomatic_only_mandate_is_marked_as_no_consular_help() -> None:
    run("representation-csv", REPRESENTATION)
    assert not Arrangement.objects.get(represented="IR", host="CA").covers_consular
    assert Arrangement.objects.get(represented="US", host="KP").covers_consular


def test_reimport_changes_nothing_and_keeps_editors_records() -> None:
    run("representation-csv", REPRESENTATION)
    extra = Arrangement.objects.create(
        represented_id="NZ",
        host_id="KP",
        representing_id="SE",
        kind="protecting_power",
        source_url="https://example.org/editor",
    )
    assert "added 0, updated 0, unchanged 56" in run("representation-csv", REPRESENTATION)
    assert Arrangement.objects.filter(pk=extra.pk).exists()


def test_a_corrected_row_updates_in_place(tmp_path: Path) -> None:
    run("representation-csv", REPRESENTATION)
    lines = REPRESENTATION.read_text(encoding="utf-8").splitlines()
    edited = tmp_path / "representation.csv"
    edited.write_text(
        "\n".join([lines[0], lines[1].replace(",1980-05-21,", ",1980-04-07,")]), encoding="utf-8"
    )
    assert "added 0, updated 1" in run("representation-csv", edited)
    assert Arrangement.objects.get(represented="US", host="IR").since == "1980-04-07"


def test_unknown_codes_and_kinds_are_rejected_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    header = "represented_country_iso2,host_country_iso2,representing_country_iso2,kind,scope,since,source_url,notes"
    bad.write_text(
        f"{header}\nZZ,IR,CH,protecting_power,x,,https://example.org,\n"
        "US,IR,CH,friendship,x,,https://example.org,\nUS,IR,CH,protecting_power,x,,not-a-url,\n",
        encoding="utf-8",
    )
    out = run("representation-csv", bad)
    assert "unknown country code 'ZZ'" in out and "unknown arrangement kind 'friendship'" in out
    assert "source URL" in out and "rejected 3" in out
    assert not Arrangement.objects.exists()


def test_a_file_without_the_columns_is_a_command_error(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        run("representation-csv", wrong)


def test_emergency_lines_are_imported_in_file_order_and_idempotently() -> None:
    assert "added 24, updated 0, unchanged 0, rejected 0" in run("emergency-csv", EMERGENCY)
    assert "added 0, updated 0, unchanged 24" in run("emergency-csv", EMERGENCY)
    us = list(EmergencyLine.objects.filter(country="US").values_list("phone", flat=True))
    assert us == ["+1 202 501 4444", "+1 888 407 4747"]
    assert not EmergencyLine.objects.filter(source_url="").exists()
