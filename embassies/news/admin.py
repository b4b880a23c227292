from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from embassies.news.ingest import set_body
from embassies.news.models import Article, ArticleCountry, Feed


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["url", "title", "active", "last_fetched_at", "last_result"]
    list_filter = ["active"]
    search_fields = ["url", "title"]
    readonly_fields = ["etag", "last_modified", "last_fetched_at", "last_result", "created_at"]


class ArticleCountryInline(admin.TabularInline):
    model = ArticleCountry
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published", "source", "primary_country"]
    list_filter = ["source", "primary_country"]
    search_fields = ["title", "source_url"]
    date_hierarchy = "published"
    exclude = ["search_text"]
    readonly_fields = ["content_hash", "created_at"]
    raw_id_fields = ["feed"]
    autocomplete_fields = ["primary_country"]
    inlines = [ArticleCountryInline]

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        # Pages show the body as HTML: an editor's paste is cleaned like every import.
        set_body(obj, obj.body_html)
        super().save_model(request, obj, form, change)
