"""`embassies news fetch`: poll every active feed; one broken feed never stops the others."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import requests
from django.conf import settings
from django.utils import timezone

from embassies.lib.http import Fetched, FetchError, Refused, fetch_response
from embassies.news.feeds.entries import entry_draft, with_full_text
from embassies.news.feeds.parse import FeedRefused, parse_feed
from embassies.news.ingest import IngestError, duplicate_of, ingest
from embassies.news.models import Feed, FeedOutcome

log = logging.getLogger(__name__)


@dataclass
class FeedReport:
    url: str
    added: int = 0
    skipped: int = 0
    failed: int = 0
    status: str = "ok"  # "ok", "not modified", or "refused: <reason>"
    refused_entries: list[Refused] = field(default_factory=list)  # counted as failed

    def line(self) -> str:
        if self.status.startswith("refused"):
            return f"{self.url}: {self.status}"
        counts = f"{self.added} added, {self.skipped} skipped, {self.failed} failed"
        return f"{self.url}: {counts}" + ("" if self.status == "ok" else f" ({self.status})")

    def outcome(self) -> FeedOutcome:
        if self.status.startswith("refused"):
            return FeedOutcome.REFUSED
        return FeedOutcome.PARTIAL if self.failed else FeedOutcome.OK

    def entry_lines(self) -> list[str]:
        """One line per entry refused, saying why."""
        return [str(refusal) for refusal in self.refused_entries]


def conditional_headers(feed: Feed) -> dict[str, str]:
    """Validators of the last answer: an unchanged feed answers 304 with no body."""
    headers = {"If-None-Match": feed.etag} if feed.etag else {}
    return headers | ({"If-Modified-Since": feed.last_modified} if feed.last_modified else {})


def _download(feed: Feed) -> Fetched:
    return fetch_response(
        feed.url,
        headers=conditional_headers(feed),
        max_bytes=settings.NEWS_MAX_BYTES,
        max_seconds=settings.NEWS_FETCH_SECONDS,
    )


def ingest_entry(entry: object, feed: Feed, source: str) -> str:
    """ "added", "skipped" (we have it) or "failed" (unusable entry)."""
    draft, summary_only = entry_draft(entry, source)
    if duplicate_of(draft.guid, draft.source_url):  # before fetching any page for it
        return "skipped"
    if summary_only and settings.NEWS_FULL_TEXT:
        draft = with_full_text(draft)
    try:
        return "added" if ingest(draft, feed).created else "skipped"
    except IngestError as error:
        log.warning("news: entry %r of %s not stored: %s", draft.title, feed.url, error)
        return "failed"


def _record(feed: Feed, report: FeedReport, fetched: Fetched | None) -> FeedReport:
    if fetched is not None and fetched.status == 200:
        feed.etag = fetched.headers.get("ETag", "")
        feed.last_modified = fetched.headers.get("Last-Modified", "")
    feed.last_fetched_at = timezone.now()
    feed.last_result = report.line()[:500]
    feed.last_outcome = report.outcome()
    feed.last_added, feed.last_skipped = report.added, report.skipped
    feed.last_failed = report.failed
    feed.save(
        update_fields=[
            "etag",
            "last_modified",
            "last_fetched_at",
            "last_result",
            "title",
            "last_outcome",
            "last_added",
            "last_skipped",
            "last_failed",
        ]
    )
    return report


def _refused(feed: Feed, reason: str) -> FeedReport:
    log.warning("news: feed %s refused: %s", feed.url, reason)
    return _record(feed, FeedReport(feed.url, status=f"refused: {reason}"), None)


def fetch_feed(feed: Feed) -> FeedReport:
    try:
        fetched = _download(feed)
        if fetched.status == 304:
            return _record(feed, FeedReport(feed.url, status="not modified"), None)
        parsed = parse_feed(fetched.body, fetched.headers.get("Content-Type", ""))
    except Refused as error:
        return _refused(feed, error.reason)
    except (FetchError, FeedRefused, requests.RequestException) as error:
        return _refused(feed, str(error) or type(error).__name__)
    if parsed.warning:
        log.warning("news: feed %s read despite: %s", feed.url, parsed.warning)
    feed.title = feed.title or parsed.title[:300]
    report = FeedReport(feed.url)
    for entry in parsed.entries:
        _tally(report, entry, feed)
    return _record(feed, report, fetched)


def _tally(report: FeedReport, entry: object, feed: Feed) -> None:
    try:
        outcome = ingest_entry(entry, feed, feed.title)
    except Refused as error:
        log.warning("news: entry of %s not stored: %s", feed.url, error)
        report.refused_entries.append(error)
        outcome = "failed"
    setattr(report, outcome, getattr(report, outcome) + 1)


def fetch_all() -> list[FeedReport]:
    """Every active feed in turn; an unexpected error costs that feed only."""
    reports = []
    for feed in Feed.objects.filter(active=True):
        try:
            reports.append(fetch_feed(feed))
        except Exception as error:  # one feed's bug must not stop the rest
            log.exception("news: feed %s failed", feed.url)
            reports.append(FeedReport(feed.url, status=f"refused: {type(error).__name__}"))
    return reports
