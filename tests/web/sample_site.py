"""A small site with one of every public page, for the findability, contact and browser tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from embassies.alerts.models import Severity
from embassies.assistance.models import EmergencyLine
from embassies.directory.models import Mission
from embassies.directory.search.document import refresh_search_documents
from embassies.news.models import Article
from tests.alerts.builders import make_alert
from tests.factories import make_country, make_mission
from tests.news.builders import make_article


@dataclass
class Site:
    embassy: Mission
    consulate: Mission
    other: Mission
    article: Article

    def pages(self) -> dict[str, str]:
        """Every kind of public page, by name."""
        return {
            "home": "/",
            "country": "/countries/russia/",
            "country abroad": "/countries/canada/abroad/",
            "mission": self.embassy.get_absolute_url(),
            "search": "/search/?q=canadian+embassy+moscow",
            "finder": "/find/?citizen=CA&in=RU",
            "emergency card": "/find/card/?citizen=CA&in=RU",
            "news": "/news/",
            "article": self.article.get_absolute_url(),
            "alerts": "/alerts/",
        }


def build() -> Site:
    russia, canada = make_country("RU", "Russia"), make_country("CA", "Canada")
    australia = make_country("AU", "Australia")
    embassy = make_mission(
        sending=canada,
        host=russia,
        city="Moscow",
        wikidata="Q4374011",
        address="Starokonyushenny pereulok 23",
        lat=55.7478,
        lon=37.5953,
        phones=["+7 495 925-6000", "+7 495 925-6025"],
        emails=["mosco@international.gc.ca"],
        website="https://www.canadainternational.gc.ca/russia-russie/",
        opening_hours="Mo-Fr 08:30-12:30,13:30-17:00",
        photo="http://commons.wikimedia.org/wiki/Special:FilePath/Embassy%20of%20Canada.jpg",
        photo_author="A. Savin",
        photo_licence="CC BY-SA 4.0",
    )
    consulate = make_mission(
        sending=canada,
        host=russia,
        city="Vladivostok",
        kind="consulate_general",
        lat=43.1155,
        lon=131.8855,
        phones=["+7 423 222-0000"],
    )
    other = make_mission(sending=australia, host=russia, city="Moscow", lat=55.75, lon=37.64)
    refresh_search_documents(Mission.objects.all())
    EmergencyLine.objects.create(
        country=canada,
        name="Emergency Watch and Response Centre",
        phone="+1 613 996 8885",
        source_url="https://travel.gc.ca/assistance/emergency-assistance",
    )
    make_alert("RU", "Russia is currently at war in Ukraine", severity=Severity.CRISIS)
    article = make_article(
        "Canada and Russia talk about consular access",
        timezone.make_aware(dt.datetime(2026, 3, 21, 9, 30)),
        {"RU": 1.0, "CA": 0.6},
        body="<p>Ministers of Canada and Russia met in Moscow to talk about consular access.</p>",
        author="Anna Writer",
        source="Example News",
        source_url="https://news.example.org/canada-russia",
    )
    return Site(embassy, consulate, other, article)
