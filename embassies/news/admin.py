"""Feeds and articles; an article's every version is kept and can be restored from its history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from embassies.news.ingest import set_body
from embassies.news.models import Article, ArticleCountry, Feed

# Links typed without a scheme are taken as https (Django 6's default, without its warning).
URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin[Feed]):
    list_display = ["url", "title", "active", "last_fetched_at", "last_result"]
    list_filter = ["active"]
    search_fields = ["url", "title"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_fetched_at",
        "last_result",
        "last_outcome",
        "last_added",
        "last_skipped",
        "last_failed",
        "created_at",
    ]
    formfield_overrides = URLS


class ArticleCountryInline(admin.TabularInline[ArticleCountry, Article]):
    model = ArticleCountry
    extra = 0
    # "passing": named only in passing; the article is then not listed as news about it.
    fields = ["country", "score", "passing"]
    autocomplete_fields = ["country"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple_history ships no type hints
    list_display = ["title", "published", "source", "agency", "primary_country"]
    list_filter = ["agency", "source", "primary_country"]
    list_select_related = ["primary_country"]
    search_fields = ["title", "source_url"]
    date_hierarchy = "published"
    exclude = ["search_text"]
    raw_id_fields = ["feed"]
    autocomplete_fields = ["primary_country"]
    inlines = [ArticleCountryInline]
    formfield_overrides = URLS

    readonly_fields = ["content_hash", "created_at", "tags_edited"]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        tags = [f for f in formsets if f.model is ArticleCountry and f.has_changed()]
        if tags or "primary_country" in form.changed_data:
            # An update, not a save: the flag is bookkeeping, not a version of the article.
            Article.objects.filter(pk=form.instance.pk).update(tags_edited=True)

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        # Pages show the body as HTML: an editor's paste is cleaned like every import.
        set_body(obj, obj.body_html)
        super().save_model(request, obj, form, change)
