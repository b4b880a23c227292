"""The advisory notice, and the raised alert's headline and body: each one
catalogue entry, English included (its msgid), filled with countries.grammar's forms.

Tests marked "needs fr" read the French catalogue's translation and fail until it has one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from embassies.alerts import levels, raising
from embassies.alerts.models import Alert, Source
from embassies.countries.models import Country
from tests.alerts.builders import make_advisory
from tests.countries.catalogues import french, reword_english

pytestmark = pytest.mark.django_db

STATE = "US Department of State"
NOTICE = "The %(issuer)s advises travellers to reconsider travel to %(country)s (level 3 of 4)."
HEADLINE = "The %(issuer)s advises: do not travel to %(country)s (level 4 of 4)"
BODY = "From the %(issuer)s travel advisory “%(title)s”."


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def raise_alert(code: str, title: str = "") -> Alert:
    advisory = make_advisory("US", code, 4, title)
    assert raising.follow(advisory, None, timezone.now()) == "raised"
    return Alert.objects.get(advisory=advisory)


# English: the msgid, filled with the English forms, as the pages said before.


def test_english_notice() -> None:
    with translation.override("en"):
        assert levels.notice(make_advisory("US", "IL", 3)) == (
            "The US Department of State advises travellers to reconsider travel to Israel "
            "(level 3 of 4)."
        )
        assert "travel to the Bahamas (level 3" in levels.notice(make_advisory("US", "BS", 3))


def test_english_headline_and_body() -> None:
    with translation.override("en"):
        assert raising.headline(STATE, country("BS")) == (
            "The US Department of State advises: do not travel to the Bahamas (level 4 of 4)"
        )
        assert raising.body(STATE, "Bahamas - Level 4: Do Not Travel") == (
            "From the US Department of State’s travel advisory “Bahamas - Level 4: Do Not Travel”."
        )


def test_an_english_catalogue_entry_rewords_every_advisory_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No English-only branch: English reads the catalogue like every language."""
    reword_english(
        monkeypatch,
        {
            (None, NOTICE): "%(issuer)s: rethink going to %(country)s.",
            (None, HEADLINE): "%(issuer)s: stay out of %(country)s",
            (None, BODY): "See “%(title)s”.",
        },
    )
    with translation.override("en"):
        assert levels.notice(make_advisory("US", "BS", 3)) == (
            "US Department of State: rethink going to the Bahamas."
        )
        assert raising.headline(STATE, country("BS")) == (
            "US Department of State: stay out of the Bahamas"
        )
        assert raising.body(STATE, "T") == "See “T”."


def test_a_raised_alert_is_stored_in_the_site_language_whatever_the_import_runs_under() -> None:
    with translation.override("fr"):
        alert = raise_alert("RU", "Russia - Level 4: Do Not Travel")
    assert alert.headline == (
        "The US Department of State advises: do not travel to Russia (level 4 of 4)"
    )
    assert alert.body == (
        "From the US Department of State’s travel advisory “Russia - Level 4: Do Not Travel”."
    )
    assert "'" not in alert.body  # the typographic apostrophe, as everywhere else


def test_an_editors_wording_is_shown_as_written_in_every_language() -> None:
    raised = raise_alert("RU")
    raised.headline = "Reworded by an editor"
    raised.save()
    editors = Alert.objects.create(
        country_id="RU",
        headline="Russia is at war",
        source=Source.EDITOR,
        starts_at=timezone.now() - timedelta(hours=1),
    )
    with translation.override("fr"):
        assert raising.shown_headline(raised) == "Reworded by an editor"
        assert raising.shown_headline(editors) == "Russia is at war"


def test_english_readers_see_the_stored_headline() -> None:
    alert = raise_alert("BS")
    with translation.override("en"):
        assert raising.shown_headline(alert) == alert.headline


# Other languages: the catalogue's translation, never the English sentence (needs fr).


def test_french_notice_is_the_catalogue_translation() -> None:
    advisory = make_advisory("US", "IL", 3)
    with translation.override("fr"):
        text = levels.notice(advisory)
    assert text == french(NOTICE) % {"issuer": STATE, "country": "en Israël"}
    assert "advises travellers" not in text


def test_french_readers_get_the_raised_headline_in_french() -> None:
    alert = raise_alert("RU")
    with translation.override("fr"):
        assert raising.headline(STATE, country("RU")) == (
            french(HEADLINE) % {"issuer": STATE, "country": "en Russie"}
        )
        shown = raising.shown_headline(alert)
    assert shown == french(HEADLINE) % {"issuer": STATE, "country": "en Russie"}
    assert "do not travel" not in shown


def test_french_body() -> None:
    with translation.override("fr"):
        assert raising.body(STATE, "T") == french(BODY) % {"issuer": STATE, "title": "T"}


def test_french_pages_show_the_raised_alert_in_french(client: Client) -> None:
    """The banner and the alerts page read the headline through shown_headline."""
    raise_alert("RU")
    french_headline = french(HEADLINE) % {"issuer": STATE, "country": "en Russie"}
    for url in ("/fr/alerts/", "/fr/countries/russia/"):
        html = client.get(url).content.decode()
        assert french_headline.replace("’", "&#x27;") in html or french_headline in html, url
        assert "do not travel" not in html and "Find your country’s embassy" not in html, url


def test_an_editors_headline_is_shown_as_written(client: Client) -> None:
    alert = raise_alert("RU")
    alert.headline = "Fighting near the border: stay away from Belgorod"
    alert.save()
    html = client.get("/fr/alerts/").content.decode()
    assert "Fighting near the border: stay away from Belgorod" in html


def test_french_alerts_page_gives_the_raised_alerts_body_in_french(client: Client) -> None:
    alert = raise_alert("RU", "Russia - Level 4: Do Not Travel")
    html = client.get("/fr/alerts/").content.decode()
    french_body = french(BODY) % {"issuer": STATE, "title": "Russia - Level 4: Do Not Travel"}
    assert french_body.replace("’", "&#x27;") in html or french_body in html
    assert alert.body not in html  # the English sentence an import stored


def test_an_editors_body_is_shown_as_written(client: Client) -> None:
    alert = raise_alert("RU")
    alert.body = "Flights to Moscow are suspended."
    alert.save()
    assert "Flights to Moscow are suspended." in client.get("/fr/alerts/").content.decode()


def test_russian_banner_is_worded_from_the_level_not_the_stored_english(client: Client) -> None:
    raise_alert("RU")
    html = client.get("/ru/countries/russia/").content.decode()
    banner = html[html.index('class="warning alert-banner') :]
    banner = banner[: banner.index("</aside>")]
    assert "(уровень 4" in banner and "do not travel" not in banner
    assert 'lang="ru" dir="ltr"' in banner
