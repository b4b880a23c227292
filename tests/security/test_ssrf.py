"""A feed whose entries link inside the network: nothing is fetched there, nothing published.

The feed's own server is allowed (as an operator would allow a feed on their network); the
targets are not: another loopback port, private, link-local and other non-public addresses,
names and spellings that resolve to loopback, and redirects from allowed URLs to them.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from embassies.lib.egress import kind_of
from embassies.lib.http import FetchError, fetch
from embassies.news.feeds.poll import fetch_all
from embassies.news.models import Article, Feed
from tests.localserver import Reply, allowed_server, local_server
from tests.news.feeds_data import rss

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_retries")]
XML = {"Content-Type": "application/rss+xml; charset=utf-8"}
LOOPBACK = re.escape("refused: 127.0.0.1 is a loopback address")
SECRET = b"<html><body><article><p>" + b"root password is hunter2. " * 40 + b"</p></article>"


@pytest.fixture
def target() -> Iterator[tuple[int, list[dict[str, object]]]]:
    """The internal server an attacker wants read: loopback, not allowed. (port, requests seen)"""
    with local_server(lambda *a: (200, {"Content-Type": "text/html"}, SECRET)) as (url, seen):
        yield int(url.rsplit(":", 1)[1]), seen


@contextmanager
def hostile_feed(link: str) -> Iterator[str]:
    """An allowed feed server whose one teaser entry links to `link`; /go redirects there."""

    def answer(method: str, path: str, query: object, body: bytes) -> Reply:
        if path == "/go":
            return 302, {"Location": link}, b""
        return 200, XML, rss([("e-1", "Internal memo", link, "A teaser.")]).encode()

    with allowed_server(answer) as (base, _):
        yield base


def fetch_feed(url: str) -> str:
    Feed.objects.create(url=url)
    out = StringIO()
    call_command("news", "fetch", stdout=out, stderr=StringIO())
    return out.getvalue()


FORBIDDEN = [
    ("http://127.0.0.1:{port}/internal/secret.html", "127.0.0.1 is a loopback address"),
    ("http://localhost:{port}/internal/secret.html", "127.0.0.1 is a loopback address"),
    ("http://2130706433:{port}/internal/secret.html", "127.0.0.1 is a loopback address"),
    ("http://0x7f.0.0.1:{port}/internal/secret.html", "127.0.0.1 is a loopback address"),
    ("http://0177.0.0.1:{port}/internal/secret.html", "127.0.0.1 is a loopback address"),
    ("http://[::1]:{port}/internal/secret.html", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]:{port}/", "::ffff:127.0.0.1 is a loopback address"),
    ("http://0.0.0.0:{port}/", "0.0.0.0 is the unspecified address"),
    ("http://10.0.0.1/secret", "10.0.0.1 is a private address"),
    ("http://192.168.1.1/", "192.168.1.1 is a private address"),
    ("http://[fd00::1]/", "fd00::1 is a private address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address"),
    ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
    ("http://240.0.0.1/", "240.0.0.1 is a reserved address"),
    # IPv6 addresses a gateway turns into IPv4 ones: NAT64, 6to4, Teredo, a local translator.
    ("http://[64:ff9b::7f00:1]:{port}/", "64:ff9b::7f00:1 is a loopback address"),
    ("http://[64:ff9b::a9fe:a9fe]/", "64:ff9b::a9fe:a9fe is a link-local address"),
    ("http://[2002:7f00:1::1]:{port}/", "2002:7f00:1::1 is a loopback address"),
    ("http://[2002:c0a8:101::1]/", "2002:c0a8:101::1 is a private address"),
    (
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
        "2001:0:4136:e378:8000:63bf:80ff:fffe is a loopback address",
    ),
    ("http://[64:ff9b:1::a00:1]/", "64:ff9b:1::a00:1 is a private address"),
]


@pytest.mark.parametrize(("link", "reason"), FORBIDDEN)
def test_an_entry_linking_inside_the_network_is_neither_fetched_nor_published(
    target: tuple[int, list[dict[str, object]]],
    settings: Any,
    link: str,
    reason: str,
) -> None:
    settings.NEWS_FETCH_SECONDS = 2  # the code before this fix tried for that long
    port, seen = target
    with hostile_feed(link.format(port=port)) as base:
        out = fetch_feed(base + "/feed.xml")
    assert seen == [] and not Article.objects.exists()
    assert f"refused: {reason}" in out and "0 added, 0 skipped, 1 failed" in out
    assert "Traceback" not in out


def test_a_redirect_from_an_allowed_page_to_a_forbidden_one_is_not_followed(
    target: tuple[int, list[dict[str, object]]],
) -> None:
    port, seen = target
    with hostile_feed(f"http://127.0.0.1:{port}/internal/secret.html") as base:
        report = fetch_all_for(base + "/go")  # the feed itself redirects
    assert seen == [] and not Article.objects.exists()
    assert report.status == "refused: 127.0.0.1 is a loopback address"


def test_an_entry_redirecting_inside_the_network_is_not_published(
    target: tuple[int, list[dict[str, object]]],
) -> None:
    port, seen = target
    secret = f"http://127.0.0.1:{port}/internal/secret.html"

    def answer(method: str, path: str, query: object, body: bytes) -> Reply:
        if path == "/go":
            return 302, {"Location": secret}, b""
        return 200, XML, rss([("e-1", "Memo", base + "/go", "A teaser.")]).encode()

    with allowed_server(answer) as (base, _):
        report = fetch_all_for(base + "/feed.xml")
    assert seen == [] and not Article.objects.exists()
    assert report.entry_lines() == [f"{base}/go: refused: 127.0.0.1 is a loopback address"]


def fetch_all_for(url: str) -> Any:
    Feed.objects.create(url=url)
    return fetch_all()[0]


def test_a_configured_endpoint_is_exempt_but_not_where_it_redirects(
    settings: Any, target: tuple[int, list[dict[str, object]]]
) -> None:
    port, seen = target
    redirect = (302, {"Location": f"http://127.0.0.1:{port}/internal/"}, b"")
    with local_server(lambda *a: redirect) as (url, asked):
        settings.OVERPASS_URL = url + "/api/interpreter"  # the operator's choice: reached
        with pytest.raises(FetchError, match=LOOPBACK):
            fetch(url + "/api/interpreter")
    assert len(asked) == 1 and seen == []


def test_a_name_resolving_to_a_public_and_an_internal_address_is_refused(
    monkeypatch: pytest.MonkeyPatch, target: tuple[int, list[dict[str, object]]]
) -> None:
    port, seen = target
    real = socket.getaddrinfo

    def mixed(host: str, *args: Any, **kwargs: Any) -> Any:
        if host != "mixed.example":
            return real(host, *args, **kwargs)
        # Loopback first: code that checks only the address it connects to would reach it.
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with pytest.raises(FetchError, match=LOOPBACK):
        fetch(f"http://mixed.example:{port}/internal/")
    assert seen == []


def test_a_redirect_off_http_is_refused() -> None:
    with (
        allowed_server(lambda *a: (302, {"Location": "file:///etc/passwd"}, b"")) as (url, _),
        pytest.raises(FetchError, match="a redirect to a file URL"),
    ):
        fetch(url)


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "2001:4860:4860::8888"])
def test_an_ipv6_address_carrying_a_public_ipv4_one_is_allowed(address: str) -> None:
    assert kind_of(ipaddress.ip_address(address)) is None


def test_a_resolver_that_never_answers_is_given_up_within_the_deadline(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """The C resolver cannot be interrupted: a slow DNS server (played here by a getaddrinfo
    that sleeps) must not hold the fetch past its deadline."""
    real = socket.getaddrinfo

    def silent(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "slow-dns.example":
            time.sleep(5)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", silent)
    settings.HTTP_TIMEOUT, settings.HTTP_RETRIES = 1, 0
    started = time.monotonic()
    with pytest.raises(FetchError):
        fetch("http://slow-dns.example/feed.xml")
    assert time.monotonic() - started < 2.5
