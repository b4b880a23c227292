"""/metrics in Prometheus text format: requests by route, import and feed outcomes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from embassies.directory.models import ImportRun
from embassies.news.models import Feed, FeedOutcome
from tests.helpers import metric_samples, requests_counted

pytestmark = pytest.mark.django_db


def test_a_request_is_counted_under_its_route_name_not_its_path(client: Client) -> None:
    before = metric_samples(client)
    client.get("/healthz")
    client.get("/no/such/page/12345")
    after = metric_samples(client)
    assert (
        requests_counted(after, "ops:healthz", "200")
        == requests_counted(before, "ops:healthz", "200") + 1
    )
    # >=: other test processes sharing the data folder may count 404s of their own meanwhile.
    assert (
        requests_counted(after, "unmatched", "404")
        >= requests_counted(before, "unmatched", "404") + 1
    )
    assert not any("12345" in str(key) for key in after)
    latency = ("embassies_http_request_duration_seconds_count", (("route", "ops:healthz"),))
    assert after[latency] >= 1


def test_invented_methods_share_one_label(client: Client) -> None:
    client.generic("BREW", "/healthz")
    families = text_string_to_metric_families(client.get("/metrics").content.decode())
    methods = {s.labels.get("method") for f in families for s in f.samples}
    assert "BREW" not in methods and "other" in methods


def test_import_and_feed_outcomes_are_reported(client: Client) -> None:
    when = datetime(2026, 3, 1, 12, tzinfo=UTC)
    ImportRun.objects.create(
        source="wikidata", started_at=when, finished_at=when, added=7, rejected=2
    )
    Feed.objects.create(
        url="https://a.example/feed",
        last_outcome=FeedOutcome.OK,
        last_added=3,
        last_fetched_at=when,
    )
    Feed.objects.create(url="https://b.example/feed", last_outcome=FeedOutcome.REFUSED)
    Feed.objects.create(url="https://c.example/feed")
    samples = metric_samples(client)
    rows = "embassies_import_last_rows"
    assert samples[(rows, (("outcome", "added"), ("source", "wikidata")))] == 7
    assert samples[(rows, (("outcome", "rejected"), ("source", "wikidata")))] == 2
    finished = ("embassies_import_last_finished_timestamp_seconds", (("source", "wikidata"),))
    assert samples[finished] == when.timestamp()
    for outcome, count in {"ok": 1, "refused": 1, "never": 1, "partial": 0}.items():
        assert samples[("embassies_feeds", (("outcome", outcome),))] == count


def test_a_token_protects_the_metrics_when_set(client: Client, settings: Any) -> None:
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    metric_samples(client, HTTP_AUTHORIZATION="Bearer s3cret-scrape-token")
