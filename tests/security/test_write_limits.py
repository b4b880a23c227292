"""The correction form's limits hold on every write path: the API (PATCH and POST), the admin,
accepted corrections and the import. An oversized address, 60,000 phone numbers, and phones or
emails carrying markup, line breaks or `javascript:` are refused with the field named."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client

from embassies.api.models import ApiToken
from embassies.corrections.models import Correction
from embassies.corrections.moderation import ModerationError, accept
from embassies.directory.models import ImportRun, Mission
from tests.corrections.builders import CANADA_MOSCOW, HEADER, form_data, import_rows, suggest_url
from tests.directory.admin_helpers import change_url, editor_client, form_fields
from tests.directory.osm_answers import CANADA as OSM_CANADA
from tests.directory.osm_answers import answer as osm_answer
from tests.directory.osm_answers import moscow_missions
from tests.directory.osm_answers import write_answer as write_osm
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

HUGE_ADDRESS = "Starokonyushenny 23 " * 49_500  # 990,000 characters: the attack's 990 KB
MANY_PHONES = ["1"] * 60_000
HOSTILE_PHONES = [
    "<script>alert(1)</script>",
    "+7 495 925-60-00\r\nX-Injected: yes",
    "+7 495 925-60-00\n<b>call</b>",
    "javascript:alert(1)",
    "tel:+74959256000",
    "+7 495 925-60-00" + "0" * 100,
]
HOSTILE_EMAILS = [
    "consul@example.org\r\nBcc: everyone@example.org",
    "consul@example.org\n",
    "<script>@example.org",
    "javascript:alert(1)//@example.org",
]
PHONE = "+7 495 925-60-00"


@pytest.fixture
def token() -> str:
    return ApiToken.issue("newsroom-bot")[1]


@pytest.fixture
def embassy() -> Mission:
    return make_mission(wikidata="Q4374011", address="Starokonyushenny 23", phones=[PHONE])


def patch(client: Client, token: str, body: dict[str, Any]) -> Any:
    return client.patch(
        "/api/v1/missions/Q4374011",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def reason(response: Any, field: str) -> str:
    """The one-line reason the API gives for `field`, in its error shape."""
    assert response.status_code == 422, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == "invalid"
    (line,) = error["details"][field]
    assert "\n" not in line and len(line) < 200
    return str(line)


def unchanged(mission: Mission) -> bool:
    stored = Mission.objects.get(pk=mission.pk)
    return (stored.address, stored.phones, stored.emails) == (
        mission.address,
        mission.phones,
        mission.emails,
    )


def test_patch_refuses_a_990_kb_address(client: Client, token: str, embassy: Mission) -> None:
    response = patch(client, token, {"address": HUGE_ADDRESS})
    assert "at most 1000 characters" in reason(response, "address")
    assert unchanged(embassy)


def test_patch_refuses_60000_phone_numbers(client: Client, token: str, embassy: Mission) -> None:
    response = patch(client, token, {"phones": MANY_PHONES})
    assert "At most 10 items" in reason(response, "phones")
    assert unchanged(embassy)


@pytest.mark.parametrize("phone", HOSTILE_PHONES)
def test_patch_refuses_a_phone_with_markup_line_breaks_or_a_scheme(
    client: Client, token: str, embassy: Mission, phone: str
) -> None:
    response = patch(client, token, {"phones": [PHONE, phone]})
    assert reason(response, "phones")
    assert unchanged(embassy)


@pytest.mark.parametrize("email", HOSTILE_EMAILS)
def test_patch_refuses_an_email_with_line_breaks_or_markup(
    client: Client, token: str, embassy: Mission, email: str
) -> None:
    response = patch(client, token, {"emails": ["consul@example.org", email]})
    assert "is not an email address" in reason(response, "emails")
    assert unchanged(embassy)


def test_patch_names_every_field_refused_at_once(
    client: Client, token: str, embassy: Mission
) -> None:
    response = patch(client, token, {"address": HUGE_ADDRESS[:5000], "phones": ["<b>1</b>"]})
    assert set(response.json()["error"]["details"]) == {"address", "phones"}


def test_patch_still_accepts_ordinary_contacts(
    client: Client, token: str, embassy: Mission
) -> None:
    phones = ["+1 (613) 996-8885 ext. 123", "+7 495 925.60.00", "8/800 555 35 35"]
    body = {"phones": phones, "emails": ["consul@example.org"], "address": "a" * 1000}
    response = patch(client, token, body)
    assert response.status_code == 200, response.content[:300]
    assert Mission.objects.get(pk=embassy.pk).phones == phones


def test_post_refuses_a_new_mission_with_60000_phones(client: Client, token: str) -> None:
    make_country("IS", "Iceland")
    make_country("MN", "Mongolia")
    body = {"sending": "IS", "host": "MN", "phones": MANY_PHONES}
    response = client.post(
        "/api/v1/missions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert "At most 10 items" in reason(response, "phones")
    assert not Mission.objects.filter(sending="IS").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("address", HUGE_ADDRESS),
        ("phones", "\n".join(str(n) for n in range(11))),
        ("phones", "<script>alert(1)</script>"),
        ("phones", "javascript:alert(1)"),
        ("emails", "consul@example.org\r\nBcc: everyone@example.org"),
    ],
)
def test_the_admin_form_refuses_past_the_limits_beside_the_field(
    embassy: Mission, field: str, value: str
) -> None:
    client, _ = editor_client()
    data = form_fields(client, change_url(embassy)) | {field: value}
    response = client.post(change_url(embassy), data)
    assert response.status_code == 200  # the form again, not a redirect
    assert list(response.context["adminform"].form.errors) == [field]
    assert unchanged(embassy)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("address", HUGE_ADDRESS),
        ("phones", "\n".join(MANY_PHONES)),
        ("phones", "<script>alert(1)</script>"),
        ("phones", "javascript:alert(1)"),
        ("emails", "consul@example.org\r\nBcc: everyone@example.org"),
    ],
)
def test_the_correction_form_refuses_the_same_values(
    client: Client, embassy: Mission, field: str, value: str
) -> None:
    # Guards what the form already refused: the limits it now takes from the shared module.
    response = client.post(suggest_url(embassy), form_data(embassy, **{field: value}))
    assert response.status_code == 400
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"phones": ["<script>alert(1)</script>"]},
        {"phones": MANY_PHONES[:11]},
        {"emails": ["consul@example.org\r\nBcc: everyone@example.org"]},
    ],
)
def test_accepting_a_stored_correction_past_the_limits_is_refused(
    embassy: Mission, changes: dict[str, list[str]]
) -> None:
    # A correction stored before the limits: accepting it goes through the API's edit path.
    correction = Correction.objects.create(mission=embassy, changes=changes, original={})
    moderator = User.objects.create_superuser("moderator", "m@example.org", "x")
    with pytest.raises(ModerationError, match=next(iter(changes))):
        accept(correction, moderator)
    assert unchanged(embassy)


def with_columns(line: str, **values: str) -> str:
    cells = line.split(";")
    names = HEADER.split(";")
    for name, value in values.items():
        cells[names.index(name)] = value
    return ";".join(cells)


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        ("phone", "<script>alert(1)</script>", "phones"),
        ("phone", "javascript:alert(1)", "phones"),
        ("phone", '"+7 495 925-60-00\r\nX-Injected: yes"', "phones"),
        ("email", '"consul@example.org\r\nBcc: everyone@example.org"', "emails"),
        ("address", "Starokonyushenny 23 " * 250, "address"),
    ],
)
def test_an_import_drops_a_value_past_the_limits_and_says_why(
    tmp_path: Path, column: str, value: str, field: str
) -> None:
    import_rows(tmp_path, [with_columns(CANADA_MOSCOW, **{column: value})])
    mission = Mission.objects.get(wikidata="Q4374011")  # kept: a bad phone closes no office
    assert getattr(mission, field) in ("", [])
    (repair,) = ImportRun.objects.latest().repairs
    assert repair["repair"].startswith(f"{field} dropped: ")
    assert field in mission.notes


def test_an_import_refuses_a_file_with_a_990_kb_address(tmp_path: Path) -> None:
    # Guards what the CSV reader already did: a field past its size limit refuses the file.
    with pytest.raises(CommandError, match="longer than"):
        import_rows(tmp_path, [with_columns(CANADA_MOSCOW, address=HUGE_ADDRESS)])
    assert not Mission.objects.exists()


@pytest.mark.parametrize(
    ("tag", "value", "field"),
    [
        ("contact:phone", "<script>alert(1)</script>", "phones"),
        ("contact:phone", "javascript:alert(1)", "phones"),
        ("contact:email", "consul@example.org\r\nBcc: everyone@example.org", "emails"),
        ("addr:street", "Starokonyushenny " * 80, "address"),
    ],
)
def test_an_openstreetmap_import_drops_a_value_past_the_limits_and_says_why(
    tmp_path: Path, tag: str, value: str, field: str
) -> None:
    """Anyone can edit OpenStreetMap: its values pass the same limits as every write path."""
    missions = moscow_missions()
    element = copy.deepcopy(OSM_CANADA)
    element["tags"][tag] = value
    call_command("import", "osm-json", str(write_osm(tmp_path / "a.json", osm_answer(element))))
    mission = Mission.objects.get(pk=missions["CA"].pk)
    assert mission.osm_id  # matched and filled: the rest of the element was taken
    assert value not in str(getattr(mission, field))
    notes = [r["repair"] for r in ImportRun.objects.latest().repairs]
    assert any(n.startswith(f"{field} dropped: ") for n in notes), notes
