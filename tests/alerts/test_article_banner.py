"""A saved news page about Russia, once ingested with an alert for Russia, opens with the
banner its site showed."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from embassies.alerts.editing import add_alert
from embassies.news.models import Article
from tests.news.builders import SAVED_PAGE

pytestmark = pytest.mark.django_db


def test_saved_article_renders_its_site_banner_linking_to_the_finder(client: Client) -> None:
    call_command("news", "add", str(SAVED_PAGE))
    add_alert("RU", headline="Russia is currently at war in Ukraine")
    article = Article.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Consular assistance in Russia" in page
    assert "Russia is currently at war in Ukraine." in page
    assert "Are you in Russia and need consular assistance?" in page
    assert 'href="/find/?in=RU"' in page
    assert page.count("Consular assistance in") == 1  # one banner: only Russia has an alert


def test_no_banner_once_the_alert_has_ended(client: Client) -> None:
    call_command("news", "add", str(SAVED_PAGE))
    alert = add_alert("RU", headline="Russia is currently at war in Ukraine")
    alert.ends_at = alert.starts_at
    alert.save()
    page = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert "Consular assistance in Russia" not in page
