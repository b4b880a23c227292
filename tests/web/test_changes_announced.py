"""The domain announces which countries' data changed, once per transaction after it commits
(embassies/lib/changes.py), and the page cache listens: a cached page is fresh after every
kind of change, including those written without model signals (QuerySet.update)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from embassies.directory.models import Mission
from embassies.lib.changes import changed, countries_changed
from tests.corrections.builders import CANADA_MOSCOW, HEADER
from tests.directory.admin_helpers import editor_client
from tests.factories import make_country, make_mission
from tests.web.test_page_cache import get

pytestmark = pytest.mark.django_db

STALE = "may be out of date: call before you go."
Commit = Callable[..., AbstractContextManager[Any]]


@pytest.fixture
def announcements() -> Iterator[list[dict[str, Any]]]:
    """Every announcement made during the test, as its keyword arguments."""
    received: list[dict[str, Any]] = []

    def receiver(sender: Any, **kwargs: Any) -> None:
        received.append({k: v for k, v in kwargs.items() if k != "signal"})

    changed.connect(receiver, weak=False, dispatch_uid="test")
    yield received
    changed.disconnect(dispatch_uid="test")


def _import(tmp_path: Path, as_of: str) -> None:
    path = tmp_path / f"canada-{as_of}.csv"
    path.write_text(f"{HEADER}\n{CANADA_MOSCOW}\n", encoding="utf-8")
    call_command("import", "wikidata-csv", str(path), "--as-of", as_of, stdout=StringIO())


def test_an_import_that_only_confirms_a_mission_changes_its_page(
    client: Client, tmp_path: Path
) -> None:
    _import(tmp_path, "2022-11-16")
    mission = Mission.objects.get(wikidata="Q4374011")
    url = mission.get_absolute_url()
    assert STALE in get(client, url)[2] and get(client, url)[0] == "hit"
    _import(tmp_path, timezone.now().date().isoformat())  # the same row, confirmed today
    mission.refresh_from_db()
    assert mission.verified_at is not None and mission.verified_at.year > 2022
    state, _, html = get(client, url)
    assert state == "miss" and STALE not in html


def test_marking_missions_verified_in_the_admin_changes_their_pages(client: Client) -> None:
    mission = make_mission(verified_at=timezone.now().replace(year=2022))
    urls = [mission.get_absolute_url(), "/countries/russia/"]
    for url in urls:
        get(client, url)
        assert get(client, url)[0] == "hit"
    admin, _ = editor_client()
    changelist = reverse("admin:directory_mission_changelist")
    answer = admin.post(changelist, {"action": "mark_verified", "_selected_action": [mission.pk]})
    assert answer.status_code == 302
    for url in urls:
        assert get(client, url)[0] == "miss", url
    assert STALE not in get(client, urls[0])[2]


def _many_in_moscow(count: int) -> list[Mission]:
    canada, russia = make_country("CA", "Canada"), make_country("RU", "Russia")
    return [
        make_mission(sending=canada, host=russia, city=f"Town {n}", slug=f"canada-town-{n}")
        for n in range(count)
    ]


@pytest.mark.usefixtures("batched_changes")
def test_deleting_many_missions_in_one_transaction_announces_once(
    client: Client,
    announcements: list[dict[str, Any]],
    django_capture_on_commit_callbacks: Commit,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _many_in_moscow(30)
    assert "Town 29" in get(client, "/countries/russia/")[2]
    announcements.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        deleted, _ = Mission.objects.filter(host_id="RU").delete()
        assert deleted >= 30 and announcements == []  # nothing before the commit
    assert announcements == [{"countries": frozenset({"CA", "RU"}), "everything": False}]
    state, _, html = get(client, "/countries/russia/")
    assert state == "miss" and "Town 29" not in html


@pytest.mark.usefixtures("batched_changes")
def test_saving_many_missions_in_one_transaction_announces_once(
    client: Client,
    announcements: list[dict[str, Any]],
    django_capture_on_commit_callbacks: Commit,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        missions = _many_in_moscow(10)
    get(client, "/countries/russia/")
    announcements.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for mission in missions:
            mission.city = f"Village {mission.pk}"
            mission.save()
    assert len(announcements) == 1 and announcements[0]["countries"] == {"CA", "RU"}
    state, _, html = get(client, "/countries/russia/")
    assert state == "miss" and f"Village {missions[-1].pk}" in html


class Boom(Exception):
    pass


@pytest.mark.usefixtures("batched_changes")
def test_a_rolled_back_transaction_announces_nothing(
    client: Client,
    announcements: list[dict[str, Any]],
    django_capture_on_commit_callbacks: Commit,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _many_in_moscow(3)
    get(client, "/countries/russia/")
    announcements.clear()
    capture = django_capture_on_commit_callbacks(execute=True)
    with capture, pytest.raises(Boom), transaction.atomic():
        Mission.objects.filter(host_id="RU").delete()
        raise Boom
    assert announcements == []
    assert get(client, "/countries/russia/")[0] == "hit"


@pytest.mark.usefixtures("batched_changes")
def test_nested_blocks_announce_once_at_the_outermost_commit(
    announcements: list[dict[str, Any]], django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(Boom), transaction.atomic():
            countries_changed(["fr"])  # the first change: rolled back with its savepoint
            raise Boom
        countries_changed(["de"])
        with transaction.atomic():
            countries_changed(["it"])
        assert announcements == []
    assert announcements == [{"countries": frozenset({"DE", "IT"}), "everything": False}]


@pytest.mark.django_db(transaction=True)
def test_a_change_outside_a_transaction_is_announced_at_once(
    announcements: list[dict[str, Any]],
) -> None:
    countries_changed(["ru", "", "ca"])
    assert announcements == [{"countries": frozenset({"RU", "CA"}), "everything": False}]
