"""Security headers on every kind of answer: page, API JSON, 404 and static file, in production."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.ops.conftest import PRODUCTION_ENV, Server, serving

HTTPS = {"X-Forwarded-Proto": "https"}  # as nginx forwards it


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("production")
    with serving(data, **PRODUCTION_ENV, EMBASSIES_PROXY_COUNT="1") as server:
        yield server


def _assert_secure_headers(headers: dict[str, str]) -> None:
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=(self)" in headers["Permissions-Policy"]


def test_page_api_404_and_static_file_all_carry_the_headers(production) -> None:
    page = production.get("/", **HTTPS)
    assert page.status == 200
    css = re.search(rb'href="(/static/[^"]+\.css)"', page.body)
    assert css, "the page links a stylesheet"
    answers = {
        "page": page,
        "api": production.get("/api/v1/countries", **HTTPS),
        "404": production.get("/no-such-page/", **HTTPS),
        "static": production.get(css.group(1).decode(), **HTTPS),
    }
    assert [a.status for a in answers.values()] == [200, 200, 404, 200]
    assert answers["api"].headers["Content-Type"].startswith("application/json")
    for kind, answer in answers.items():
        try:
            _assert_secure_headers(answer.headers)
        except (AssertionError, KeyError) as error:
            raise AssertionError(f"{kind}: {error!r}") from error


def test_plain_http_is_redirected_to_https(production) -> None:
    answer = production.get("/countries/")
    assert answer.status == 301
    assert answer.headers["Location"].startswith("https://")


def test_session_and_csrf_cookies_are_https_only(production) -> None:
    login = production.get("/admin/login/", **HTTPS)
    assert login.status == 200
    cookie = login.headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" in cookie
