"""`embassies import mission-status-csv`: sourced status facts decide a mission's status;
editors' facts survive re-imports; the pages, the finder and the API show the evidence."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from embassies.assistance.finder import find
from embassies.directory.models import FieldConflict, Mission, Status, StatusFact
from embassies.directory.status import delete_fact, save_fact
from tests.corrections.builders import LINES, import_rows, with_website
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

HEADER = "sending,host,city,kind,qid,status,since,until,moved_to,source_url,source_title,note"
UA_MOSCOW = (
    "UA,RU,Moscow,embassy,Q4374079,closed,2022-02-24,,,https://example.org/ua-ru,"
    "Ukraine cuts ties with Russia,Relations broken."
)
ROWS = [
    UA_MOSCOW,
    # Several periods: the latest begun one decides.
    "CH,IR,Tehran,embassy,Q5707355,suspended,2025-06-20,2025-07-06,,https://example.org/ch1,Swiss leave,",
    "CH,IR,Tehran,embassy,Q5707355,suspended,2026-03-11,,,https://example.org/ch2,Swiss leave again,",
    # Suspended, then reopened: open again.
    "US,VE,Caracas,embassy,Q20994812,suspended,2019-03,2026,Bogotá (CO),https://example.org/us1,US leaves,",
    "US,VE,Caracas,embassy,Q20994812,reopened,2026,,,https://example.org/us2,US back,",
    # No QID: found by sending state, host and city (the mission has the gazetteer's name).
    "UA,RU,St Petersburg,consulate general,,closed,2022-03-02,,,https://example.org/spb,Consulate closes,",
    "US,AF,Kabul,embassy,Q894835,relocated,2021-08-31,,Doha (QA),https://example.org/kabul,US moves to Doha,",
    # Nothing to match: reported.
    "RU,DE,Leipzig,consulate general,,closed,2023-12,,,https://example.org/leipzig,Closures,",
    # Bad rows: rejected with their reasons.
    "UA,RU,Moscow,embassy,Q4374079,gone,2022-02-24,,,https://example.org/x,,",
    "UA,RU,Moscow,embassy,Q4374079,closed,2022-13,,,https://example.org/x,,",
    "UA,RU,Moscow,embassy,Q4374079,suspended,2022-02-25,,,javascript:alert(1),,",
]


def write(tmp_path: Path, rows: list[str], name: str = "status.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def run_import(path: Path) -> str:
    out = StringIO()
    call_command("import", "mission-status-csv", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def listed(qid: str, sending: str, host: str, city: str, **fields: object) -> Mission:
    """A mission as the Wikidata snapshot lists it (status open, its source Wikidata)."""
    return make_mission(
        wikidata=qid or None,
        sending=make_country(sending, sending),
        host=make_country(host, host),
        city=city,
        sources={"status": "wikidata"},
        verified_at=timezone.make_aware(datetime(2022, 11, 16)),
        **fields,
    )


@pytest.fixture
def missions() -> dict[str, Mission]:
    make_country("UA", "Ukraine", demonym="Ukrainian")
    make_country("RU", "Russia")
    return {
        "ua_moscow": listed("Q4374079", "UA", "RU", "Moscow"),
        "ch_tehran": listed("Q5707355", "CH", "IR", "Tehran"),
        "us_caracas": listed("Q20994812", "US", "VE", "Caracas"),
        "ua_spb": listed("", "UA", "RU", "Saint Petersburg", kind="consulate_general"),
        "us_kabul": listed("Q894835", "US", "AF", "Kabul"),
        "ca_moscow": listed("Q4374011", "CA", "RU", "Moscow"),
    }


def fresh(mission: Mission) -> Mission:
    return Mission.objects.get(pk=mission.pk)


def test_import_derives_each_status_from_its_latest_fact(
    tmp_path: Path, missions: dict[str, Mission]
) -> None:
    output = run_import(write(tmp_path, ROWS))
    assert "added 7, updated 0, unchanged 0, unmatched 1, rejected 3" in output
    assert "status 'gone'" in output and "2022-13" in output and "javascript" in output
    assert "no mission of RU in Leipzig, DE" in output
    expected = {
        "ua_moscow": ("closed", "2022-02-24", ""),
        "ch_tehran": ("suspended", "2026-03-11", ""),
        "us_caracas": ("open", "2026", ""),
        "ua_spb": ("closed", "2022-03-02", ""),
        "us_kabul": ("relocated", "2021-08-31", "Doha (QA)"),
        "ca_moscow": ("open", "", ""),
    }
    for name, (status, since, moved_to) in expected.items():
        mission = fresh(missions[name])
        assert (mission.status, mission.status_since, mission.moved_to) == (status, since, moved_to)
    assert fresh(missions["ua_moscow"]).sources["status"] == "mission_status"
    assert fresh(missions["ca_moscow"]).sources["status"] == "wikidata"
    reasons = set(
        fresh(missions["ua_moscow"]).history.values_list("history_change_reason", flat=True)
    )
    assert "import mission-status-csv" in reasons


def test_reimport_changes_nothing(tmp_path: Path, missions: dict[str, Mission]) -> None:
    path = write(tmp_path, ROWS)
    run_import(path)
    versions = Mission.history.count()
    assert "added 0, updated 0, unchanged 7, unmatched 1, rejected 3" in run_import(path)
    assert Mission.history.count() == versions


def test_a_changed_row_updates_its_fact(tmp_path: Path, missions: dict[str, Mission]) -> None:
    run_import(write(tmp_path, [UA_MOSCOW]))
    output = run_import(write(tmp_path, [UA_MOSCOW.replace("Ukraine cuts", "Kyiv cuts")]))
    assert "added 0, updated 1, unchanged 0" in output
    assert StatusFact.objects.get().source_title == "Kyiv cuts ties with Russia"


def test_an_editors_fact_survives_a_reimport(tmp_path: Path, missions: dict[str, Mission]) -> None:
    path = write(tmp_path, [UA_MOSCOW])
    run_import(path)
    fact = StatusFact.objects.get()
    fact.until, fact.note = "2026-01-01", "Reopened for consular services."
    save_fact(fact, "editor:admin:anna")
    assert fresh(missions["ua_moscow"]).status == Status.OPEN  # the editor ended it
    assert "unchanged 1" in run_import(path)
    fact.refresh_from_db()
    assert (fact.until, fact.source) == ("2026-01-01", "editor:admin:anna")
    assert fresh(missions["ua_moscow"]).status == Status.OPEN


def test_a_fact_an_editor_deleted_stays_deleted(
    tmp_path: Path, missions: dict[str, Mission]
) -> None:
    path = write(tmp_path, [UA_MOSCOW])
    run_import(path)
    delete_fact(StatusFact.objects.get(), "editor:admin:anna")
    assert fresh(missions["ua_moscow"]).status == Status.OPEN
    run_import(path)
    assert not StatusFact.objects.exists()


def test_an_editors_status_is_kept_and_the_facts_filed_as_a_conflict(
    tmp_path: Path, missions: dict[str, Mission]
) -> None:
    mission = missions["ua_moscow"]
    mission.sources["status"] = "editor:admin:anna"
    mission.save()
    run_import(write(tmp_path, [UA_MOSCOW]))
    assert fresh(mission).status == Status.OPEN
    conflict = FieldConflict.objects.get(mission=mission, field="status")
    assert (conflict.source, conflict.source_value) == ("mission_status", "closed")


def test_ambiguous_rows_are_reported_not_guessed(tmp_path: Path) -> None:
    listed("", "UA", "RU", "Yekaterinburg", kind="consulate")
    listed("", "UA", "RU", "Yekaterinburg", kind="consulate")
    row = "UA,RU,Yekaterinburg,consulate,,closed,2022-03-03,,,https://example.org/e,Closes,"
    output = run_import(write(tmp_path, [row]))
    assert "ambiguous: 2 missions" in output and "unmatched 1" in output
    assert not StatusFact.objects.exists()


def test_a_malformed_file_is_refused_before_anything_is_written(
    tmp_path: Path, missions: dict[str, Mission]
) -> None:
    missing = tmp_path / "missing.csv"
    missing.write_text("sending,host,city\nUA,RU,Moscow\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing columns: kind, qid"):
        run_import(missing)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        (HEADER + "\n" + UA_MOSCOW.replace("Ukraine", "Ukra\xefne")).encode("latin-1")
    )
    with pytest.raises(CommandError, match="not UTF-8"):
        run_import(latin)
    assert not StatusFact.objects.exists()


def test_a_later_wikidata_import_does_not_reopen_a_closed_mission(tmp_path: Path) -> None:
    ua_moscow = next(line for line in LINES if line.rstrip(";").endswith("/Q4374079"))
    import_rows(tmp_path, [ua_moscow], "first.csv")
    run_import(write(tmp_path, [UA_MOSCOW]))
    import_rows(tmp_path, [with_website(ua_moscow, "https://ukraine.example/")], "second.csv")
    mission = Mission.objects.get(wikidata="Q4374079")
    assert mission.website == "https://ukraine.example/"  # the listing was applied...
    assert (mission.status, mission.status_since) == ("closed", "2022-02-24")  # ...not its "open"
    assert mission.sources["status"] == "mission_status"


def test_the_mission_page_shows_the_evidence(tmp_path: Path, missions: dict[str, Mission]) -> None:
    run_import(write(tmp_path, ROWS))
    closed = Client().get(fresh(missions["ua_moscow"]).get_absolute_url()).content.decode()
    assert "Closed since 24 February 2022." in closed
    assert '<a href="https://example.org/ua-ru" rel="nofollow noopener">Ukraine cuts ties' in closed
    moved = Client().get(fresh(missions["us_kabul"]).get_absolute_url()).content.decode()
    assert "Relocated since 31 August 2021; Services moved to Doha (QA)." in moved
    back = Client().get(fresh(missions["us_caracas"]).get_absolute_url()).content.decode()
    assert "Reopened in 2026." in back
    listed_only = Client().get(fresh(missions["ca_moscow"]).get_absolute_url()).content.decode()
    assert "Listed by Wikidata, November 2022." in listed_only
    assert ">Open<" not in listed_only


def test_the_history_page_lists_the_facts(tmp_path: Path, missions: dict[str, Mission]) -> None:
    run_import(write(tmp_path, ROWS))
    mission = fresh(missions["us_caracas"])
    url = f"/missions/{mission.pk}-{mission.slug}/history/"
    page = Client().get(url).content.decode()
    assert "Status changes and their sources" in page
    assert '<a href="https://example.org/us1" rel="nofollow noopener">US leaves</a>' in page
    assert "March 2019" in page and "services moved to Bogotá (CO)" in page


def test_the_finder_lists_closed_missions_as_not_operating(
    tmp_path: Path, missions: dict[str, Mission]
) -> None:
    run_import(write(tmp_path, ROWS))
    result = find("UA", "RU")
    helping = {a.mission.pk for a in result.answers}
    assert missions["ua_moscow"].pk not in helping and missions["ua_spb"].pk not in helping
    moscow = next(a for a in result.unavailable if a.mission.pk == missions["ua_moscow"].pk)
    assert "closed since 24 February 2022; it cannot help at present" in moscow.reason
    assert moscow.source_url == "https://example.org/ua-ru"
    kabul = find("US", "AF").unavailable[0]
    assert "relocated since 31 August 2021" in kabul.reason and "Doha (QA)" in kabul.reason
    page = Client().get("/find/", {"citizen": "UA", "in": "RU"}).content.decode()
    assert "closed since 24 February 2022" in page and 'href="https://example.org/ua-ru"' in page


def test_the_api_gives_the_status_source(tmp_path: Path, missions: dict[str, Mission]) -> None:
    run_import(write(tmp_path, ROWS))
    body = Client().get(f"/api/v1/missions/{missions['us_kabul'].pk}").json()
    assert (body["status"], body["status_since"], body["moved_to"]) == (
        "relocated",
        "2021-08-31",
        "Doha (QA)",
    )
    assert body["status_source"] == {
        "name": "mission_status",
        "url": "https://example.org/kabul",
        "title": "US moves to Doha",
    }
    listed_only = Client().get(f"/api/v1/missions/{missions['ca_moscow'].pk}").json()
    assert listed_only["status_source"]["name"] == "wikidata"
    assert listed_only["status_since"] is None and listed_only["moved_to"] is None
