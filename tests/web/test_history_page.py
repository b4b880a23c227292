"""A mission's public history: each field's value, when it last changed and from where in plain
words, the verified date, every version; escaped, naming no editor or token."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from embassies.directory.editing import admin_editor, edit_mission, mark_edited, save_edit
from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & "quotes"'


@pytest.fixture
def mission() -> Mission:
    """Imported from Wikidata, then phones set with a token, the website by an admin user, the
    address from a reader's correction."""
    embassy = make_mission(
        wikidata="Q4374011",
        city="Moscow",
        address="Starokonyushenny pereulok 23",
        lat=55.7478,
        lon=37.5953,
        website="https://old.example/",
        sources={
            "city": "wikidata",
            "address": "wikidata",
            "lat": "wikidata",
            "lon": "wikidata",
            "website": "wikidata",
            "sending": "wikidata",
            "host": "wikidata",
        },
        accreditations=[make_country("BY", "Belarus")],
    )
    edit_mission(embassy, {"phones": ["+7 495 925 6000"]}, "editor:api:secret-newsroom-token")
    embassy.website = "https://canada.example/ru"
    save_edit(embassy, admin_editor("alice.admin"))
    edit_mission(embassy, {"address": HOSTILE}, "editor:correction:12:bob.moderator")
    return embassy


def page(client: Client, mission: Mission) -> str:
    response = client.get(reverse("web:mission_history", args=[mission.pk, mission.slug]))
    assert response.status_code == 200
    return response.content.decode()


def row(html: str, label: str) -> str:
    found = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', html, re.S)
    assert found, label
    return found.group(1)


def test_each_field_names_its_source_in_plain_words(client: Client, mission: Mission) -> None:
    html = page(client, mission)
    assert "Wikidata" in row(html, "City")
    assert "An editor" in row(html, "Phone")
    assert "An editor" in row(html, "Website")
    assert "A reader&#x27;s correction, accepted by an editor" in row(html, "Address")
    assert "Belarus" in row(html, "Also accredited to")


def test_each_field_shows_when_it_last_changed(client: Client, mission: Mission) -> None:
    versions = list(mission.history.order_by("history_date", "history_id"))
    created, phones_set, website_set, address_set = versions
    html = page(client, mission)
    assert f'datetime="{phones_set.history_date.isoformat()}"' in row(html, "Phone")
    assert f'datetime="{website_set.history_date.isoformat()}"' in row(html, "Website")
    assert f'datetime="{address_set.history_date.isoformat()}"' in row(html, "Address")
    assert f'datetime="{created.history_date.isoformat()}"' in row(html, "City")
    # Belarus was added after the first version was made: the next version is the first to hold it.
    assert f'datetime="{phones_set.history_date.isoformat()}"' in row(html, "Also accredited to")
    assert "never set" in row(html, "Opening hours")


def test_verified_date_and_timeline(client: Client, mission: Mission) -> None:
    mission.refresh_from_db()
    html = page(client, mission)
    # The last to confirm it was the accepted correction: its date, in plain words.
    confirmed = "Last verified by a reader&#x27;s correction, accepted by an editor as of"
    assert f'{confirmed} <time datetime="{mission.verified_at.isoformat()}"' in html
    timeline = html.split('id="versions-title"', 1)[1]
    assert timeline.count("<tr>") == 1 + 4  # the header, then four versions
    assert "<td>Added</td>" in timeline
    # Belarus was added to the mission without a version: the next one holds it.
    assert "<td>Phone, Also accredited to</td>" in timeline
    assert "<td>Not recorded</td>" in timeline  # the first save gave no reason


def test_everything_is_escaped_and_no_editor_or_token_is_named(
    client: Client, mission: Mission
) -> None:
    html = page(client, mission)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    for secret in ("secret-newsroom-token", "alice.admin", "bob.moderator", "editor:"):
        assert secret not in html


def test_the_mission_page_links_to_its_history_and_shows_the_verified_date(
    client: Client, mission: Mission
) -> None:
    mission.refresh_from_db()
    html = client.get(mission.get_absolute_url()).content.decode()
    history_url = reverse("web:mission_history", args=[mission.pk, mission.slug])
    assert f'href="{history_url}"' in html and "History and sources" in html
    assert f'<time datetime="{mission.verified_at.isoformat()}"' in html


def test_an_old_slug_redirects_and_an_unknown_mission_is_404(
    client: Client, mission: Mission
) -> None:
    old = client.get(reverse("web:mission_history", args=[mission.pk, "old-name"]))
    assert old.status_code == 301
    assert old["Location"] == reverse("web:mission_history", args=[mission.pk, mission.slug])
    assert client.get(reverse("web:mission_history", args=[999999, "x"])).status_code == 404


def test_queries_do_not_grow_with_the_number_of_versions(
    client: Client, mission: Mission, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(5):  # type: ignore[operator]
        page(client, mission)
    for number in range(30):
        edit_mission(mission, {"head_of_mission": f"Ambassador {number}"}, "editor:api:bot")
    with django_assert_max_num_queries(5):  # type: ignore[operator]
        html = page(client, mission)
    assert html.count("<td>Changed</td>") == 33


def test_a_mission_without_versions_still_has_a_page(client: Client) -> None:
    bare = make_mission(city="Vladivostok")
    bare.history.all().delete()
    html = page(client, bare)
    assert "No version has been recorded" in html
    assert "before the history was kept" in row(html, "City")


def test_no_public_surface_names_an_editor_or_a_token(client: Client, mission: Mission) -> None:
    page_html = client.get(mission.get_absolute_url()).content.decode()
    api = client.get(f"/api/v1/missions/{mission.pk}").json()
    assert api["sources"]["phones"] == "editor"
    assert api["sources"]["address"] == "editor:correction"
    assert api["sources"]["city"] == "wikidata"
    for secret in ("secret-newsroom-token", "alice.admin", "bob.moderator"):
        assert secret not in page_html and secret not in str(api)


def test_a_change_of_accreditations_is_dated_and_listed_among_the_versions(
    client: Client, mission: Mission
) -> None:
    mission.accreditations.add(make_country("AM", "Armenia"))
    mark_edited(mission, ["accreditations"], admin_editor("alice.admin"), "edited accreditations")
    latest = mission.history.latest()
    html = page(client, mission)
    accredited = row(html, "Also accredited to")
    assert "Armenia" in accredited and "Belarus" in accredited
    assert f'datetime="{latest.history_date.isoformat()}"' in accredited
    assert "An editor" in accredited
    timeline = html.split('id="versions-title"', 1)[1]
    newest = re.search(r"<tbody>\s*<tr>(.*?)</tr>", timeline, re.S)
    assert newest and "<td>Also accredited to</td>" in newest.group(1)


def test_versions_older_than_recorded_accreditations_count_as_no_change(
    client: Client, mission: Mission
) -> None:
    """Versions made before accreditations were kept hold null: unknown, not 'none'."""
    mission.history.update(accredited=None)
    html = page(client, mission)
    assert "before the history was kept" in row(html, "Also accredited to")
    assert "Belarus" in row(html, "Also accredited to")
