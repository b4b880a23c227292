"""`fetch_response`: the body with its status and headers, for conditional GET."""

from __future__ import annotations

import pytest

from embassies.lib.http import fetch_response
from tests.localserver import allowed_server

pytestmark = pytest.mark.usefixtures("fast_retries")


def test_status_headers_and_final_url_come_back() -> None:
    with allowed_server(lambda *a: (200, {"ETag": '"abc"'}, b"body")) as (url, seen):
        got = fetch_response(url + "/x", headers={"If-None-Match": '"old"'})
    assert (got.status, got.body, got.headers["ETag"], got.url) == (
        200,
        b"body",
        '"abc"',
        url + "/x",
    )
    assert seen[0]["headers"]["If-None-Match"] == '"old"'


def test_not_modified_is_an_answer_not_an_error() -> None:
    with allowed_server(lambda *a: (304, {}, b"")) as (url, seen):
        got = fetch_response(url)
    assert (got.status, got.body, len(seen)) == (304, b"", 1)
