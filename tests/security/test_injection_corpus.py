"""Every input of search, the finder, the tag API, the missions API filters and the correction
form, given each script- and SQL-injection payload of the corpus: never a 500, and HTML that
echoes a payload carries it as text, never as markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from embassies.directory.models import Mission
from tests.factories import make_country, make_mission
from tests.security.corpus import PAYLOADS, RAW_QUERIES, markup_problems

pytestmark = pytest.mark.django_db

# (path, the other parameters, the parameter the payload goes in)
GET_INPUTS = [
    ("/search/", {}, "q"),
    ("/api/v1/search", {}, "q"),
    ("/api/v1/search", {"q": "moscow"}, "limit"),
    ("/find/", {"in": "RU"}, "citizen"),
    ("/find/", {"citizen": "CA"}, "in"),
    ("/find/", {"citizen": "CA", "in": "RU"}, "near"),
    ("/api/v1/find", {"in": "RU"}, "citizen"),
    ("/api/v1/find", {"citizen": "CA"}, "in"),
    ("/api/v1/find", {"citizen": "CA", "in": "RU"}, "near"),
    *[
        ("/api/v1/missions", {}, name)
        for name in (
            "sending",
            "host",
            "kind",
            "city",
            "status",
            "near",
            "updated_since",
            "cursor",
            "limit",
        )
    ],
    ("/api/v1/missions", {"near": "55.75,37.6"}, "radius_km"),
]


@pytest.fixture(autouse=True)
def directory() -> Mission:
    return make_mission(
        sending=make_country("CA", "Canada"),
        host=make_country("RU", "Russia"),
        city="Moscow",
        lat=55.7478,
        lon=37.5953,
    )


def check(response: object, what: str) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert 200 <= status < 300 or 400 <= status < 500, f"{what}: {status}"
    kind = response.get("Content-Type", "")  # type: ignore[attr-defined]
    body = response.content.decode("utf-8", "replace")  # type: ignore[attr-defined]
    if kind.startswith("text/html"):
        assert markup_problems(body) == [], what
    elif kind.startswith("application/json"):
        json.loads(body)


def _id(item: tuple[str, dict[str, str], str]) -> str:
    return f"{item[0]}:{item[2]}"


@pytest.mark.parametrize("target", GET_INPUTS, ids=_id)
def test_get_inputs(client: Client, target: tuple[str, dict[str, str], str]) -> None:
    path, others, name = target
    for label, payload in PAYLOADS.items():
        cache.clear()  # the rate limits are not under test here
        check(client.get(f"{path}?{urlencode({**others, name: payload})}"), f"{label} in {name}")
    for label, raw in RAW_QUERIES.items():
        cache.clear()
        check(client.get(f"{path}?{urlencode(others)}&{name}={raw}"), f"{label} in {name}")


@pytest.mark.parametrize("content_type", ["text/plain; charset=utf-8", "text/html"])
def test_tag_api_body(client: Client, content_type: str) -> None:
    for label, payload in PAYLOADS.items():
        cache.clear()
        body = payload.encode("utf-8", "surrogatepass")
        check(client.post("/api/v1/tag", body, content_type=content_type), label)
    for label, raw in {"invalid-utf8": b"\xff\xfe<script>", "nul": b"\x00" * 10}.items():
        cache.clear()
        check(client.post("/api/v1/tag", raw, content_type=content_type), label)


class _Fields(HTMLParser):
    """The text inputs and textareas of a page's forms, and each select's chosen value."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.fixed: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "textarea" or (
            tag == "input" and a.get("type", "text") in ("text", "url", "email")
        ):
            self.text.append(a["name"])
        elif tag == "select":
            self._select = a["name"]
        elif (
            tag == "option" and self._select and ("selected" in a or self._select not in self.fixed)
        ):
            self.fixed[self._select] = a.get("value", "")


def test_correction_form(client: Client, directory: Mission) -> None:
    url = reverse("corrections:suggest", kwargs={"pk": directory.pk})
    fields = _Fields()
    fields.feed(client.get(url).content.decode())
    assert fields.text, "the correction form has no text field"
    for label, payload in PAYLOADS.items():
        for name in [n for n in fields.text if n != "homepage"]:  # the honeypot stays empty
            cache.clear()
            data = {**fields.fixed, name: payload}
            response = client.post(url, data, follow=True)
            check(response, f"{label} in {name}")
