"""Editors' changes in the admin are sanitised like every import: pages show the body as HTML."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import RequestFactory

from embassies.news.models import Article
from tests.news.builders import make_article

pytestmark = pytest.mark.django_db


def test_saving_in_the_admin_cleans_the_body_and_refreshes_what_depends_on_it() -> None:
    article = make_article("Envoys meet", datetime(2024, 1, 1, tzinfo=UTC), {"FR": 1.0})
    article.body_html = '<p onclick="x()">New text<script>steal()</script></p>'
    request = RequestFactory().post("/")
    request.user = User.objects.create_superuser("editor", "e@example.org", "x")
    site._registry[Article].save_model(request, article, None, change=True)
    stored = Article.objects.get(pk=article.pk)
    assert stored.body_html == "<p>New text</p>"
    assert stored.body_text == "New text"
    assert " new text " in stored.search_text
