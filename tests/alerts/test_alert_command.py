"""`embassies alert add CC --headline TEXT [--level N] [--until DATE] [--body TEXT]`."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from embassies.alerts.models import Alert, Severity, Source
from tests.factories import make_mission
from tests.helpers import EMBASSIES

pytestmark = pytest.mark.django_db

HEADLINE = "Russia is currently at war in Ukraine"


def add(*args: str) -> str:
    out = StringIO()
    call_command("alert", "add", *args, stdout=out)
    return out.getvalue()


def test_the_contract_call() -> None:
    out = add("RU", "--headline", HEADLINE)
    alert = Alert.objects.get()
    assert (alert.country_id, alert.headline, alert.severity) == ("RU", HEADLINE, Severity.CRISIS)
    assert alert.source == Source.EDITOR and alert.ends_at is None and alert.is_active()
    assert out.startswith(f"alert {alert.pk} added: Russia, crisis: {HEADLINE}")


@pytest.mark.parametrize(
    ("level", "severity"), [("1", 1), ("2", 2), ("3", 3), ("advisory", 2), ("Information", 1)]
)
def test_levels_by_number_or_name(level: str, severity: int) -> None:
    add("ua", "--headline", "Air raid alerts", "--level", level)
    assert Alert.objects.get().severity == severity


def test_until_a_date_lasts_through_that_day_and_json_output() -> None:
    day = (datetime.now(UTC) + timedelta(days=3)).date()
    body = json.loads(
        add(
            "RU",
            "--headline",
            HEADLINE,
            "--until",
            day.isoformat(),
            "--body",
            "Flights suspended.",
            "--json",
        )
    )
    end = datetime.fromisoformat(body["ends_at"])
    assert end == datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    assert (body["code"], body["severity"], body["body"]) == ("RU", "crisis", "Flights suspended.")
    assert body["finder_url"] == "/find/?in=RU"


def test_affected_missions() -> None:
    embassy = make_mission()
    add("RU", "--headline", "Embassy closed to the public", "--mission", str(embassy.pk))
    assert list(Alert.objects.get().missions.all()) == [embassy]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["XX", "--headline", HEADLINE], "unknown country code"),
        (["RU", "--headline", HEADLINE, "--level", "5"], "unknown level"),
        (["RU", "--headline", HEADLINE, "--until", "yesterday"], "use a date"),
        (["RU", "--headline", HEADLINE, "--until", "2001-01-01"], "not in the future"),
        (["RU", "--headline", "  "], "headline is empty"),
        (["RU", "--headline", "x" * 201], "longer than 200"),
        (["RU", "--headline", HEADLINE, "--mission", "999999"], "no mission with id 999999"),
    ],
)
def test_bad_input_is_a_command_error_and_adds_nothing(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        add(*args)
    assert not Alert.objects.exists()


def test_fresh_install_from_the_console(tmp_path: Path) -> None:
    """The contract check: in a new data folder the first command builds the schema (a fresh
    install, not an upgrade) and the alert is added with exit status 0."""
    env = {"EMBASSIES_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    add = [str(EMBASSIES), "alert", "add", "RU", "--headline", HEADLINE]
    done = subprocess.run(add, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "added: Russia, crisis" in done.stdout
