"""The admin as an editor uses it: a logged-in superuser, forms read from the page and sent back."""

from __future__ import annotations

from typing import Any

import lxml.html
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from embassies.directory.models import Mission


def editor_client(username: str = "anna") -> tuple[Client, User]:
    user = User.objects.create_superuser(username, f"{username}@example.org", "x")
    client = Client()
    client.force_login(user)
    return client, user


def form_fields(client: Client, url: str) -> dict[str, Any]:
    """What the page's main form would send unchanged, as a browser fills it in."""
    response = client.get(url)
    assert response.status_code == 200, url
    document = lxml.html.fromstring(response.content.decode())
    # The page's main form: the header's log-out form is a POST form too.
    form = max(document.forms, key=lambda f: len(f.inputs))
    textareas = {el.name for el in form.inputs if el.tag == "textarea"}
    data: dict[str, Any] = {}
    for name, value in form.form_values():
        # Browsers drop the newline that opens a textarea's content; lxml keeps it.
        value = value.removeprefix("\n") if name in textareas else value
        data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def change_url(mission: Mission) -> str:
    return reverse("admin:directory_mission_change", args=[mission.pk])


def add_accreditation_inline(client: Client, mission: Mission, code: str) -> int:
    """Send the mission's admin page with one more state in its accreditations inline; the
    answer's status."""
    data = form_fields(client, change_url(mission))
    total = int(data["Mission_accreditations-TOTAL_FORMS"])
    data |= {
        "Mission_accreditations-TOTAL_FORMS": str(total + 1),
        f"Mission_accreditations-{total}-country": code,
    }
    return client.post(change_url(mission), data).status_code
