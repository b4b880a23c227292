"""One log line per request carrying its request id, which is echoed in X-Request-ID."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from embassies.ops.requestlog import JsonFormatter, request_id_from


def _request_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "embassies.request"]


def test_the_callers_request_id_is_echoed_and_logged(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="embassies.request"):
        answer = client.get("/healthz", HTTP_X_REQUEST_ID="edge-7f3a.1")
    assert answer["X-Request-ID"] == "edge-7f3a.1"
    (record,) = _request_records(caplog)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "edge-7f3a.1"
    assert line["method"] == "GET" and line["path"] == "/healthz" and line["status"] == 200
    assert line["level"] == "INFO" and line["logger"] == "embassies.request"
    assert isinstance(line["duration_ms"], float) and line["time"].endswith("+00:00")


def test_a_missing_or_unsafe_id_is_replaced_by_a_new_one(client: Client) -> None:
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32 and generated.isalnum()
    unsafe = client.get("/healthz", HTTP_X_REQUEST_ID="a b<script>")["X-Request-ID"]
    assert "<" not in unsafe and unsafe != generated


@pytest.mark.parametrize("header", ["x" * 65, "new\nline", "", "é", None])
def test_ids_that_could_forge_logs_or_headers_are_not_kept(header: str | None) -> None:
    assert request_id_from(header) != header
