"""Which addresses ingest may fetch from: public ones, plus hosts an operator names.

What ingest fetches becomes answerable by any visitor, so a URL an admin enters (or a
redirect, or a sitemap `<loc>`, or a crawled link) must not reach the product's own
network: Rasa, the action server, Redis, a cloud metadata service. The check sits where
the socket is opened (an httpcore network backend), so it sees every connection a fetch
makes, whatever led to it, and it connects to the very address it checked: a host name
that resolves to a public address for the check and a private one a moment later (DNS
rebinding) gains nothing. Every encoding of an address (`0x7f000001`, `2130706433`,
`127.1`, `[::ffff:127.0.0.1]`) is checked after the resolver has turned it into one.

A refused host gets the same reason whatever its port, and nothing is sent to it, so the
reasons say nothing about which internal ports answer.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

import httpcore
import httpx

from app.core.settings import get_settings
from ingest.documents import SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddressError(SourceError):
    """A URL whose host is, or resolves to, an address ingest must not fetch from."""


def is_public(address: IPAddress) -> bool:
    """Whether an address is globally routable unicast (not loopback, private, link-local, …)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return is_public(address.ipv4_mapped)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def allowed_hosts() -> set[tuple[str, int | None]]:
    """INGEST_ALLOWED_HOSTS as (host, port or None for any port)."""
    entries = set()
    for raw in get_settings().ingest_allowed_hosts.split(","):
        entry = raw.strip().lower()
        if not entry:
            continue
        host, port = entry, None
        if entry.startswith("["):  # [::1]:8080
            host, _, rest = entry[1:].partition("]")
            port = int(rest[1:]) if rest.startswith(":") else None
        elif entry.count(":") == 1:
            host, _, port_text = entry.partition(":")
            port = int(port_text)
        entries.add((host, port))
    return entries


def is_allowlisted(host: str, port: int) -> bool:
    host = host.strip("[]").lower()
    return any(h == host and p in (None, port) for h, p in allowed_hosts())


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the resolver gives for a host (tests replace this with canned answers)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]


def checked_address(host: str, port: int) -> str:
    """The address to connect to for host:port; BlockedAddressError if it must not be fetched.

    Every address the host resolves to must be public: one private answer among public ones
    is refused too (the connection could land on either).
    """
    host = host.strip("[]")
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError, ValueError) as exc:
        raise SourceError(f"cannot resolve the host name {host!r}") from exc
    if not addresses:
        raise SourceError(f"cannot resolve the host name {host!r}")
    if not is_allowlisted(host, port) and not all(is_public(a) for a in addresses):
        raise BlockedAddressError(
            f"refused: {host!r} is a local or private network address; ingest fetches public "
            "websites only (an operator can allow a host with INGEST_ALLOWED_HOSTS)"
        )
    return str(addresses[0])


class _GuardedBackend(httpcore.SyncBackend):
    """Opens a TCP connection only to an address `checked_address` accepted."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[tuple[int, int, int] | tuple[int, int, bytes | int]] | None = None,
    ) -> httpcore.NetworkStream:
        address = checked_address(host, port)
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with the connection pool on the guarded network backend.

    TLS still verifies the certificate against the URL's host name (httpcore sends the
    origin's host as SNI), only the TCP connection goes to the checked address.
    """

    def __init__(self) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=_GuardedBackend(),
        )
