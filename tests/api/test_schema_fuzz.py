"""Property-based run of schemathesis against the API's own OpenAPI document.

Every operation, reads and token-authenticated writes, with generated inputs: no server
error, and every response matches the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from embassies.api.models import ApiToken
from embassies.wsgi import application
from tests.factories import make_country, make_mission

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def token(db: None) -> str:
    make_mission(
        wikidata="Q1", sending=make_country("CA", "Canada"), host=make_country("RU", "Russia")
    )
    return ApiToken.issue("fuzz")[1]


@pytest.fixture(autouse=True)
def _keep_test_connection() -> Iterator[None]:
    """As Django's test client does: the app must not close the test's database connection
    (inside its transaction) when a request finishes."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _generous_rate(settings: Any) -> None:
    settings.API_ANON_RATE = settings.TAG_RATE = "1000000000/s"


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_answers_within_its_document(case: Any, token: str) -> None:
    # The in-process WSGI client does not undo gzip; real clients do.
    auth = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    case.headers = {**(case.headers or {}), **auth}
    # Positive-data acceptance is left out on purpose: a well-formed but unknown country code
    # ("XX") is rightly refused with 422.
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance,
                                   status_code_conformance, content_type_conformance])  # fmt: skip
