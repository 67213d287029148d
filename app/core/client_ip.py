"""The visitor's or admin's IP address, for rate limits.

`X-Forwarded-For` is written by whoever sends the request, so it is believed only when the
request comes from a proxy named in TRUSTED_PROXIES (the gateway). Then the address is the
right-most entry that is not itself a trusted proxy: entries further left were added by
the client and prove nothing.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from app.core.settings import get_settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _trusted(setting: str) -> tuple[Network, ...]:
    return tuple(
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in setting.split(",")
        if entry.strip()
    )


def _is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(peer: str | None, forwarded_for: str | None = None) -> str:
    """The client's address: the TCP peer, or what a trusted proxy says it forwarded for."""
    peer = (peer or "").strip() or "unknown"
    networks = _trusted(get_settings().trusted_proxies)
    if not forwarded_for or not _is_trusted(peer, networks):
        return peer
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        if not _is_trusted(hop, networks):
            return hop
    return peer
