"""The interface in English, French, Spanish, Russian and Arabic: prefixes, lang and dir,
the switcher, hreflang alternates, and what a browser's Accept-Language gets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from django.test import Client
from django.utils import translation

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_english() -> Iterator[None]:
    """A request under /fr/ leaves French active in this thread; later tests expect English."""
    yield
    translation.deactivate()


LANGUAGES = ("en", "fr", "es", "ru", "ar")
# One phrase of each page per language, read from the catalogue's translations.
PHRASES = {
    "home": {
        "en": "Find an embassy or consulate",
        "fr": "Trouver une ambassade ou un consulat",
        "es": "Encuentre una embajada o un consulado",
        "ru": "Найдите посольство или консульство",
        "ar": "ابحث عن سفارة أو قنصلية",
    },
    "country": {
        "en": "Embassies and consulates in Russia",
        "fr": "Ambassades et consulats en Russie",
        "es": "Embajadas y consulados en Rusia",
        "ru": "Посольства и консульства в стране: Россия",
        "ar": "السفارات والقنصليات في روسيا",
    },
    "mission": {
        "en": "Opening hours",
        "fr": "Horaires d’ouverture",
        "es": "Horario",
        "ru": "Часы работы",
        "ar": "ساعات العمل",
    },
    "find": {
        "en": "I am a citizen of",
        "fr": "Ma nationalité :",
        "es": "Soy ciudadano de",
        "ru": "Моё гражданство:",
        "ar": "أنا مواطن من",
    },
    "search": {
        "en": "What are you looking for?",
        "fr": "Que cherchez-vous ?",
        "es": "¿Qué está buscando?",
        "ru": "Что вы ищете?",
        "ar": "عمّ تبحث؟",
    },
}


@pytest.fixture
def embassy() -> Mission:
    canada = make_country(
        "CA", "Canada", names={"fr": "Canada", "es": "Canadá", "ru": "Канада", "ar": "كندا"}
    )
    russia = make_country(
        "RU", "Russia", names={"fr": "Russie", "es": "Rusia", "ru": "Россия", "ar": "روسيا"}
    )
    return make_mission(
        sending=canada, host=russia, city="Moscow", lat=55.7478, lon=37.5953, opening_hours="24/7"
    )


def english_url(mission: Mission) -> str:
    with translation.override("en"):
        return mission.get_absolute_url()


def prefixed(language: str, path: str) -> str:
    return path if language == "en" else f"/{language}{path}"


def page_paths(mission: Mission) -> dict[str, str]:
    return {
        "home": "/",
        "country": "/countries/russia/",
        "mission": english_url(mission),
        "find": "/find/",
        "search": "/search/?q=canada",
    }


def html_tag(html: str) -> str:
    found = re.search(r"<html[^>]*>", html)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_each_language(
    client: Client, embassy: Mission, language: str
) -> None:
    for page, path in page_paths(embassy).items():
        response = client.get(prefixed(language, path))
        assert response.status_code == 200, (language, page)
        html = response.content.decode()
        direction = "rtl" if language == "ar" else "ltr"
        assert html_tag(html) == f'<html lang="{language}" dir="{direction}">', (language, page)
        assert PHRASES[page][language] in html, (language, page)
        assert response["Content-Language"] == language


def test_mission_titles_follow_each_language(client: Client, embassy: Mission) -> None:
    titles = {
        "fr": "Ambassade du Canada à Moscou",
        "es": "Embajada de Canadá en Moscú",
        "ru": "Посольство: Канада, Москва",
        "ar": "سفارة كندا في موسكو",
        "en": "Embassy of Canada in Moscow, Russia",
    }
    for language, title in titles.items():
        html = client.get(prefixed(language, english_url(embassy))).content.decode()
        assert f"<h1>{title}</h1>" in html, language


def test_links_stay_in_the_chosen_language(client: Client, embassy: Mission) -> None:
    html = client.get("/fr/countries/russia/").content.decode()
    assert 'href="/fr/missions/' in html
    assert 'href="/fr/find/"' in html
    assert 'href="/missions/' not in html
    assert 'href="/api/v1/docs"' in html  # machine routes are never prefixed


def test_accept_language_keeps_english_at_unprefixed_urls_past_the_home_page(
    client: Client,
) -> None:
    """With prefix_default_language=False, LocaleMiddleware serves the default language at a
    URL without a prefix, whatever the browser asks: a deep link stays English, with the
    switcher one click from French, and caches are told the answer varies. (Arriving on the
    bare home page follows the browser's language: tests/web/test_entry_language.py.)"""
    response = client.get("/find/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_tag(html) == '<html lang="en" dir="ltr">'
    assert "Accept-Language" in response["Vary"]
    assert '<a href="/fr/find/" hreflang="fr" lang="fr">Français</a>' in html


def test_a_prefixed_url_wins_over_accept_language(client: Client) -> None:
    html = client.get("/es/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert html_tag(html) == '<html lang="es" dir="ltr">'


def test_switcher_marks_the_current_language_and_keeps_the_page(
    client: Client, embassy: Mission
) -> None:
    html = client.get("/ru/countries/russia/").content.decode()
    switcher = html[html.index('<nav class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'aria-labelledby="language-switcher-label"' in switcher
    assert (
        '<a href="/ru/countries/russia/" hreflang="ru" lang="ru" aria-current="true">' in switcher
    )
    assert '<a href="/countries/russia/" hreflang="en" lang="en">English</a>' in switcher
    assert '<a href="/ar/countries/russia/" hreflang="ar" lang="ar">العربية</a>' in switcher
    assert switcher.count("aria-current") == 1


def test_switcher_keeps_the_query(client: Client, embassy: Mission) -> None:
    html = client.get("/search/?q=canada").content.decode()
    assert 'href="/fr/search/?q=canada"' in html


def test_hreflang_lists_every_language_and_x_default(client: Client, embassy: Mission) -> None:
    html = client.get("/fr/countries/russia/").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert links == {
        "en": "http://testserver/countries/russia/",
        "fr": "http://testserver/fr/countries/russia/",
        "es": "http://testserver/es/countries/russia/",
        "ru": "http://testserver/ru/countries/russia/",
        "ar": "http://testserver/ar/countries/russia/",
        "x-default": "http://testserver/countries/russia/",
    }


def test_machine_routes_have_no_language_prefix(client: Client, embassy: Mission) -> None:
    assert client.get("/api/v1/countries/ru").status_code == 200
    assert client.get("/fr/api/v1/countries/ru").status_code == 404
    assert client.get("/fr/admin/").status_code == 404


def test_api_stays_english_whatever_the_browser_asks(client: Client, embassy: Mission) -> None:
    body = client.get(f"/api/v1/missions/{embassy.pk}", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["title"] == "Embassy of Canada in Moscow, Russia"


def test_country_names_and_order_follow_the_language(client: Client, embassy: Mission) -> None:
    make_country("DE", "Germany", names={"fr": "Allemagne"})
    make_mission(sending=embassy.host, host=Mission.objects.get().sending, city="Ottawa")
    html = client.get("/fr/").content.decode()
    assert ">Russie</a>" in html and ">Russia</a>" not in html
    # "Canada" under C, "Russie" under R, in French order
    assert html.index('id="letter-C"') < html.index(">Canada</a>") < html.index('id="letter-R"')


def test_pages_cached_per_language(client: Client, embassy: Mission) -> None:
    """The page cache's key holds the language and the full path: one language's copy is
    never served for another."""
    english = client.get("/countries/russia/").content.decode()
    french = client.get("/fr/countries/russia/").content.decode()
    again = client.get("/countries/russia/").content.decode()
    assert "Embassies and consulates in Russia" in english and english == again
    assert "Ambassades et consulats en Russie" in french


def test_finder_answer_is_translated(client: Client, embassy: Mission) -> None:
    html = client.get("/fr/find/?citizen=CA&in=RU").content.decode()
    assert "Nationalité : Canada ; pays où vous êtes : Russie." in html
    assert "Ambassade – Canada : un poste de votre propre pays." in html


def test_dates_follow_the_language(client: Client, embassy: Mission) -> None:
    embassy.inception = date(1942, 6, 12)
    embassy.save()  # saving renews the cached copies of the page
    html = client.get(f"/fr{english_url(embassy)}").content.decode()
    assert "12 juin 1942" in html
    html = client.get(f"/ru{english_url(embassy)}").content.decode()
    assert "12 июня 1942" in html  # then CLDR's "г." for "year"
