"""sync_countries: one Country row per reference entry, refreshed in a few queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from embassies.countries import reference
from embassies.countries.models import Country
from embassies.countries.sync import sync_after_migrate, sync_countries

pytestmark = pytest.mark.django_db


def test_migrate_already_filled_every_country() -> None:
    # post_migrate ran sync_after_migrate when the test database was created.
    assert Country.objects.count() == len(reference.all_countries())


def test_fills_an_empty_table() -> None:
    Country.objects.all().delete()
    assert sync_countries() == len(reference.all_countries())
    russia = Country.objects.get(code="RU")
    assert (russia.slug, russia.name, russia.demonym) == ("russia", "Russia", "Russian")
    assert Country.objects.get(code="US").slug == "united-states"
    assert Country.objects.get(code="NL").seat_of_government == "The Hague"
    assert Country.objects.filter(is_eu=True).count() == 27


def test_second_run_changes_nothing_and_only_reads() -> None:
    sync_countries()
    with CaptureQueriesContext(connection) as queries:
        assert sync_countries() == 0
    assert len(queries) == 1


def test_refreshes_changed_reference_fields_in_few_queries() -> None:
    Country.objects.filter(code="DE").update(name="West Germany", capital="Bonn")
    Country.objects.filter(code="FR").delete()
    with CaptureQueriesContext(connection) as queries:
        assert sync_countries() == 2
    assert len(queries) <= 5
    germany = Country.objects.get(code="DE")
    assert (germany.name, germany.capital) == ("Germany", "Berlin")
    assert Country.objects.get(code="FR").names["fr"] == "France"


def test_post_migrate_hook_syncs() -> None:
    Country.objects.filter(code="CA").delete()
    sync_after_migrate(using="default")
    assert Country.objects.get(code="CA").demonym == "Canadian"
