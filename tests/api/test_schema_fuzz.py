"""Property-based run of schemathesis against the API's own OpenAPI document.

Every operation, reads and token-authenticated writes, with generated inputs, under every
check schemathesis has: no server error, every response matches the document, every request
the document allows is accepted (positive data acceptance) and every one it forbids refused
(negative data rejection), a missing token is refused, and so on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection

from embassies.api.models import ApiToken, digest
from embassies.lib.rates import Rate
from embassies.wsgi import application
from tests.factories import make_country, make_mission

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# One secret for every test: schemathesis sends it on the operations the document says need a
# token, and leaves it out of the cases that test a missing one.
SECRET = "emb_fuzz-secret"


@schema.auth()
class _Token:
    def get(self, case: Any, context: Any) -> str:
        return SECRET

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture
def directory(db: None) -> None:
    make_mission(
        wikidata="Q1", sending=make_country("CA", "Canada"), host=make_country("RU", "Russia")
    )
    ApiToken.objects.create(name="fuzz", token_hash=digest(SECRET))


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
    settings.API_ANON_RATE = settings.TAG_RATE = Rate(1_000_000_000, 1)


def test_every_check_is_on() -> None:
    """The run below leaves the checks to schemathesis's defaults: all of them, including the
    two that compare what the server accepts with what the document allows."""
    checks = schema.config.checks_config_for()
    assert checks.positive_data_acceptance.enabled and checks.negative_data_rejection.enabled


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_answers_within_its_document(case: Any, directory: None) -> None:
    # The in-process WSGI client does not undo gzip; real clients do.
    case.headers = {**(case.headers or {}), "Accept-Encoding": "identity"}
    # Any bytes are an HTML document: schemathesis knows that of text/plain only, and would
    # call a "non-string" body sent as text/html ("{}") invalid data the server accepted.
    text_html = (case.media_type or "").startswith("text/html")
    case.call_and_validate(excluded_checks=[negative_data_rejection] if text_html else [])
