"""Where outgoing HTTP may connect: public addresses, and the hosts the operator named.

A URL in a feed or a page is an attacker's choice. What decides is every address its name
resolves to, so `localhost`, `2130706433` or `0x7f.0.0.1` are refused like `127.0.0.1`, and so
is an IPv6 address that carries an IPv4 one a gateway would reach (mapped, NAT64, 6to4,
Teredo). Name resolution has a time limit of its own: a slow resolver cannot hold a worker.
The operator's own endpoints (every `*_URL` setting, and `EMBASSIES_HTTP_ALLOW_HOSTS`) may be
inside the network: they are exempt by host and port, never by what a page links to.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as LookupTimeout
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressInfo = tuple[Any, ...]  # one getaddrinfo answer: family, type, proto, name, address
DEFAULT_PORTS = {"http": 80, "https": 443}
PRIVATE = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
)
CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the last 32 bits are the IPv4 address
NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: the operator's own translators
LOOKUP_SECONDS = 5.0  # when the caller gives no limit
LOOKUP_THREADS = 4  # lookups stuck in the resolver at once; more wait, within their own limit
_resolver: tuple[int, ThreadPoolExecutor] | None = None


class Forbidden(Exception):
    """A name resolved to an address outgoing HTTP must not reach; `kind` says what it is."""

    def __init__(self, address: str, kind: str) -> None:
        super().__init__(address, kind)
        self.address = address
        self.kind = kind

    @property
    def reason(self) -> str:
        return _sentences()[self.kind] % {"address": self.address}


def _sentences() -> dict[str, str]:
    # Whole sentences per kind: articles ("a", "an", "the") differ between them and languages.
    return {
        "unspecified": _("%(address)s is the unspecified address"),
        "loopback": _("%(address)s is a loopback address"),
        "link-local": _("%(address)s is a link-local address"),
        "multicast": _("%(address)s is a multicast address"),
        "cgnat": _("%(address)s is a carrier-grade NAT address"),
        "private": _("%(address)s is a private address"),
        "reserved": _("%(address)s is a reserved address"),
        "non-public": _("%(address)s is not a public address"),
    }


def carried_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a packet to `ip` ends up at, through a mapping or a translator."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped  # ::ffff:127.0.0.1
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)  # 64:ff9b::7f00:1
    if ip.sixtofour:
        return ip.sixtofour  # 2002:7f00:1::
    if ip.teredo:
        return ip.teredo[1]  # 2001:0:...: the client behind the relay
    return None


def kind_of(ip: IPAddress) -> str | None:
    """What kind of non-public address `ip` is, or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in NAT64_LOCAL:
            return "private"  # where the IPv4 part sits depends on the operator's prefix
        ip = carried_ipv4(ip) or ip
    checks = {
        "unspecified": ip.is_unspecified,
        "loopback": ip.is_loopback,
        "link-local": ip.is_link_local,  # includes 169.254.169.254, the cloud metadata service
        "multicast": ip.is_multicast,
        "cgnat": ip.version == 4 and ip in CARRIER_GRADE_NAT,
        "private": any(ip.version == n.version and ip in n for n in PRIVATE),
        "reserved": ip.is_reserved,
        "non-public": not ip.is_global,  # documentation, benchmarking, IETF ranges...
    }
    return next((kind for kind, hit in checks.items() if hit), None)


def _lookups() -> ThreadPoolExecutor:
    """The resolver threads of this process (a forked worker makes its own)."""
    global _resolver
    if _resolver is None or _resolver[0] != os.getpid():
        _resolver = (os.getpid(), ThreadPoolExecutor(LOOKUP_THREADS, "resolver"))
    return _resolver[1]


def resolve(host: str, port: int, seconds: float = LOOKUP_SECONDS) -> list[AddressInfo]:
    """getaddrinfo within `seconds`: the C resolver cannot be interrupted, so it runs in a
    thread the caller stops waiting for (socket.gaierror EAI_AGAIN when time runs out)."""
    lookup = _lookups().submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        return lookup.result(timeout=max(seconds, 0.0))
    except LookupTimeout:
        lookup.cancel()
        message = f"resolving {host} took longer than {seconds:g} s"
        raise socket.gaierror(socket.EAI_AGAIN, message) from None


def public_addresses(host: str, port: int, seconds: float = LOOKUP_SECONDS) -> list[str]:
    """Every address `host` resolves to, in order; Forbidden if any one is not public."""
    infos = resolve(host, port, seconds)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        kind = kind_of(ipaddress.ip_address(address.partition("%")[0]))  # fe80::1%eth0
        if kind:
            raise Forbidden(address, kind)
    return addresses


def _host_port(netloc: str, scheme: str = "") -> tuple[str, int | None] | None:
    try:
        parts = urlsplit("//" + netloc)
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port that is not a number: names nothing
        return None
    return ((parts.hostname or "").rstrip("."), port) if parts.hostname else None


def _configured() -> set[tuple[str, int | None]]:
    """Hosts the operator named: each http(s) `*_URL` setting's, and the allow-list's."""
    named = {_host_port(entry) for entry in settings.HTTP_ALLOW_HOSTS}
    for name in dir(settings):
        value = getattr(settings, name, None) if name.endswith("_URL") else None
        if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
            parts = urlsplit(value)
            named.add(_host_port(parts.netloc, parts.scheme.lower()))
    return {found for found in named if found}


def exempt(host: str, port: int) -> bool:
    """Whether host:port is one the operator named (an allow-list entry without port: any)."""
    host = host.lower().rstrip(".")
    configured = _configured()
    return (host, port) in configured or (host, None) in configured
