"""The real Wikidata snapshot: every row imported or rejected with a reason, defects repaired."""

from __future__ import annotations

import csv

import pytest

from embassies.directory.importing.apply import apply, known_rows
from embassies.directory.importing.prepare import prepare
from embassies.directory.importing.wikidata_csv import read_rows
from embassies.directory.models import ImportRun, Mission, Status
from tests.conftest import SNAPSHOT, open_snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.snapshot]


def snapshot_rows() -> list[dict[str, str]]:
    with open_snapshot() as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_every_row_is_imported_or_rejected_with_a_reason(imported_snapshot: ImportRun) -> None:
    run = imported_snapshot
    assert len(snapshot_rows()) == 9852
    assert run.added + run.rejected == 9852
    assert Mission.objects.count() == run.added
    assert all(r["reason"] for r in run.rejections)
    assert run.added > 9500, run.rejections[:20]


def test_canadian_embassy_recorded_in_a_district_is_in_moscow(imported_snapshot: ImportRun) -> None:
    mission = Mission.objects.get(wikidata="Q4374011")
    assert (mission.sending_id, mission.host_id, mission.kind) == ("CA", "RU", "embassy")
    assert mission.city == "Moscow"
    assert "Khamovniki District" in mission.address
    assert set(mission.accreditations.values_list("code", flat=True)) == {"UZ", "AM"}


@pytest.mark.parametrize(
    ("label", "city"),
    [
        ("Khamovniki District", "Moscow"),
        ("Arbat District", "Moscow"),
        ("Mitte", "Berlin"),
        ("16th arrondissement of Paris", "Paris"),
        ("Maxvorstadt", "Munich"),
    ],
)
def test_districts_resolve_to_their_city(
    imported_snapshot: ImportRun, label: str, city: str
) -> None:
    qids = [r["QID"].rsplit("/", 1)[-1] for r in snapshot_rows() if r["city"] == label]
    assert qids, f"no row recorded in {label}"
    cities = set(Mission.objects.filter(wikidata__in=qids).values_list("city", flat=True))
    assert cities == {city}


def test_australian_missions_labelled_in_australia_are_repaired_or_rejected(
    imported_snapshot: ImportRun,
) -> None:
    rows = [r for r in snapshot_rows() if r["operator"] == r["country"] == "Australia"]
    assert len(rows) == 27
    rejected = {r["qid"]: r["reason"] for r in imported_snapshot.rejections}
    for row in rows:
        qid = row["QID"].rsplit("/", 1)[-1]
        mission = Mission.objects.filter(wikidata=qid).first()
        if mission is None:
            assert "host equals the sending state" in rejected[qid]
        else:
            assert mission.host_id != "AU"
            assert "host equals the sending state" in mission.notes
    ankara = [r for r in rows if r["city"] == "Ankara"]
    assert (
        ankara and Mission.objects.get(wikidata=ankara[0]["QID"].rsplit("/", 1)[-1]).host_id == "TR"
    )


def test_hosts_that_are_not_states_are_rejected_or_kept_for_what_they_are(
    imported_snapshot: ImportRun,
) -> None:
    reasons = [str(r["reason"]) for r in imported_snapshot.rejections]
    assert any("Nordic countries" in reason and "not a state" in reason for reason in reasons)
    assert not Mission.objects.filter(host__code__in=["", "XX"]).exists()
    # An entity a recognised state does not control: kept in that state, marked as what it is.
    tskhinvali = Mission.objects.get(sending="RU", territory="South Ossetia")
    assert (tskhinvali.host_id, tskhinvali.wikidata) == ("GE", "Q110007948")


def test_conflicting_duplicates_are_rejected_both(imported_snapshot: ImportRun) -> None:
    reasons = [r["reason"] for r in imported_snapshot.rejections if r["qid"] == "Q106686567"]
    assert len(reasons) == 2 and all("several senders" in str(r) for r in reasons)
    assert not Mission.objects.filter(wikidata="Q106686567").exists()


def test_a_second_import_changes_nothing(imported_snapshot: ImportRun) -> None:
    before = list(Mission.objects.order_by("id").values_list("id", "updated_at", "city", "status"))
    again = apply(prepare(read_rows(SNAPSHOT)), "wikidata", str(SNAPSHOT))
    assert (again.added, again.updated, again.closed) == (0, 0, 0)
    assert again.unchanged == imported_snapshot.added
    assert (
        list(Mission.objects.order_by("id").values_list("id", "updated_at", "city", "status"))
        == before
    )


def test_reimport_skips_known_rows_with_the_same_outcome(imported_snapshot: ImportRun) -> None:
    again = apply(prepare(read_rows(SNAPSHOT), known_rows("wikidata")), "wikidata", str(SNAPSHOT))
    assert (again.added, again.updated, again.closed) == (0, 0, 0)
    assert again.unchanged == imported_snapshot.added
    reasons = lambda run: sorted((r["qid"], r["reason"]) for r in run.rejections)  # noqa: E731
    assert reasons(again) == reasons(imported_snapshot)


def test_missions_without_coordinates_are_kept_and_placed_at_their_city(
    imported_snapshot: ImportRun,
) -> None:
    placed = Mission.objects.filter(position_approximate=True)
    unplaced = Mission.objects.filter(lat__isnull=True)
    assert placed.count() > 600 and not placed.filter(city="").exists()
    assert 0 < unplaced.count() < 500  # no place in the source at all: none is invented
    assert Mission.objects.filter(status=Status.OPEN).count() == imported_snapshot.added
