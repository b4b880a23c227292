"""The emergency card, a mission's history, the correction form and the 503 page in the page's
language: their headings, labels and messages come from the catalogues, and the English
originals are gone from the translated pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from embassies.corrections.models import Correction
from embassies.directory.editing import edit_mission
from embassies.directory.models import Mission
from embassies.web.unavailable import database_unavailable
from tests.corrections.builders import form_data
from tests.factories import make_country, make_mission
from tests.web import sample_site

pytestmark = pytest.mark.django_db

CARD = "/find/card/?citizen=CA&in=RU"
NEAR_VLADIVOSTOK = "&near=43.12,131.89"
# What the English card says, none of which may be left on a translated card.
CARD_ENGLISH = (
    "Emergency card",
    "Made on",
    "Your foreign ministry’s 24/7 emergency line",
    "Your country’s offices in",
    "<dt>Address</dt>",
    "<dt>Phone</dt>",
    "<dt>Hours</dt>",
    "km away",
    "Back to the finder",
    "Print this page",
    ">Home<",
    "Get help abroad",
)
CARD_PHRASES = {
    "fr": (
        "<h1>Fiche d’urgence : ressortissants du Canada en Russie</h1>",
        "<title>Fiche d’urgence : ressortissants du Canada en Russie",
        "Établie le <time",
        "La ligne d’urgence de votre ministère des Affaires étrangères",
        "Les postes de votre pays en Russie, du plus proche au plus éloigné",
        "<dt>Adresse</dt>",
        "<dt>Téléphone</dt>",
        "<dt>Horaires</dt>",
        "À 1 km.",
        "Retour à la recherche d’aide",
        "Imprimez cette page",
    ),
    "ru": (
        "<h1>Экстренная памятка (гражданство: Канада, страна пребывания: Россия)</h1>",
        "Составлено <time",
        "Круглосуточная экстренная линия",
        "Представительства вашей страны (страна пребывания: Россия), сначала ближайшие",
        "<dt>Адрес</dt>",
        "<dt>Телефон</dt>",
        "<dt>Часы работы</dt>",
        "1 км отсюда.",
        "Вернуться к поиску помощи",
        "Распечатайте эту страницу",
    ),
    "ar": (
        "<h1>بطاقة الطوارئ: مواطنو كندا في روسيا</h1>",
        "أُعدّت في <time",
        "خط الطوارئ في وزارة خارجية بلدك على مدار الساعة",
        "مكاتب بلدك في روسيا، الأقرب أولًا",
        "<dt>العنوان</dt>",
        "<dt>الهاتف</dt>",
        "<dt>ساعات العمل</dt>",
        "على بعد 1 كم.",
        "العودة إلى البحث عن المساعدة",
        "اطبع هذه الصفحة",
    ),
}


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    """A request under /fr/ leaves French active in this thread; later tests expect English."""
    yield
    translation.deactivate()


def get(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def english_path(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def assert_translated(html: str, phrases: tuple[str, ...], english: tuple[str, ...]) -> None:
    missing = [phrase for phrase in phrases if phrase not in html]
    left = [phrase for phrase in english if phrase in html]
    assert missing == [] and left == [], (missing, left)


@pytest.mark.parametrize("language", ["fr", "ru", "ar"])
def test_the_emergency_card_is_in_the_pages_language(client: Client, language: str) -> None:
    sample_site.build()
    html = get(client, f"/{language}{CARD}{NEAR_VLADIVOSTOK}")
    assert_translated(html, CARD_PHRASES[language], CARD_ENGLISH)


def test_the_cards_address_names_the_city_in_the_pages_language_whatever_came_first(
    client: Client,
) -> None:
    sample_site.build()
    assert "Moscou, Russie</address>" in get(client, f"/fr{CARD}")
    russian = get(client, f"/ru{CARD}")
    assert "Москва, Россия</address>" in russian and "Moscou" not in russian


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Code de pays inconnu : &#x27;ZZ&#x27;"),
        ("ru", "Неизвестный код страны: &#x27;ZZ&#x27;"),
        ("ar", "رمز بلد غير معروف: &#x27;ZZ&#x27;"),
    ],
)
def test_a_bad_country_on_the_card_is_explained_in_the_pages_language(
    client: Client, language: str, message: str
) -> None:
    html = get(client, f"/{language}/find/card/?citizen=ZZ&in=RU", status=400)
    assert message in html and "Unknown country code" not in html


def test_a_bad_point_on_the_card_is_explained_in_the_pages_language(client: Client) -> None:
    sample_site.build()
    html = get(client, f"/ru{CARD}&near=north", status=400)
    assert "Координаты (near) указываются в формате LAT,LON" in html
    assert "decimal degrees" not in html


@pytest.fixture
def edited() -> Mission:
    """Imported from Wikidata, then its phones set by an editor."""
    embassy = make_mission(
        city="Moscow",
        address="Starokonyushenny pereulok 23",
        lat=55.7478,
        lon=37.5953,
        sources={"city": "wikidata", "address": "wikidata", "lat": "wikidata", "lon": "wikidata"},
        accreditations=[make_country("BY", "Belarus")],
    )
    edit_mission(embassy, {"phones": ["+7 495 925 6000"]}, "editor:api:newsroom")
    return embassy


HISTORY_ENGLISH = (
    "History and sources",
    "Each detail, and where it comes from",
    "Every version",
    '<th scope="row">City</th>',
    '<th scope="row">Phone</th>',
    "An editor",
    "Changed",
    "Back to the mission",
    "What happened",
    "Belarus",
)
HISTORY_PHRASES = {
    "fr": (
        "<title>Historique et sources : Ambassade du Canada à Moscou",
        "Chaque information et sa provenance",
        "Toutes les versions",
        '<th scope="row">Ville</th>',
        '<th scope="row">Téléphone</th>',
        "Un rédacteur",
        "Modification",
        "Retour à la représentation",
        "Événement",
        "Biélorussie",
    ),
    "ru": (
        "<title>История и источники: Посольство: Канада, Москва",
        "Все сведения и их источники",
        "Все версии",
        '<th scope="row">Город</th>',
        '<th scope="row">Телефон</th>',
        "Редактор",
        "Изменено",
        "Вернуться к представительству",
        "Что произошло",
        "Беларусь",
    ),
}


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_the_mission_history_is_in_the_pages_language(
    client: Client, edited: Mission, language: str
) -> None:
    path = english_path("web:mission_history", edited.pk, edited.slug)
    html = get(client, f"/{language}{path}")
    assert_translated(html, HISTORY_PHRASES[language], HISTORY_ENGLISH)


FORM_ENGLISH = (
    "Suggest a correction",
    "Phone numbers",
    "One number a line",
    "Send the correction",
    "Please check the form",
    "is not a phone number",
)
FORM_PHRASES = {
    "fr": (
        "<h1>Proposer une correction</h1>",
        "Numéros de téléphone",
        "Un numéro par ligne, avec l’indicatif du pays.",
        "Envoyer la correction",
        "Veuillez vérifier le formulaire",
        "« 12 » n’est pas un numéro de téléphone lisible : écrivez-le avec l’indicatif du pays",
    ),
    "ru": (
        "<h1>Предложить исправление</h1>",
        "Номера телефонов",
        "По одному номеру в строке, с кодом страны.",
        "Отправить исправление",
        "Проверьте форму",
        "«12» — не номер телефона, который мы можем распознать",
    ),
}


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_a_refused_correction_comes_back_in_the_pages_language(
    client: Client, language: str
) -> None:
    mission = make_mission(phones=["+7 495 925-60-00"])
    url = f"/{language}{english_path('corrections:suggest', mission.pk)}"
    response = client.post(url, form_data(mission, phones="12"))
    assert response.status_code == 400
    assert_translated(response.content.decode(), FORM_PHRASES[language], FORM_ENGLISH)
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Rien n’a été modifié : corrigez les valeurs erronées, puis envoyez."),
        ("ru", "Ничего не изменено: исправьте неверные значения и отправьте форму."),
    ],
)
def test_an_unchanged_form_is_refused_in_the_pages_language(
    client: Client, language: str, message: str
) -> None:
    mission = make_mission()
    url = f"/{language}{english_path('corrections:suggest', mission.pk)}"
    html = client.post(url, form_data(mission)).content.decode()
    assert message in html and "Nothing was changed" not in html


def test_the_form_offers_statuses_in_the_pages_language(client: Client) -> None:
    mission = make_mission()
    html = get(client, f"/ru{english_path('corrections:suggest', mission.pk)}")
    assert '<option value="suspended">Работа приостановлена</option>' in html
    assert "Operations suspended" not in html


def test_a_bot_is_refused_in_the_pages_language(client: Client) -> None:
    mission = make_mission()
    url = f"/fr{english_path('corrections:suggest', mission.pk)}"
    data = form_data(mission, city="Moskva", homepage="https://spam.example")
    html = client.post(url, data).content.decode()
    assert (
        "Votre correction n’a pas pu être acceptée" in html and "could not be accepted" not in html
    )
    assert f'href="/fr{english_path("corrections:suggest", mission.pk)}"' in html


def test_a_sent_correction_is_thanked_in_the_pages_language(client: Client) -> None:
    mission = make_mission()
    url = f"/ru{english_path('corrections:suggest', mission.pk)}"
    response = client.post(url, form_data(mission, city="Moskva"), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/ru/")
    assert "<h1>Спасибо</h1>" in html and "Ваше исправление получено" in html
    assert "Thank you" not in html
    assert Correction.objects.get().changes == {"city": "Moskva"}


@pytest.mark.parametrize(
    ("language", "heading", "home"),
    [
        ("fr", "Le service est momentanément indisponible", "/fr/"),
        ("ru", "Сервис временно недоступен", "/ru/"),
        ("ar", "الخدمة غير متاحة مؤقتًا", "/ar/"),
    ],
)
def test_the_unavailable_page_speaks_the_language_of_the_url(
    language: str, heading: str, home: str
) -> None:
    with translation.override(language):
        html = database_unavailable(
            RequestFactory().get(f"/{language}/countries/")
        ).content.decode()
    assert f"<h1>{heading}</h1>" in html and f'href="{home}"' in html
    assert f'lang="{language}"' in html and ('dir="rtl"' in html) == (language == "ar")
    assert "briefly unavailable" not in html


def test_the_map_credits_openstreetmap_in_the_pages_language(client: Client, settings: Any) -> None:
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    sample_site.build()
    html = get(client, "/fr/countries/russia/")
    assert 'data-attribution="&copy; les contributeurs d’OpenStreetMap"' in html
