"""Articles, the countries they concern (with a score), and the feeds they come from."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from embassies.countries.models import Country


class FeedOutcome(models.TextChoices):
    """How a feed's last fetch went: stored as such, so /metrics never reads it from prose."""

    NEVER = "never", "Not fetched yet"
    OK = "ok", "Fetched"
    PARTIAL = "partial", "Some entries failed"
    REFUSED = "refused", "Refused"


class Feed(models.Model):
    """An RSS or Atom feed polled by `embassies news fetch`."""

    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    # Validators from the last answer, sent back so an unchanged feed costs one empty 304.
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_result = models.CharField(max_length=500, blank=True)  # the sentence, for display
    last_outcome = models.CharField(
        max_length=10, choices=FeedOutcome.choices, default=FeedOutcome.NEVER
    )
    last_added = models.PositiveIntegerField(default=0)
    last_skipped = models.PositiveIntegerField(default=0)
    last_failed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]

    def __str__(self) -> str:
        return self.title or self.url


class Article(models.Model):
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200)
    published = models.DateTimeField(db_index=True)
    source = models.CharField(max_length=200, blank=True, help_text="Publisher or site name.")
    # Indexed on its own too: SQLite will not use the partial unique index for a lookup.
    source_url = models.URLField(max_length=1000, blank=True, db_index=True)
    guid = models.CharField(max_length=1000, blank=True, db_index=True)
    author = models.CharField(max_length=300, blank=True)
    body_html = models.TextField(help_text="Sanitised: paragraphs, subheadings, quotes, lists.")
    body_text = models.TextField(blank=True)
    search_text = models.TextField(blank=True, help_text="Title and body, normalised.")
    image_url = models.URLField(max_length=1000, blank=True)
    image_credit = models.CharField(max_length=300, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL)
    primary_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="primary_articles"
    )
    countries: models.ManyToManyField[Country, ArticleCountry] = models.ManyToManyField(
        Country, through="ArticleCountry", related_name="articles", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The derived text is rebuilt from body_html; history keeps what an editor can change.
    history = HistoricalRecords(excluded_fields=["body_text", "search_text"])

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_url"], condition=~Q(source_url=""), name="news_article_source_url"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article", kwargs={"pk": self.pk, "slug": self.slug})


class ArticleCountry(models.Model):
    """One tagged country of an article; score is relative to the primary country's (1.0)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tags")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="article_tags")
    score = models.FloatField()

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="news_article_country")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {self.country_id} {self.score:.2f}"
