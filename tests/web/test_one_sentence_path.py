"""Every sentence is written once: English reads the same catalogue entry as the other
languages (its msgid), and English pages write possessives one way, wherever they come from."""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from embassies.assistance import reasons
from embassies.assistance.finder import find
from embassies.assistance.models import Arrangement, ArrangementKind
from embassies.countries.models import Country
from embassies.locale import compile as catalogue
from tests.alerts.builders import make_alert
from tests.factories import make_mission

pytestmark = pytest.mark.django_db

OWN = "%(owner)s own %(kind)s."
NOT_CONSULAR = (
    "%(helper)s represents %(citizen)s for diplomatic matters only; this mandate does not "
    "cover consular help for citizens."
)
FRENCH = Path(catalogue.LOCALE_DIR, "fr", "LC_MESSAGES", "django.po")


def visible(page: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities (&#x27;) decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split()))


def apostrophes(text: str) -> set[str]:
    """The marks of every "X's" / "Xs'" possessive in the text."""
    return set(re.findall(r"[A-Za-z]([’'])s\b", text)) | set(re.findall(r"s([’'])\s", text))


def test_english_finder_page_and_alert_banner_write_possessives_alike(client: Client) -> None:
    make_mission()  # Canada's embassy in Moscow: "Canada’s own embassy."
    make_alert("RU", "Russia is currently at war in Ukraine")
    page = visible(client.get(reverse("web:find"), {"citizen": "CA", "in": "RU"}).content.decode())
    assert "Canada’s own embassy." in page  # the finder's reason (assistance.reasons)
    assert "Find your country’s embassy in Russia" in page  # the alert banner (template)
    assert apostrophes(page) == {"’"}


def test_english_country_heading_and_interests_answer_share_the_form(client: Client) -> None:
    """The heading (web.localized) and the finder (assistance) once had a possessive each."""
    page = visible(client.get("/countries/united-states/abroad/").content.decode())
    assert "United States’ embassies and consulates abroad" in page
    assert apostrophes(page) == {"’"}
    with translation.override("en"):
        us, iran, swiss = (Country.objects.get(code=code) for code in ("US", "IR", "CH"))
        section = Arrangement(
            represented=us, host=iran, representing=swiss, kind=ArrangementKind.INTERESTS_SECTION
        )
        answer = reasons.arrangement(section, swiss, us, iran)
        assert answer == "Switzerland looks after the United States’ interests in Iran."


def test_english_sentence_is_its_msgid_and_french_its_msgstr() -> None:
    helper, citizen = Country.objects.get(code="CH"), Country.objects.get(code="US")
    with translation.override("en"):
        english = reasons.not_consular(helper, citizen)
    assert english == NOT_CONSULAR % {"helper": "Switzerland", "citizen": "the United States"}
    french_entry = catalogue.read(FRENCH)[NOT_CONSULAR]
    with translation.override("fr"):
        french = reasons.not_consular(helper, citizen)
    assert french == french_entry.string % {"helper": "Suisse", "citizen": "États-Unis"}


def test_an_english_catalogue_entry_rewords_the_english_page(
    monkeypatch: pytest.MonkeyPatch, client: Client
) -> None:
    """No English-only branch bypasses the catalogue: an English entry for the msgid is what
    English readers get, on the finder page too."""
    make_mission()
    english = trans_real.translation("en")
    patched = copy.copy(english._catalog)  # the English catalogue, plus one entry of ours
    patched._catalogs = [{OWN: "%(owner)s very own %(kind)s."}, *english._catalog._catalogs]
    patched._plurals = [english._catalog._plurals[0], *english._catalog._plurals]
    monkeypatch.setattr(english, "_catalog", patched)
    with translation.override("en"):
        assert find("CA", "RU").answers[0].reason == "Canada’s very own embassy."
    page = client.get(reverse("web:find"), {"citizen": "CA", "in": "RU", "near": "55.7,37.6"})
    assert "Canada’s very own embassy." in visible(page.content.decode())


def test_plural_comes_from_the_catalogue_in_english_too() -> None:
    make_mission()
    make_mission(city="Vladivostok", kind="consulate_general")
    with translation.override("en"):
        assert find("CA", "RU").message == (
            "You are Canadian in Russia: 2 offices that can help, best first."
        )
    with translation.override("ru"):
        assert find("CA", "RU").message == (
            "Гражданство: Канада; страна пребывания: Россия. Могут помочь 2 представительства, "
            "лучшие — первыми."
        )
