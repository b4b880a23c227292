"""The public form refuses spam, markup, oversized text and bad values, each with a reason."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from embassies.corrections.forms import TOTAL_LIMIT
from embassies.corrections.models import Correction
from embassies.directory.models import Mission
from embassies.lib.rates import Rate
from tests.corrections.builders import form_data, post_as, suggest_url
from tests.factories import make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission() -> Mission:
    return make_mission(address="Starokonyushenny 23", phones=["+7 495 925-60-00"])


def test_a_filled_honeypot_is_refused_without_detail(client: Client, mission: Mission) -> None:
    response = client.post(
        suggest_url(mission), form_data(mission, city="Moskva", homepage="https://spam.example")
    )
    page = response.content.decode()
    assert response.status_code == 400 and "could not be accepted" in page
    assert "homepage" not in page.lower() and "empty" not in page.lower()
    assert not Correction.objects.exists()


def test_an_oversized_field_is_refused(client: Client, mission: Mission) -> None:
    response = client.post(suggest_url(mission), form_data(mission, address="x" * 1001))
    assert response.status_code == 400
    assert "at most 1000 characters (it has 1001)" in response.content.decode()
    assert not Correction.objects.exists()


def test_an_oversized_total_is_refused(client: Client, mission: Mission) -> None:
    # Each field within its own limit, together over the form's.
    data = form_data(
        mission,
        address="a" * 1000,
        comment="c" * 2000,
        city="Moskva",
        emails="\n".join(f"desk{i}@example.org" for i in range(10)) + "\n" + "x" * 800,
        opening_hours="Mo-Fr 09:00-17:00" + " " * 400,
    )
    assert all(len(data[name]) <= limit for name, limit in [("address", 1000), ("comment", 2000)])
    assert sum(len(v) for v in data.values()) > TOTAL_LIMIT
    response = client.post(suggest_url(mission), data)
    assert response.status_code == 400 and "too much text at once" in response.content.decode()
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("head_of_mission", "<script>alert(1)</script>"),
        ("address", '<img src="x" onerror="alert(1)">'),
        ("comment", "Please <b>fix</b> this"),
        ("city", "< script >"),
        ("comment", "<!-- hidden -->"),
    ],
)
def test_markup_is_refused_with_a_message_on_its_field(
    client: Client, mission: Mission, field: str, value: str
) -> None:
    response = client.post(suggest_url(mission), form_data(mission, **{field: value}))
    page = response.content.decode()
    assert response.status_code == 400
    assert "HTML tags and scripts are not accepted here" in page
    assert f'id="id_{field}_error"' in page  # the message sits on the field concerned
    assert "<script>alert" not in page and "<b>fix" not in page  # shown back only escaped
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("website", "javascript:alert(document.cookie)"),
        ("source_url", "JavaScript:alert(1)"),
        ("website", "java\tscript:alert(1)"),
        ("comment", "see javascript:void(0)"),
    ],
)
def test_javascript_links_are_refused(
    client: Client, mission: Mission, field: str, value: str
) -> None:
    response = client.post(
        suggest_url(mission), form_data(mission, city="Moskva", **{field: value})
    )
    page = response.content.decode()
    assert response.status_code == 400 and "javascript: and similar links" in page
    assert f'id="id_{field}_error"' in page
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phones": "+7 495 925-60-00\ncall me maybe"}, "“call me maybe” is not a phone number"),
        ({"phones": "+7 12"}, "“+7 12” is not a phone number"),
        ({"emails": "consul at example"}, "“consul at example” is not an email address"),
        ({"website": "not a site"}, "This is not a web address"),
        ({"website": "ftp://example.org/"}, "starts with http:// or https://"),
        ({"opening_hours": "Mo-Fr 9-"}, "Write the hours in OpenStreetMap syntax"),
        ({"status": "demolished"}, "Select a valid choice"),
    ],
)
def test_bad_values_are_refused_with_what_to_change(
    client: Client, mission: Mission, changes: dict[str, str], message: str
) -> None:
    response = client.post(suggest_url(mission), form_data(mission, **changes))
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    assert changes[next(iter(changes))].splitlines()[-1] in page  # what was typed is kept
    assert not Correction.objects.exists()


def test_good_values_are_normalised(client: Client, mission: Mission) -> None:
    changes: dict[str, Any] = {
        "phones": "+7 495 925-60-00\n+74959256001",
        "emails": "consul@example.org",
        "website": "www.example.org/moscow",
        "opening_hours": "Mo-Fr 09:00-13:00; PH off",
        "status": "suspended",
    }
    assert client.post(suggest_url(mission), form_data(mission, **changes)).status_code == 302
    assert Correction.objects.get().changes == {
        "phones": ["+7 495 925-60-00", "+7 495 925-60-01"],
        "emails": ["consul@example.org"],
        "website": "https://www.example.org/moscow",
        "opening_hours": "Mo-Fr 09:00-13:00; PH off",
        "status": "suspended",
    }


def test_the_sixth_correction_in_an_hour_from_one_address_is_refused(
    client: Client, mission: Mission, settings: Any
) -> None:
    settings.CORRECTION_RATE = Rate(5, 3600)
    for n in range(5):
        assert post_as(client, mission, "203.0.113.5", city=f"Moskva {n}").status_code == 302
    refused = post_as(client, mission, "203.0.113.5", city="Moskva 6")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    page = refused.content.decode()
    assert "try again later" in page and 'value="Moskva 6"' in page  # nothing typed is lost
    assert Correction.objects.count() == 5
    assert post_as(client, mission, "198.51.100.7", city="Moskva 7").status_code == 302
    assert Correction.objects.count() == 6


def test_the_submitter_is_kept_only_as_a_salted_hash(client: Client, mission: Mission) -> None:
    post_as(client, mission, "203.0.113.5", city="Moskva")
    post_as(client, mission, "203.0.113.5", city="Moskva 2")
    stored = list(Correction.objects.values_list("submitter_hash", flat=True))
    assert len(set(stored)) == 1 and len(stored[0]) == 64
    assert "203.0.113.5" not in stored[0]
    import hashlib

    assert stored[0] != hashlib.sha256(b"203.0.113.5").hexdigest()  # salted, not a plain hash


def test_csrf_is_enforced(mission: Mission) -> None:
    browser = Client(enforce_csrf_checks=True)
    refused = browser.post(suggest_url(mission), form_data(mission, city="Moskva"))
    assert refused.status_code == 403 and not Correction.objects.exists()
    browser.get(suggest_url(mission))
    token = browser.cookies["csrftoken"].value
    data = {**form_data(mission, city="Moskva"), "csrfmiddlewaretoken": token}
    assert browser.post(suggest_url(mission), data).status_code == 302
    assert Correction.objects.count() == 1
