"""/metrics in Prometheus text format: requests by route, import and feed outcomes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from embassies.directory.models import ImportRun
from embassies.news.models import Feed
from embassies.ops.outcomes import feed_outcome

pytestmark = pytest.mark.django_db


def _samples(client: Client, **headers: str) -> dict[tuple[str, tuple], float]:
    answer = client.get("/metrics", **headers)
    assert answer.status_code == 200
    text = answer.content.decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _requests(samples: dict, route: str, status: str) -> float:
    labels = (("method", "GET"), ("route", route), ("status", status))
    return samples.get(("embassies_http_requests_total", labels), 0.0)


def test_a_request_is_counted_under_its_route_name_not_its_path(client: Client) -> None:
    before = _samples(client)
    client.get("/healthz")
    client.get("/no/such/page/12345")
    after = _samples(client)
    assert _requests(after, "ops:healthz", "200") == _requests(before, "ops:healthz", "200") + 1
    # >=: other test processes sharing the data folder may count 404s of their own meanwhile.
    assert _requests(after, "unmatched", "404") >= _requests(before, "unmatched", "404") + 1
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
    ImportRun.objects.create(source="wikidata", started_at=when, finished_at=when, added=7,
                             rejected=2)  # fmt: skip
    Feed.objects.create(url="https://a.example/feed", last_result="https://a.example/feed: 3 added, 0 skipped, 0 failed", last_fetched_at=when)  # fmt: skip
    Feed.objects.create(url="https://b.example/feed", last_result="https://b.example/feed: refused: not a feed")  # fmt: skip
    Feed.objects.create(url="https://c.example/feed")
    samples = _samples(client)
    rows = "embassies_import_last_rows"
    assert samples[(rows, (("outcome", "added"), ("source", "wikidata")))] == 7
    assert samples[(rows, (("outcome", "rejected"), ("source", "wikidata")))] == 2
    finished = ("embassies_import_last_finished_timestamp_seconds", (("source", "wikidata"),))
    assert samples[finished] == when.timestamp()
    for outcome, count in {"ok": 1, "refused": 1, "never": 1, "partial": 0}.items():
        assert samples[("embassies_feeds", (("outcome", outcome),))] == count


def test_feed_outcomes_read_from_the_last_result_line() -> None:
    assert feed_outcome("https://x/f: 0 added, 4 skipped, 0 failed (not modified)") == "ok"
    assert feed_outcome("https://x/f: 1 added, 0 skipped, 10 failed") == "partial"
    assert feed_outcome("https://x/f: refused: body over 10485760 bytes") == "refused"
    assert feed_outcome("") == "never"


def test_a_token_protects_the_metrics_when_set(client: Client, settings: Any) -> None:
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    _samples(client, HTTP_AUTHORIZATION="Bearer s3cret-scrape-token")
