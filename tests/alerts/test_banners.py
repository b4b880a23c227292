"""The alert banner on country, mission, finder and article pages: active alerts only, at
most one per country, most severe first, worded like a saved news page's site banner
(tests/news/fixtures), linking to the finder."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import timezone

from embassies.alerts.models import Severity, Source
from tests.alerts.builders import ended, make_alert
from tests.factories import make_mission
from tests.news.builders import SAVED_PAGE

pytestmark = pytest.mark.django_db

WAR = "Russia is currently at war in Ukraine"


def banners(html: str) -> list[str]:
    return re.findall(r"<aside class=\"[^\"]*alert-banner.*?</aside>", html, flags=re.S)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" .", ".")


def render(codes: object) -> str:
    template = Template("{% load alerts %}{% alert_banners codes %}")
    return template.render(Context({"codes": codes}))


def test_saved_page_wording_and_link() -> None:
    make_alert("RU", WAR)
    saved = SAVED_PAGE.read_text(encoding="utf-8")
    title, sentence = (
        saved.splitlines()[0],
        saved.splitlines()[2].removesuffix(" on Embassy Watch."),
    )
    [banner] = banners(render(["RU"]))
    assert text(banner) == f"{title} {sentence}."
    assert '<a href="/find/?in=RU">Find your country’s embassy in Russia</a>' in banner


def test_landmark_with_an_accessible_name() -> None:
    make_alert("RU", WAR)
    [banner] = banners(render("RU"))
    assert '<aside class="warning alert-banner alert-banner--crisis"' in banner
    assert 'aria-labelledby="alert-banner-RU"' in banner and 'id="alert-banner-RU"' in banner
    assert "<script" not in banner and "<img" not in banner  # nothing that loads later


def test_country_page(client: Client) -> None:
    make_alert("RU", WAR)
    html = client.get("/countries/russia/").content.decode()
    assert len(banners(html)) == 1 and WAR in html
    assert html.index("alert-banner") < html.index("<h1>")


def test_country_abroad_page_too(client: Client) -> None:
    make_alert("RU", WAR)
    assert len(banners(client.get("/countries/russia/abroad/").content.decode())) == 1


def test_mission_page_shows_the_host_countrys_banner(client: Client) -> None:
    embassy = make_mission()  # Canada's embassy in Moscow
    make_alert("RU", WAR)
    make_alert("CA", "Wildfires in British Columbia")
    html = client.get(embassy.get_absolute_url()).content.decode()
    assert [WAR in b for b in banners(html)] == [True]


def test_mission_page_says_when_the_mission_is_affected(client: Client) -> None:
    embassy = make_mission()
    alert = make_alert("RU", "Consular services suspended")
    alert.missions.add(embassy)
    html = client.get(embassy.get_absolute_url()).content.decode()
    assert "This office is affected" in banners(html)[0]


def test_finder_page_for_the_host(client: Client) -> None:
    make_alert("RU", WAR)
    answer = client.get("/find/", {"citizen": "CA", "in": "RU"}).content.decode()
    blank_form = client.get("/find/", {"in": "RU"}).content.decode()
    assert len(banners(answer)) == 1 and len(banners(blank_form)) == 1
    assert banners(client.get("/find/").content.decode()) == []


def test_no_banner_once_the_alert_has_ended(client: Client) -> None:
    make_alert("RU", WAR, **ended())
    embassy = make_mission()
    for url in ["/countries/russia/", embassy.get_absolute_url(), "/find/?citizen=CA&in=RU"]:
        assert banners(client.get(url).content.decode()) == [], url


def test_it_disappears_by_itself_at_its_end(client: Client) -> None:
    soon = timezone.now() + timedelta(seconds=1)
    make_alert("RU", WAR, ends_at=soon)
    assert len(banners(render("RU"))) == 1
    later = soon + timedelta(seconds=1)
    from embassies.alerts import queries

    assert queries.banners(["RU"], now=later) == []


def test_not_before_it_starts() -> None:
    make_alert("RU", WAR, starts_at=timezone.now() + timedelta(days=1))
    assert banners(render("RU")) == []


def test_at_most_one_per_country_the_most_severe() -> None:
    make_alert("RU", "Local elections on Sunday", severity=Severity.INFORMATION)
    make_alert("RU", WAR, severity=Severity.CRISIS)
    make_alert("RU", "Protests in Moscow", severity=Severity.ADVISORY)
    [banner] = banners(render(["RU"]))
    assert WAR in banner


def test_an_editors_words_win_over_an_advisorys_at_equal_severity() -> None:
    make_alert("RU", "The US Department of State advises: do not travel", source=Source.ADVISORY)
    make_alert("RU", WAR, starts_at=timezone.now() - timedelta(days=30))
    assert WAR in banners(render(["RU"]))[0]


def test_article_countries_most_severe_first_then_primary_first() -> None:
    make_alert("RU", WAR, severity=Severity.ADVISORY)
    make_alert("UA", "Air raid alerts across Ukraine", severity=Severity.CRISIS)
    make_alert("BY", "Border crossings closed", severity=Severity.ADVISORY)
    found = banners(render(["RU", "BY", "UA", "RU"]))
    assert [re.search(r'data-country="(..)"', b).group(1) for b in found] == ["UA", "RU", "BY"]  # type: ignore[union-attr]


def test_less_severe_alerts_use_the_notice_style() -> None:
    make_alert("RU", "Local elections on Sunday", severity=Severity.INFORMATION)
    [banner] = banners(render("RU"))
    assert 'class="notice alert-banner alert-banner--information"' in banner


def test_names_that_take_the_article() -> None:
    make_alert("BS", "Hurricane warning")
    assert "Consular assistance in the Bahamas" in render("BS")


def test_unknown_or_empty_codes_render_nothing() -> None:
    assert render([]).strip() == "" and render("").strip() == "" and render(["ZZ"]).strip() == ""
