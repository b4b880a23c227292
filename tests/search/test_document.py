"""The search document of a mission and the database's full-text index over it."""

from __future__ import annotations

import pytest
from django.db import connection

from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.directory.search.document import build_search_document, refresh_search_documents
from embassies.directory.search.fulltext import fulltext_ids
from embassies.directory.search.schema import ensure_fulltext
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


def test_document_holds_names_in_several_languages_places_and_contacts() -> None:
    mission = Mission(
        sending=Country.objects.get(code="DE"),
        host=Country.objects.get(code="FR"),
        city="Paris",
        wikidata="Q15953187",
        address="13-15 Avenue Franklin D. Roosevelt",
        phones=["+33 1 53 83 45 00"],
        website="https://www.allemagne.diplo.de/",
        emails=["info@paris.diplo.de"],
    )
    words = build_search_document(mission).split()
    for word in [
        "q15953187",
        "embassy",
        "germany",
        "allemagne",
        "deutschland",
        "german",
        "france",
        "paris",
        "roosevelt",
        "33153834500",
        "allemagne",
        "diplo",
        "info",
    ]:
        assert word in words, word
    assert len(words) == len(set(words))


def test_bulk_refresh_fills_documents_written_without_them() -> None:
    mission = make_mission(wikidata="Q1")
    Mission.objects.filter(pk=mission.pk).update(search_document="")
    assert refresh_search_documents(Mission.objects.all()) == 1
    assert fulltext_ids(["canada"], 5) == [mission.pk]


def _drop_sqlite_triggers_then_repair() -> None:
    mission = make_mission(wikidata="Q1")
    with connection.cursor() as cursor:
        for name in ("ai", "ad", "au"):
            cursor.execute(f"DROP TRIGGER directory_mission_fts_{name}")
    Mission.objects.filter(pk=mission.pk).update(address="Povarskaya Street")
    mission.refresh_from_db()
    mission.save()
    assert fulltext_ids(["povarskaya"], 5) == []
    ensure_fulltext(connection)
    assert fulltext_ids(["povarskaya"], 5) == [mission.pk]


def _drop_postgres_index_then_repair() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX directory_mission_search_trgm")
        ensure_fulltext(connection)
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'directory_mission_search_%%'"
        )
        assert cursor.fetchone()[0] == 2


def test_lost_fulltext_structures_are_put_back() -> None:
    """Each database keeps its index its own way; the suite runs on both."""
    repair = {
        "sqlite": _drop_sqlite_triggers_then_repair,
        "postgresql": _drop_postgres_index_then_repair,
    }
    repair[connection.vendor]()
