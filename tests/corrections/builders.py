"""Helpers for correction tests: the form as a browser sends it, a staff client, small imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from embassies.directory.models import Mission
from tests.conftest import snapshot_lines

HEADER, *LINES = snapshot_lines()
CANADA_MOSCOW = next(line for line in LINES if line.rstrip(";").endswith("/Q4374011"))
WEBSITE_COLUMN = 13


def form_data(mission: Mission, **changes: str) -> dict[str, str]:
    """Every field as the prefilled form shows it, with `changes` typed over it."""
    data = {
        "address": mission.address,
        "city": mission.city,
        "phones": "\n".join(mission.phones),
        "emails": "\n".join(mission.emails),
        "website": mission.website,
        "opening_hours": mission.opening_hours,
        "status": mission.status,
        "head_of_mission": mission.head_of_mission,
        "comment": "",
        "source_url": "",
        "homepage": "",
    }
    return {**data, **changes}


def suggest_url(mission: Mission) -> str:
    return reverse("corrections:suggest", args=[mission.pk])


def staff_client(username: str = "moderator") -> tuple[Client, User]:
    user = User.objects.create_superuser(username, f"{username}@example.org", "x")
    client = Client()
    client.force_login(user)
    return client, user


def changelist_url() -> str:
    return reverse("admin:corrections_correction_changelist")


def review_url(pk: int) -> str:
    return reverse("admin:corrections_correction_change", args=[pk])


def import_rows(tmp_path: Path, lines: list[str], name: str = "missions.csv") -> None:
    """`embassies import wikidata-csv` on a small file in the snapshot's format."""
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    call_command("import", "wikidata-csv", str(path))


def with_website(line: str, website: str) -> str:
    fields = line.split(";")
    fields[WEBSITE_COLUMN] = website
    return ";".join(fields)


def post_as(client: Client, mission: Mission, address: str, **changes: Any) -> Any:
    return client.post(suggest_url(mission), form_data(mission, **changes), REMOTE_ADDR=address)
