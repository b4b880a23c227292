"""Save contact: a mission's vCard parses with vobject, holds its phones, and downloads."""

from __future__ import annotations

from typing import Any

import pytest
import vobject
from django.test import Client
from playwright.sync_api import Browser

from tests.e2e.conftest import browser  # noqa: F401  (the real Chromium fixture)
from tests.web import sample_site


@pytest.fixture
def site(db: None) -> sample_site.Site:
    return sample_site.build()


def _card(client: Client, pk: int) -> Any:
    response = client.get(f"/missions/{pk}/vcard")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="canada-embassy-moscow.vcf"'
    return vobject.readOne(response.content.decode())


def test_the_vcard_holds_name_address_place_phones_emails_and_urls(
    client: Client, site: sample_site.Site
) -> None:
    card = _card(client, site.embassy.pk)
    assert card.version.value == "3.0"
    assert card.fn.value == "Embassy of Canada in Moscow, Russia"
    assert card.org.value == ["Canada", "Embassy of Canada in Moscow, Russia"]
    assert [t.value for t in card.contents["tel"]] == ["+74959256000", "+74959256025"]
    assert [e.value for e in card.contents["email"]] == ["mosco@international.gc.ca"]
    address = card.adr.value
    assert (address.street, address.city, address.country) == (
        "Starokonyushenny pereulok 23",
        "Moscow",
        "Russia",
    )
    assert card.geo.value == "55.747800;37.595300"
    urls = [u.value for u in card.contents["url"]]
    assert urls == [
        "https://www.canadainternational.gc.ca/russia-russie/",
        "http://testserver" + site.embassy.get_absolute_url(),
    ]


def test_the_mission_page_links_to_it(client: Client, site: sample_site.Site) -> None:
    html = client.get(site.embassy.get_absolute_url()).content.decode()
    assert f'href="/missions/{site.embassy.pk}/vcard" download>Save contact' in html


def test_an_unknown_mission_has_no_card(client: Client, db: None) -> None:
    assert client.get("/missions/999999/vcard").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_it_downloads_in_the_browser(
    browser: Browser,  # noqa: F811
    live_server: Any,
    settings: Any,
) -> None:
    settings.MAP_TILE_URL = ""
    site = sample_site.build()
    page = browser.new_page(accept_downloads=True)
    page.goto(live_server.url + site.embassy.get_absolute_url())
    with page.expect_download() as info:
        page.get_by_role("link", name="Save contact").click()
    download = info.value
    assert download.suggested_filename == "canada-embassy-moscow.vcf"
    card = vobject.readOne(open(download.path(), encoding="utf-8").read())  # noqa: SIM115
    assert "+74959256000" in [t.value for t in card.contents["tel"]]
