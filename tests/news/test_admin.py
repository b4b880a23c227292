"""Editors' changes in the admin are sanitised like every import: pages show the body as HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import RequestFactory

from embassies.news.ingest import retag
from embassies.news.models import Article, ArticleCountry
from tests.factories import make_country
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


def test_countries_an_editor_sets_are_kept_when_articles_are_tagged_again() -> None:
    """Changing an article's countries in the admin marks them an editor's; `news retag`,
    which brings stored articles up to the current tagger, then leaves them as they are."""
    article = make_article(
        "Ukraine and Poland sign a grain deal",
        datetime(2024, 1, 1, tzinfo=UTC),
        {"UA": 1.0, "PL": 0.8},
        body="<p>Ukraine and Poland signed a grain deal in Warsaw on Monday.</p>",
    )
    request = RequestFactory().post("/")
    request.user = User.objects.create_superuser("editor", "e@example.org", "x")
    admin = site._registry[Article]
    formset = _tags_formset(admin, request, article, country="FR")
    form = SimpleNamespace(instance=article, changed_data=[], save_m2m=lambda: None)
    admin.save_related(request, form, [formset], change=True)
    article.refresh_from_db()
    assert article.tags_edited
    assert retag(article) is False
    assert sorted(article.tags.values_list("country_id", flat=True)) == ["FR", "PL"]


def _tags_formset(admin: Any, request: Any, article: Article, country: str) -> Any:
    """The admin's own inline formset, posted with the first country changed to `country`."""
    make_country(country, "France")
    inline = next(i for i in admin.get_inline_instances(request, article))
    tags = list(ArticleCountry.objects.filter(article=article).order_by("country_id"))
    data = {
        "tags-TOTAL_FORMS": str(len(tags)),
        "tags-INITIAL_FORMS": str(len(tags)),
        "tags-MIN_NUM_FORMS": "0",
        "tags-MAX_NUM_FORMS": "1000",
    }
    for n, tag in enumerate(tags):
        data |= {
            f"tags-{n}-id": str(tag.pk),
            f"tags-{n}-article": str(article.pk),
            f"tags-{n}-country": country if tag.country_id == "UA" else tag.country_id,
            f"tags-{n}-score": str(tag.score),
        }
    formset = inline.get_formset(request, article)(data, instance=article, prefix="tags")
    assert formset.is_valid(), formset.errors
    return formset
