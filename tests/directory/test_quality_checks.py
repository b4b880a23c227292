"""Each data-quality check flags a mission built with its defect and leaves a clean one alone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from embassies.directory.models import FieldConflict, Mission, Status
from embassies.directory.quality import Report, build_report
from tests.alerts.builders import ended, make_alert
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

CHECKS = (
    "no_coordinates",
    "no_contact",
    "host_is_sender",
    "outside_host",
    "sender_not_state",
    "open_conflicts",
    "closed_linked",
    "stale",
)


def clean(**fields: Any) -> Mission:
    """Canada's embassy in Moscow, placed in Moscow, reachable, verified last month."""
    fields.setdefault("lat", 55.7467)
    fields.setdefault("lon", 37.595)
    fields.setdefault("phones", ["+74959250000"])
    fields.setdefault("verified_at", timezone.now() - timedelta(days=30))
    return make_mission(**fields)


def flagged(report: Report, key: str) -> set[int]:
    return {m.id for m in report.check(key).missions}


def test_a_clean_mission_is_flagged_by_no_check() -> None:
    mission = clean()
    report = build_report()
    assert [c.key for c in report.checks] == list(CHECKS)
    assert {key: report.check(key).count for key in CHECKS} == dict.fromkeys(CHECKS, 0)
    assert all(mission.pk not in flagged(report, key) for key in CHECKS)


def test_missing_coordinates_are_flagged() -> None:
    ok, bad = clean(), clean(city="Vladivostok", lat=None, lon=None)
    report = build_report()
    assert flagged(report, "no_coordinates") == {bad.pk}
    assert ok.pk not in flagged(report, "no_coordinates")
    assert report.check("no_coordinates").by_country == [("RU", 1)]


def test_a_mission_with_no_phone_email_or_website_is_flagged() -> None:
    clean(), clean(phones=[], emails=["consul@example.org"])
    clean(phones=[], website="https://example.org/")
    silent = clean(city="Saint Petersburg", phones=[], emails=[], website="")
    assert flagged(build_report(), "no_contact") == {silent.pk}


def test_a_host_equal_to_the_sender_is_flagged() -> None:
    canada = make_country("CA", "Canada")
    clean()
    itself = clean(host=canada, city="Ottawa", lat=45.42, lon=-75.69)
    check = build_report().check("host_is_sender")
    assert {m.id for m in check.missions} == {itself.pk}
    assert check.missions[0].detail == "an office of Canada in itself"


def test_coordinates_in_another_country_are_flagged_with_where_they_are() -> None:
    clean()
    in_paris = clean(city="Vladivostok", lat=48.8566, lon=2.3522)
    check = build_report().check("outside_host")
    assert [m.id for m in check.missions] == [in_paris.pk]
    assert check.missions[0].detail == "coordinates are in France (FR)"
    assert check.by_country == [("RU", 1)]


def test_coordinates_far_from_any_city_prove_nothing() -> None:
    # The middle of the Pacific: no city near enough to say which country it is in.
    clean(city="Vladivostok", lat=-30.0, lon=-140.0)
    assert build_report().check("outside_host").count == 0


def test_a_sender_that_is_not_a_state_is_flagged() -> None:
    clean()
    hong_kong = make_country("HK", "Hong Kong", is_state=False)
    office = clean(sending=hong_kong, kind="representative_office")
    check = build_report().check("sender_not_state")
    assert [m.id for m in check.missions] == [office.pk]
    assert check.missions[0].detail == f"{hong_kong.name} is not a sovereign state"


def test_only_unresolved_conflicts_wait_for_review() -> None:
    waiting, settled = clean(), clean(city="Kazan", lat=55.79, lon=49.12)
    for mission, resolved in ((waiting, False), (settled, True)):
        FieldConflict.objects.create(
            mission=mission,
            field="phones",
            source="wikidata",
            source_value=["+7 1"],
            current_value=["+7 2"],
            current_source="editor:ann",
            resolved=resolved,
        )
    FieldConflict.objects.create(
        mission=waiting,
        field="website",
        source="wikidata",
        source_value="https://a.example",
        current_value="https://b.example",
        current_source="editor:ann",
    )
    check = build_report().check("open_conflicts")
    assert [m.id for m in check.missions] == [waiting.pk]
    assert check.missions[0].detail == "2 to review: phones, website"


def test_closed_or_suspended_missions_still_linked_are_flagged() -> None:
    make_country("RU", "Russia")
    armenia = make_country("AM", "Armenia")
    in_alert = clean(status=Status.CLOSED, city="Kazan")
    make_alert("RU", "Russia is at war in Ukraine").missions.add(in_alert)
    accredited = clean(status=Status.SUSPENDED, city="Samara", accreditations=[armenia])
    old_alert = clean(status=Status.CLOSED, city="Omsk")
    make_alert("RU", "An old alert", **ended()).missions.add(old_alert)
    open_in_alert = clean(city="Sochi")
    make_alert("RU", "Floods", severity=1).missions.add(open_in_alert)
    check = build_report().check("closed_linked")
    details = {m.id: m.detail for m in check.missions}
    assert details == {
        in_alert.pk: "closed, still named by an active alert",
        accredited.pk: "suspended, still named by its accreditations",
    }


def test_a_closed_mission_with_a_waiting_conflict_is_still_linked() -> None:
    closed = clean(status=Status.CLOSED)
    FieldConflict.objects.create(
        mission=closed,
        field="city",
        source="wikidata",
        source_value="Moskva",
        current_value="Moscow",
        current_source="editor:ann",
    )
    assert flagged(build_report(), "closed_linked") == {closed.pk}


def test_never_or_long_ago_verified_missions_are_stale(settings: Any) -> None:
    now = timezone.now()
    never = clean(verified_at=None, city="Kazan")
    long_ago = clean(verified_at=now - timedelta(days=400), city="Omsk")
    recent = clean(verified_at=now - timedelta(days=30))
    clean(verified_at=None, status=Status.CLOSED, city="Samara")  # closed: nothing to re-check
    check = build_report(now=now).check("stale")
    assert [m.id for m in check.missions] == [never.pk, long_ago.pk]  # never verified first
    assert [m.detail for m in check.missions] == [
        "never verified",
        f"last verified {long_ago.verified_at:%Y-%m-%d}",
    ]
    settings.QUALITY_STALE_DAYS = 10
    assert recent.pk in flagged(build_report(now=now), "stale")


def test_counts_are_per_host_country_and_the_filter_keeps_one_host() -> None:
    france, germany = make_country("FR", "France"), make_country("DE", "Germany")
    for city in ("Moscow", "Kazan"):
        clean(city=city, lat=None, lon=None)
    clean(host=france, city="Paris", lat=None, lon=None)
    clean(host=germany, city="Berlin", lat=52.52, lon=13.40)
    report = build_report()
    assert report.check("no_coordinates").by_country == [("RU", 2), ("FR", 1)]
    assert report.worst_countries() == [("RU", 2), ("FR", 1)]
    only_france = build_report("FR")
    assert only_france.check("no_coordinates").count == 1
    assert {m.host for m in only_france.check("no_coordinates").missions} == {"FR"}


def test_the_limit_shortens_the_lists_not_the_counts() -> None:
    for n in range(5):
        clean(city=f"Town {n}", lat=None, lon=None)
    check = build_report(limit=2).check("no_coordinates")
    assert (check.count, len(check.missions)) == (5, 2)
    assert build_report(limit=0).check("no_coordinates").missions == []


def test_listed_missions_link_to_their_admin_and_public_pages() -> None:
    mission = clean(lat=None, lon=None)
    listed = build_report().check("no_coordinates").missions[0]
    assert listed.admin_url == reverse("admin:directory_mission_change", args=[mission.pk])
    assert listed.url == mission.get_absolute_url()
    assert listed.title == "Embassy of Canada in Moscow, Russia"
