"""`embassies advisories fetch PATH` on RSS documents in the State Department's format."""

from __future__ import annotations

import json
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from embassies.alerts.models import Advisory, Alert, Severity, Source
from tests.alerts.documents import EXPECTED_FIRST, FIRST, SECOND, Entry, rss

pytestmark = pytest.mark.django_db


def fetch(path: Path) -> tuple[dict, str]:
    out, err = StringIO(), StringIO()
    call_command("advisories", "fetch", str(path), "--json", stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def write(tmp_path: Path, entries: list[Entry], name: str = "feed.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(rss(entries))
    return path


def levels() -> dict[str, int]:
    return dict(Advisory.objects.filter(issuer="US").values_list("country_id", "level"))


def crisis_countries() -> set[str]:
    active = Alert.objects.filter(source=Source.ADVISORY, ends_at__isnull=True)
    return set(active.values_list("country_id", flat=True))


def test_messy_titles_give_the_right_countries_and_levels(tmp_path: Path) -> None:
    summary, _ = fetch(write(tmp_path, FIRST))
    assert levels() == EXPECTED_FIRST
    assert (summary["read"], summary["added"]) == (len(FIRST), len(EXPECTED_FIRST))


def test_fips_tags_are_not_read_as_iso_codes(tmp_path: Path) -> None:
    fetch(write(tmp_path, FIRST))
    # GM is Germany in FIPS (Gambia in ISO), SW Sweden (ISO: El Salvador), AJ Azerbaijan.
    assert {"DE", "SE", "AZ"} <= set(levels())
    assert not {"GM", "SV", "SW", "AJ"} & set(levels())


def test_unresolved_titles_are_reported_not_guessed(tmp_path: Path) -> None:
    summary, err = fetch(write(tmp_path, FIRST))
    assert summary["unresolved"] == ["French West Indies - Level 1: Exercise Normal Precautions"]
    assert "unresolved, not imported: French West Indies" in err
    assert any("the West Bank" in note for note in summary["notes"])


def test_see_summaries_sets_only_the_first_named_place(tmp_path: Path) -> None:
    summary, _ = fetch(write(tmp_path, FIRST))
    assert levels()["CN"] == 2 and "HK" not in levels() and "MO" not in levels()
    assert any("level stated for CN only" in note for note in summary["notes"])


def test_title_date_and_link_are_kept(tmp_path: Path) -> None:
    fetch(write(tmp_path, FIRST))
    burma = Advisory.objects.get(issuer="US", country_id="MM")
    assert burma.title == "Burma (Myanmar) - Level 4: Do Not Travel"
    assert (
        burma.published is not None and burma.published.isoformat() == "2024-07-29T04:00:00+00:00"
    )
    assert burma.link.endswith("/burma-travel-advisory.html")
    assert Advisory.objects.get(country_id="TL").title.endswith("Caution")  # spaces trimmed


def test_level_4_raises_crisis_alerts(tmp_path: Path) -> None:
    summary, _ = fetch(write(tmp_path, FIRST))
    assert sorted(summary["raised"]) == ["MM", "RU"] and crisis_countries() == {"MM", "RU"}
    alert = Alert.objects.get(country_id="RU")
    assert alert.severity == Severity.CRISIS and alert.advisory is not None
    assert alert.source_url.endswith("/russia-travel-advisory.html")
    assert "do not travel to Russia" in alert.headline


def test_levels_change_and_alerts_follow(tmp_path: Path) -> None:
    fetch(write(tmp_path, FIRST))
    summary, _ = fetch(write(tmp_path, SECOND, "later.xml"))
    assert (levels()["RU"], levels()["CI"], levels()["MM"]) == (3, 4, 4)
    assert summary["ended"] == ["RU"] and summary["raised"] == ["CI"]
    assert crisis_countries() == {"MM", "CI"}
    assert Alert.objects.filter(country_id="MM").count() == 1  # still level 4: not raised twice
    ended = Alert.objects.get(country_id="RU")
    assert ended.ends_at is not None and not ended.is_active()


def test_reimport_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, FIRST)
    fetch(path)
    summary, _ = fetch(path)
    assert (summary["added"], summary["updated"]) == (0, 0)
    assert summary["unchanged"] == len(EXPECTED_FIRST) and summary["raised"] == []


def test_editor_alerts_are_never_touched(tmp_path: Path) -> None:
    fetch(write(tmp_path, FIRST))
    editors = Alert.objects.create(
        country_id="RU", headline="Russia is currently at war in Ukraine"
    )
    raised = Alert.objects.get(country_id="RU", source=Source.ADVISORY)
    raised.headline = "Reworded by an editor"
    raised.save()
    fetch(write(tmp_path, SECOND, "later.xml"))
    editors.refresh_from_db()
    raised.refresh_from_db()
    assert editors.ends_at is None and editors.headline == "Russia is currently at war in Ukraine"
    assert raised.ends_at is not None and raised.headline == "Reworded by an editor"


def test_an_ended_crisis_alert_stays_ended_while_the_level_stays_4(tmp_path: Path) -> None:
    fetch(write(tmp_path, FIRST))
    Alert.objects.filter(country_id="MM").update(
        ends_at=Alert.objects.get(country_id="MM").starts_at
    )
    fetch(write(tmp_path, SECOND, "later.xml"))
    assert Alert.objects.filter(country_id="MM").count() == 1
    assert "MM" not in crisis_countries()


def test_text_report(tmp_path: Path) -> None:
    out = StringIO()
    call_command("advisories", "fetch", str(write(tmp_path, FIRST)), stdout=out, stderr=StringIO())
    assert "US Department of State advisories" in out.getvalue()
    assert "added 15" in out.getvalue() and "raised 2" in out.getvalue()


def test_a_scheduled_crisis_alert_is_ended_before_it_starts(tmp_path: Path) -> None:
    fetch(write(tmp_path, FIRST))
    later = timezone.now() + timedelta(days=1)
    Alert.objects.filter(country_id="RU").update(starts_at=later)  # an editor moved it
    fetch(write(tmp_path, SECOND, "later.xml"))
    alert = Alert.objects.get(country_id="RU")
    assert alert.ends_at == alert.starts_at and not alert.is_active(later)
