"""The finder reads the in-memory snapshot of the data (directory/search/index.py): every
change it depends on shows at once (missions, arrangements, emergency lines, reopenings),
alerts start and end by the clock, and the API writes what its schema would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from embassies.api.search import FindOut
from embassies.assistance.finder import find
from embassies.assistance.models import Arrangement, ArrangementKind, EmergencyLine
from embassies.assistance.serialize import finder_to_dict
from embassies.countries.models import Country
from embassies.directory.kinds import Kind
from embassies.directory.models import Mission
from embassies.directory.search import index
from embassies.lib import generations
from tests.alerts.builders import make_alert
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_generations(settings: Any) -> None:
    """Generation numbers of these tests' own (the default folder is shared between runs)."""
    own = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "finder"}
    settings.CACHES = {**settings.CACHES, "generations": own}
    caches["generations"].clear()


def c(code: str) -> Country:
    return Country.objects.get(code=code)


def cities(citizen: str, host: str) -> list[str]:
    return [a.mission.city for a in find(citizen, host).answers if a.mission is not None]


@pytest.fixture
def embassy() -> Mission:
    return make_mission(sending=c("AU"), host=c("RU"), city="Moscow", lat=55.75, lon=37.64)


def test_a_new_or_changed_mission_shows_at_once(embassy: Mission) -> None:
    assert cities("AU", "RU") == ["Moscow"]
    make_mission(sending=c("AU"), host=c("RU"), city="Vladivostok", kind=Kind.CONSULATE_GENERAL)
    assert cities("AU", "RU") == ["Moscow", "Vladivostok"]
    embassy.city = "Moskva"
    embassy.save()
    assert cities("AU", "RU") == ["Moskva", "Vladivostok"]


def test_another_processs_change_shows_once_it_is_announced(embassy: Mission) -> None:
    assert cities("AU", "RU") == ["Moscow"]
    Mission.objects.filter(pk=embassy.pk).update(city="Moskva")  # written elsewhere
    generations.bump(index.GENERATION)  # that process's announcement, all this one sees
    assert cities("AU", "RU") == ["Moskva"]


def test_a_new_arrangement_and_emergency_line_show_at_once() -> None:
    make_mission(sending=c("CH"), host=c("IR"), city="Tehran")
    before = find("US", "IR")
    assert before.answers == [] and before.emergency_lines == []
    Arrangement.objects.create(
        represented=c("US"), host=c("IR"), representing=c("CH"),
        kind=ArrangementKind.PROTECTING_POWER, source_url="https://example.org/ch",
    )  # fmt: skip
    EmergencyLine.objects.create(country=c("US"), name="State", phone="+1 888 407 4747",
                                 source_url="https://example.org/us")  # fmt: skip
    after = find("US", "IR")
    assert [a.basis for a in after.answers] == ["protecting_power"]
    assert [line.phone for line in after.emergency_lines] == ["+1 888 407 4747"]


def test_a_renamed_country_shows_at_once(embassy: Mission) -> None:
    assert find("AU", "RU").host.name == "Russia"
    Country.objects.filter(code="RU").update(name="Russian Federation")
    generations.bump(index.GENERATION)  # a bulk write announces everything_changed
    assert find("AU", "RU").host.name == "Russian Federation"


def test_an_alert_starts_by_the_clock_without_any_change(
    embassy: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = timezone.now() + timedelta(hours=1)
    make_alert("RU", "Unrest", starts_at=start)
    assert find("AU", "RU").alerts == []
    later = start + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert [a["headline"] for a in find("AU", "RU").alerts] == ["Unrest"]


def test_the_api_writes_what_the_schema_would(client: Client, embassy: Mission) -> None:
    params = {"citizen": "AU", "in": "RU", "near": "55.7,37.6"}
    for city in ("Moscow", "Moskva"):
        response = client.get("/api/v1/find", params)
        expected = FindOut.model_validate(
            finder_to_dict(find("AU", "RU", (55.7, 37.6)), response.wsgi_request)
        ).model_dump(by_alias=True)
        assert response.json() == expected
        assert response.json()["answers"][0]["mission"]["city"] == city
        assert response["Content-Type"] == "application/json; charset=utf-8"
        embassy.city = "Moskva"
        embassy.save()
