"""Every endpoint of the API answers errors in the one shape, with a 4xx status."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from embassies.api.urls import api

pytestmark = pytest.mark.django_db

ERROR_KEYS = {"code", "message", "details"}


def operations() -> list[tuple[str, str]]:
    document = api.get_openapi_schema()
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in {"get", "post", "patch"}
    ]


def bad_request(client: Client, method: str, path: str) -> object:
    """A request each endpoint must refuse: unknown ids, malformed parameters or body, no token."""
    url = re.sub(r"\{[^}]+\}", "no-such-thing!", path)
    if path.endswith("/tag"):
        return client.post(url, b"", content_type="text/plain")
    if path.endswith("/countries"):  # takes no parameters: the wrong method, then
        return client.delete(url)
    if method == "GET":
        return client.get(
            url,
            {
                "limit": "-5",
                "q": "x" * 5000,
                "citizen": "??",
                "in": "??",
                "near": "999,999",
                "country": "??",
                "since": "soon",
            },
        )
    return client.generic(method, url, b"{not json", content_type="application/json")


@pytest.mark.parametrize(("method", "path"), operations())
def test_errors_have_one_shape(client: Client, method: str, path: str) -> None:
    response = bad_request(client, method, path)
    if response.status_code < 400:  # type: ignore[attr-defined]
        pytest.fail(f"{method} {path} accepted a bad request")  # every endpoint has some bad input
    assert 400 <= response.status_code < 500, response.content  # type: ignore[attr-defined]
    assert set(response.json()["error"]) == ERROR_KEYS  # type: ignore[attr-defined]
