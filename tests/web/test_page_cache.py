"""The shared page cache: hot pages are served from it, and a change to the data behind a page
(a save, an alert, an import, a news article) is on that page at the next request."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from functools import partial
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from embassies.alerts.editing import add_alert
from embassies.alerts.models import Alert
from embassies.directory.models import Mission
from embassies.lib.generations import read
from embassies.news.documents import Draft
from embassies.news.ingest import ingest
from embassies.web.pagecache.copies import MAX_AGE, Copy, Place, forget_kept
from embassies.web.pagecache.middleware import FRESH_SECONDS, WAIT_SECONDS
from tests.conftest import snapshot_lines
from tests.factories import make_country, make_mission
from tests.web.interleaving import InterleavedCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def embassy() -> Mission:
    return make_mission(
        sending=make_country("CA", "Canada"), host=make_country("RU", "Russia"), city="Moscow"
    )


def get(client: Client, url: str, **headers: str) -> tuple[str, str, str]:
    """(state, Cache-Control, body) of one GET."""
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return (
        response.get("X-Page-Cache", ""),
        response.get("Cache-Control", ""),
        response.content.decode(),
    )


HOT = [
    "/",
    "/countries/russia/",
    "/countries/canada/abroad/",
    "/search/?q=canada+moscow",
    "/find/?citizen=CA&in=RU",
]


@pytest.mark.parametrize("url", HOT)
def test_second_visit_is_served_from_the_cache_with_public_headers(
    client: Client, embassy: Mission, url: str
) -> None:
    first, control, _ = get(client, url)
    assert first == "miss"
    assert "public" in control and "max-age=" in control and "stale-while-revalidate=" in control
    assert get(client, url)[0] == "hit"


def test_mission_page_hit_needs_no_database(
    client: Client, embassy: Mission, django_assert_num_queries
) -> None:
    url = embassy.get_absolute_url()
    get(client, url)
    with django_assert_num_queries(0):
        assert get(client, url)[0] == "hit"


def test_etag_and_304_still_work_on_cached_pages(client: Client, embassy: Mission) -> None:
    url = embassy.get_absolute_url()
    etag = client.get(url)["ETag"]
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit" and hit["ETag"] == etag  # the same bytes, the same tag
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_a_saved_mission_changes_its_page_both_country_pages_and_search(
    client: Client, embassy: Mission
) -> None:
    urls = [
        embassy.get_absolute_url(),
        "/countries/russia/",
        "/countries/canada/abroad/",
        "/search/?q=canada+russia",
        "/find/?citizen=CA&in=RU",
    ]
    for url in urls:
        assert "Lenin Street 1" not in get(client, url)[2]
        assert get(client, url)[0] == "hit"
    embassy.address = "Lenin Street 1"
    embassy.city = "Vladivostok"
    embassy.save()
    for url in urls[1:]:
        assert "Vladivostok" in get(client, url)[2], url
    moved = Mission.objects.get(pk=embassy.pk).get_absolute_url()
    assert "Lenin Street 1" in get(client, moved)[2]


def test_a_mission_moved_to_another_host_leaves_the_old_hosts_page(
    client: Client, embassy: Mission
) -> None:
    assert "Moscow" in get(client, "/countries/russia/")[2]
    embassy.host = make_country("BY", "Belarus")
    embassy.city = "Minsk"
    embassy.save()
    assert "Moscow" not in get(client, "/countries/russia/")[2]


def test_a_new_alert_is_on_the_mission_and_country_pages_at_once(
    client: Client, embassy: Mission
) -> None:
    urls = [embassy.get_absolute_url(), "/countries/russia/", "/find/?citizen=CA&in=RU"]
    for url in urls:
        get(client, url)
    add_alert("RU", "Russia is currently at war in Ukraine")
    for url in urls:
        state, _, html = get(client, url)
        assert state == "miss" and "currently at war in Ukraine" in html, url


def test_an_ended_alert_leaves_the_pages_at_once(client: Client, embassy: Mission) -> None:
    alert = add_alert("RU", "Russia is currently at war in Ukraine")
    assert "at war" in get(client, "/countries/russia/")[2]
    alert.ends_at = timezone.now()
    alert.save()
    assert "at war" not in get(client, "/countries/russia/")[2]


def test_a_scheduled_alert_appears_when_it_starts(client: Client, embassy: Mission) -> None:
    starts = timezone.now() + timedelta(seconds=1.5)
    Alert.objects.create(country_id="RU", headline="Russia is at war", starts_at=starts)
    assert "Russia is at war" not in get(client, "/countries/russia/")[2]
    time.sleep(max(0.0, (starts - timezone.now()).total_seconds()) + 0.2)
    assert "Russia is at war" in get(client, "/countries/russia/")[2]


def test_another_countrys_change_keeps_the_copy(client: Client, embassy: Mission) -> None:
    url = embassy.get_absolute_url()
    get(client, url)
    make_mission(sending=make_country("FR", "France"), host=make_country("DE", "Germany"))
    assert get(client, url)[0] == "hit"


@pytest.mark.snapshot
def test_an_import_changes_the_pages_it_touches(client: Client, tmp_path: Path) -> None:
    """Imports write in bulk, without signals: the importer bumps the cache when it ends."""
    assert "Canberra" not in get(client, "/countries/australia/")[2]
    small = tmp_path / "small.csv"
    small.write_text("\n".join(snapshot_lines()[:3]) + "\n")
    call_command("import", "wikidata-csv", str(small), stdout=StringIO(), stderr=StringIO())
    assert "Canberra" in get(client, "/countries/australia/")[2]


def test_an_emergency_line_import_changes_the_finder(client: Client, tmp_path: Path) -> None:
    url = "/find/?citizen=CA&in=RU"
    shown = 'href="tel:+16139968885"'  # the line, as a link to call it
    assert shown not in get(client, url)[2]
    lines = tmp_path / "lines.csv"
    lines.write_text(
        "country_iso2,name,phone,source_url,notes\n"
        "CA,Emergency Watch and Response Centre,+1 613 996 8885,https://travel.gc.ca/,\n"
    )
    call_command("import", "emergency-csv", str(lines), stdout=StringIO())
    assert shown in get(client, url)[2]


def test_an_ingested_article_changes_its_countrys_page(client: Client, embassy: Mission) -> None:
    assert "Summit in Helsinki" not in get(client, "/countries/russia/")[2]
    draft = Draft(
        title="Summit in Helsinki",
        body_html="<p>Russia and Finland met in Helsinki.</p>",
        source_url="https://news.example.org/summit",
        published=timezone.now(),
    )
    ingest(draft)
    assert "Summit in Helsinki" in get(client, "/countries/russia/")[2]


def test_logged_in_visitors_get_a_private_uncached_page(
    client: Client, embassy: Mission, django_user_model
) -> None:
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    response = client.get(embassy.get_absolute_url())
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/missions/999999-nowhere/", "/search/?q=" + "x" * 5000])
def test_errors_are_not_cached(client: Client, url: str) -> None:
    for _ in range(2):
        response = client.get(url)
        assert response.status_code in (400, 404)
        assert response.get("X-Page-Cache", "") == ""
        assert "public" not in response.get("Cache-Control", "")


def _place(url: str) -> Place:
    """Where the test client's GET for url is kept (it sends no Accept-* headers)."""
    place = Place.of(RequestFactory().get(url))
    assert place is not None and place.key is not None, "the page has no kept copy yet"
    return place


def _expire(client: Client, url: str) -> tuple[Place, Copy]:
    """Render url once, then age its copy past freshness; returns where it is and the copy."""
    get(client, url)
    place = _place(url)
    copy = place.stored()
    assert copy is not None
    aged = replace(copy, fresh_until=time.time() - 1)
    place.keep(RequestFactory().get(url), aged)
    return place, aged


def test_an_expired_page_is_served_stale_while_another_process_renders(
    client: Client, embassy: Mission, django_assert_num_queries
) -> None:
    url = embassy.get_absolute_url()
    place, _ = _expire(client, url)
    cache.add(place.lock, 1, 30)  # another process holds the re-render
    with django_assert_num_queries(0):
        assert get(client, url)[0] == "stale"
    cache.delete(place.lock)
    assert get(client, url)[0] == "miss"  # now this request re-renders it
    assert get(client, url)[0] == "hit"


def test_a_changed_page_waits_for_the_other_processs_new_copy(
    client: Client, embassy: Mission
) -> None:
    """Never the old copy once its data changed: a waiter takes the copy the process holding
    the lock stores (played here by a thread that writes it through the cache)."""
    url = embassy.get_absolute_url()
    place, aged = _expire(client, url)
    embassy.city = "Vladivostok"
    embassy.save()
    cache.add(place.lock, 1, 30)

    def other_process() -> None:
        time.sleep(0.3)
        _another_process_stores(url, place, aged, b"<p>the new copy</p>")

    helper = threading.Thread(target=other_process)
    helper.start()
    started = time.monotonic()
    state, _, html = get(client, url)
    helper.join()
    assert (state, html) == ("hit", "<p>the new copy</p>")
    assert 0.25 < time.monotonic() - started < WAIT_SECONDS


def test_a_changed_page_is_rendered_when_the_other_process_gives_up(
    client: Client, embassy: Mission
) -> None:
    url = embassy.get_absolute_url()
    place, _ = _expire(client, url)
    embassy.city = "Vladivostok"
    embassy.save()
    cache.add(place.lock, 1, 1)  # its holder died: the lock runs out after a second
    state, _, html = get(client, url)
    assert state == "miss" and "Vladivostok" in html


@pytest.fixture
def interleaved(settings: Any) -> Iterator[type[InterleavedCache]]:
    """The default cache replaced by one where another process acts at chosen moments."""
    backend = {"BACKEND": "tests.web.interleaving.InterleavedCache", "LOCATION": "interleaved"}
    settings.CACHES = {**settings.CACHES, "default": backend}
    InterleavedCache.reset({})
    yield InterleavedCache
    cache.clear()


def _another_process_stores(url: str, place: Place, copy: Copy, content: bytes) -> None:
    """What the process holding a page's lock does when it finishes: store, then free."""
    numbers = read(copy.gens, recheck=True)
    fresh = replace(copy, content=content, gens=numbers, fresh_until=time.time() + 60)
    place.keep(RequestFactory().get(url), fresh)
    cache.delete(place.lock)


def _first_copy(client: Client, url: str) -> tuple[Place, Copy]:
    """Render url once and keep its copy, then forget every copy: a page nobody has cached."""
    get(client, url)
    place = _place(url)
    copy = place.stored()
    assert copy is not None
    cache.clear()
    forget_kept()
    return place, copy


def test_a_copy_stored_just_before_this_process_takes_the_lock_is_served_not_rendered_again(
    client: Client, embassy: Mission, interleaved: type[InterleavedCache]
) -> None:
    """Another process stored the page and freed its lock after this request found no copy
    and before it took the lock: the page is not rendered a second time."""
    url = embassy.get_absolute_url()
    place, copy = _first_copy(client, url)
    store = partial(_another_process_stores, url, place, copy, b"<p>the other copy</p>")
    interleaved.reset({("add", place.url + ":lock", 1): store})
    assert get(client, url)[::2] == ("hit", "<p>the other copy</p>")


def test_a_waiter_takes_the_copy_stored_while_it_slept(
    client: Client, embassy: Mission, interleaved: type[InterleavedCache]
) -> None:
    """The other process stores its copy and frees the lock between two looks of a waiting
    request: the waiter serves that copy rather than rendering the page again."""
    url = embassy.get_absolute_url()
    place, copy = _first_copy(client, url)
    cache.add(place.url + ":lock", 1, 30)  # the URL's Vary is forgotten too: its lock
    store = partial(_another_process_stores, url, place, copy, b"<p>the other copy</p>")
    interleaved.reset({("has_key", place.url + ":lock", 2): store})
    assert get(client, url)[::2] == ("hit", "<p>the other copy</p>")


def test_cache_settings_fit_the_page_cache() -> None:
    """Every process must see the same generations: Redis when REDIS_URL is set."""
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend.endswith("TolerantRedisCache" if settings.REDIS_URL else "LocMemCache")
    assert MAX_AGE <= FRESH_SECONDS


def test_a_page_whose_database_fails_while_it_renders_again_serves_the_kept_copy(
    client: Client, embassy: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database goes away after the copy expired: the last copy beats a 503."""
    from django.db import OperationalError

    from embassies.countries.models import Country

    url = "/countries/russia/"
    _expire(client, url)

    def down(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(Country.objects, "get_queryset", down)
    state, _, html = get(client, url)
    assert state == "stale" and "Moscow" in html
    monkeypatch.undo()
    assert get(client, url)[0] == "miss"
