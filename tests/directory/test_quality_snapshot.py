"""The report on the real snapshot: counts agree with direct counts, queries stay few."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from embassies.directory.models import Mission
from embassies.directory.quality import build_report

pytestmark = [pytest.mark.django_db, pytest.mark.snapshot]

# Two per check and a few more (country names, conflicting fields, where coordinates lie),
# whatever the number of missions.
MAX_QUERIES = 20


def test_counts_agree_with_direct_database_counts(imported_snapshot: object) -> None:
    now = timezone.now()
    report = build_report(limit=5, now=now)
    missions = Mission.objects.exclude(status="closed")
    long_ago = now - timedelta(days=settings.QUALITY_STALE_DAYS)
    direct = {
        "no_coordinates": missions.filter(
            Q(lat__isnull=True) | Q(lon__isnull=True) | Q(position_approximate=True)
        ).count(),
        "no_contact": missions.filter(phones=[], emails=[], website="").count(),
        "host_is_sender": Mission.objects.filter(host=F("sending")).count(),
        "sender_not_state": Mission.objects.filter(sending__is_state=False).count(),
        "stale": missions.filter(Q(verified_at=None) | Q(verified_at__lt=long_ago)).count(),
    }
    assert {key: report.check(key).count for key in direct} == direct
    assert direct["no_coordinates"] > 1000 and direct["no_contact"] > 1000
    for check in report.checks:
        assert sum(n for _, n in check.by_country) == check.count
        assert len(check.missions) == min(5, check.count)


def test_few_coordinates_fall_outside_their_host(imported_snapshot: object) -> None:
    # The import already proved hosts from coordinates; the rest are true defects, such as
    # consulates in French overseas departments recorded as hosted by France.
    check = build_report().check("outside_host")
    placed = Mission.objects.filter(lat__isnull=False).count()
    assert 0 < check.count < placed / 100
    assert all(m.detail.startswith("coordinates are in ") for m in check.missions)
    assert all(not m.detail.endswith(f"({m.host})") for m in check.missions)


def test_the_report_runs_a_bounded_number_of_queries(
    imported_snapshot: object, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(MAX_QUERIES):
        everywhere = build_report(limit=100)
    with django_assert_max_num_queries(MAX_QUERIES):
        build_report("US", limit=100)
    assert len(everywhere.check("no_contact").missions) == 100


def test_a_country_filter_agrees_with_the_whole_report(imported_snapshot: object) -> None:
    everywhere, us = build_report(), build_report("US")
    for check in everywhere.checks:
        assert us.check(check.key).count == dict(check.by_country).get("US", 0)
        assert {m.host for m in us.check(check.key).missions} <= {"US"}
