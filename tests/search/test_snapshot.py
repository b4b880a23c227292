"""The in-memory snapshot search and the finder read (directory/search/index.py): kept while
the data stays the same, never once it changed, here or in another process."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import translation

from embassies.api.schemas import MissionOut
from embassies.api.search import SearchOut, _shown
from embassies.countries.models import Country
from embassies.directory.models import Mission
from embassies.directory.search import index
from embassies.directory.search.engine import search
from embassies.directory.serialize import mission_to_dict
from embassies.lib import generations
from embassies.lib.changes import countries_changed
from tests.factories import make_mission
from tests.helpers import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_generations(settings: Any) -> None:
    """Generation numbers of these tests' own: the default store is a folder that test runs
    on the same machine share, and clear, which would start new snapshots at any moment."""
    own = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "snapshot"}
    settings.CACHES = {**settings.CACHES, "generations": own}
    caches["generations"].clear()  # a locmem store outlives the test: start each one afresh


def cities(query: str) -> list[str]:
    return [hit.mission.city for hit in search(query)]


@pytest.fixture
def embassy() -> Mission:
    ca, ru = Country.objects.get(code="CA"), Country.objects.get(code="RU")
    return make_mission(
        sending=ca, host=ru, wikidata="Q4374011", city="Moscow", lat=55.75, lon=37.6
    )


def test_the_snapshot_is_kept_while_the_data_stays_the_same(embassy: Mission) -> None:
    first = index.current()
    search("canadian embassy russia")
    assert index.current() is first
    assert first.missions([embassy.pk])[embassy.pk].city == "Moscow"


def test_a_saved_change_shows_at_once(embassy: Mission) -> None:
    assert cities("canadian embassy russia") == ["Moscow"]
    embassy.city = "Moskva"
    embassy.save()  # announced: this process's snapshot ends
    assert cities("canadian embassy russia") == ["Moskva"]


def test_added_and_deleted_missions_show_at_once(embassy: Mission) -> None:
    assert cities("canadian embassy russia") == ["Moscow"]
    ca, ru = Country.objects.get(code="CA"), Country.objects.get(code="RU")
    added = make_mission(sending=ca, host=ru, wikidata="Q2", city="Vladivostok", kind="consulate")
    assert sorted(cities("canadian embassy russia")) == ["Moscow", "Vladivostok"]
    added.delete()
    assert cities("canadian embassy russia") == ["Moscow"]


def test_a_bulk_change_shows_once_announced(embassy: Mission) -> None:
    assert cities("canadian embassy russia") == ["Moscow"]
    Mission.objects.filter(pk=embassy.pk).update(city="Moskva")  # no signal: not yet seen
    assert cities("canadian embassy russia") == ["Moscow"]
    countries_changed(["CA", "RU"])  # what every bulk writer calls after its update
    assert cities("canadian embassy russia") == ["Moskva"]


def test_a_change_is_shared_with_the_other_processes(embassy: Mission) -> None:
    before = generations.current(index.GENERATION)
    embassy.save()
    assert generations.current(index.GENERATION) != before


def test_another_processs_change_shows_here_within_the_recheck_time(
    embassy: Mission, settings: Any
) -> None:
    """Another process changed the data and announced it there: its receiver wrote a new
    shared number, which is all this process gets to know, after PAGE_RECHECK_MS."""
    settings.PAGE_RECHECK_MS = 200
    assert cities("canadian embassy russia") == ["Moscow"]
    Mission.objects.filter(pk=embassy.pk).update(city="Moskva")  # written "elsewhere"
    caches["generations"].set(generations.PREFIX + index.GENERATION, time.time_ns(), None)
    assert cities("canadian embassy russia") == ["Moscow"], "the number read is trusted"
    time.sleep(0.25)
    assert cities("canadian embassy russia") == ["Moskva"]


def test_without_the_shared_cache_nothing_is_kept(embassy: Mission, settings: Any) -> None:
    settings.PAGE_RECHECK_MS = 0  # every query asks the shared cache, which is away
    away = {"BACKEND": "embassies.lib.cache.TolerantRedisCache", "LOCATION": _nobody()}
    settings.CACHES = {**settings.CACHES, "generations": away}
    assert cities("canadian embassy russia") == ["Moscow"]
    Mission.objects.filter(pk=embassy.pk).update(city="Moskva")  # and no announcement
    assert index.current() is not index.current()
    assert cities("canadian embassy russia") == ["Moskva"]


def _nobody() -> str:
    """A Redis URL nothing listens on."""
    return f"redis://127.0.0.1:{free_port()}/0"


def test_a_lost_generation_number_starts_a_new_snapshot(embassy: Mission, settings: Any) -> None:
    settings.PAGE_RECHECK_MS = 0
    first = index.current()
    caches["generations"].clear()  # a Redis restart: the number comes back as a fresh one
    assert index.current() is not first


def test_the_api_writes_what_the_schema_would(client: Client, embassy: Mission) -> None:
    """Search's API writes each kept MissionOut dump itself: byte for byte what ninja's
    validation and renderer make of mission_to_dict, before and after a change."""
    for city in ("Moscow", "Moskva"):
        response = client.get("/api/v1/search", {"q": "canadian embassy russia"})
        request = response.wsgi_request
        fresh = Mission.objects.get(pk=embassy.pk)
        expected = SearchOut(results=[MissionOut.model_validate(mission_to_dict(fresh, request))])
        assert response.json() == expected.model_dump()
        assert response.json()["results"][0]["city"] == city
        assert response["Content-Type"] == "application/json; charset=utf-8"
        embassy.city = "Moskva"
        embassy.save()


def test_a_language_of_its_own_for_each_kept_dump(embassy: Mission) -> None:
    mission = index.current().missions([embassy.pk])[embassy.pk]
    for language in ("en", "fr", "en", "ru"):
        with translation.override(language):
            expected = MissionOut.model_validate(mission_to_dict(mission)).model_dump()
            assert _shown(mission, None) == expected
