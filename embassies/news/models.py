"""Articles, the countries they concern (with a score), and the feeds they come from."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from embassies.countries.models import Country
from embassies.news.credit import Credit, credit_for


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
    # The news agency the story comes from, when it is not the publisher's own: credited by
    # name on pages, in feeds and in JSON-LD. Stored as named in embassies.news.credit's table.
    agency = models.CharField(
        max_length=100, blank=True, help_text="News agency credited (AFP, Reuters, ...)."
    )
    # Set when an editor changes the countries or the primary one in the admin: `news retag`
    # then keeps them, as no import overwrites an editor's work.
    tags_edited = models.BooleanField(
        default=False, help_text="An editor set its countries: re-tagging keeps them."
    )
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

    @cached_property
    def credit(self) -> Credit:
        """The byline, the agency and the publisher this article is owed to: read once per
        loaded article (a feed entry asks three times, a page twice)."""
        return credit_for(self.author, self.agency, self.source, self.source_url)

    def concerned_tags(self) -> list[ArticleCountry]:
        """The countries the story is about, primary first: its tags but those named only in
        passing. Read from the loaded tags (`queries.with_tags`), so no query per article."""
        return [t for t in self.tags.all() if not t.passing]


class ArticleCountry(models.Model):
    """One tagged country of an article; score is relative to the primary country's (1.0)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tags")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="article_tags")
    score = models.FloatField()
    # Named only in passing: kept (the API shows it) but the article is not news about it.
    passing = models.BooleanField(default=False)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="news_article_country")
        ]

    def __str__(self) -> str:
        passing = " (in passing)" if self.passing else ""
        return f"{self.article_id} {self.country_id} {self.score:.2f}{passing}"
