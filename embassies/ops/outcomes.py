"""Import and feed outcomes for /metrics, read from the database at scrape time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from embassies.directory.models import ImportRun
from embassies.news.models import Feed, FeedOutcome

IMPORT_COUNTS = ("added", "updated", "unchanged", "closed", "rejected", "repaired")


class OutcomeCollector(Collector):
    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield from _imports()
        yield from _feeds()


def _imports() -> Iterator[GaugeMetricFamily]:
    rows = GaugeMetricFamily(
        "embassies_import_last_rows",
        "Rows of each source's latest import, by outcome.",
        labels=["source", "outcome"],
    )
    finished = GaugeMetricFamily(
        "embassies_import_last_finished_timestamp_seconds",
        "When each source's latest import finished (Unix time).",
        labels=["source"],
    )
    runs = GaugeMetricFamily(
        "embassies_import_runs", "Import runs kept, by source.", labels=["source"]
    )
    seen: set[str] = set()
    per_source: Counter[str] = Counter()
    for run in ImportRun.objects.order_by("-finished_at").iterator():
        per_source[run.source] += 1
        if run.source in seen:
            continue
        seen.add(run.source)
        finished.add_metric([run.source], run.finished_at.timestamp())
        for outcome in IMPORT_COUNTS:
            rows.add_metric([run.source, outcome], getattr(run, outcome))
    for source, count in per_source.items():
        runs.add_metric([source], count)
    yield from (rows, finished, runs)


def _feeds() -> Iterator[GaugeMetricFamily]:
    by_outcome = GaugeMetricFamily(
        "embassies_feeds",
        "Active news feeds by the outcome of their last fetch.",
        labels=["outcome"],
    )
    fetched = GaugeMetricFamily(
        "embassies_feed_last_fetch_timestamp_seconds",
        "When each active feed was last fetched (Unix time).",
        labels=["feed"],
    )
    counts: Counter[str] = Counter({outcome.value: 0 for outcome in FeedOutcome})
    for feed in Feed.objects.filter(active=True).only("url", "last_outcome", "last_fetched_at"):
        counts[feed.last_outcome] += 1
        if feed.last_fetched_at:
            fetched.add_metric([feed.url], feed.last_fetched_at.timestamp())
    for outcome, count in counts.items():
        by_outcome.add_metric([outcome], count)
    yield from (by_outcome, fetched)
