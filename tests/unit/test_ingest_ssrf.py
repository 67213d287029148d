"""Finding 2: ingest cannot be pointed at the product's own network (SSRF).

Traffic stays on loopback: two local servers stand in for "a website an operator allowed"
and "an internal service"; private and link-local addresses are only ever resolver answers
(canned), never connected to.
"""

from __future__ import annotations

import http.server
import ipaddress
import threading
from collections.abc import Iterator

import pytest

from app.core.settings import reset_settings_cache
from ingest import addresses
from ingest.addresses import BlockedAddressError, checked_address
from ingest.documents import SourceError
from ingest.embeddings import FakeEmbedder
from ingest.loaders import fetch, http_client
from ingest.service import run_ingest

PAGE = b"<html><head><title>Prices</title></head><body><main><p>A consultation costs $50.</p></main></body></html>"


class LocalServer:
    """An HTTP server on 127.0.0.1 that records every request and serves canned routes."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                server.requests.append(f"{self.headers.get('Host')}{self.path}")
                status, headers, body = server.routes.get(self.path, (404, {}, b"not here"))
                self.send_response(status)
                for name, value in {"Content-Type": "text/html", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def internal() -> Iterator[LocalServer]:
    """Stands in for Rasa, Redis, a metadata service: must never receive a request."""
    server = LocalServer()
    server.routes["/"] = (200, {}, b"<html><body><p>internal secrets</p></body></html>")
    yield server
    server.stop()


@pytest.fixture
def allowed_site(monkeypatch) -> Iterator[LocalServer]:
    """A website the operator allowed with INGEST_ALLOWED_HOSTS (the demo site's situation)."""
    server = LocalServer()
    server.routes["/prices.html"] = (200, {}, PAGE)
    monkeypatch.setenv("INGEST_ALLOWED_HOSTS", f"example.test, 127.0.0.1:{server.port}")
    reset_settings_cache()
    yield server
    server.stop()


def _reason(url: str) -> str:
    with http_client() as client, pytest.raises(SourceError) as caught:
        fetch(client, url)
    return caught.value.reason


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "127.0.0.2",
        "0x7f000001",
        "2130706433",
        "127.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "0.0.0.0",
    ],
)
def test_a_loopback_url_in_any_encoding_is_refused_before_connecting(internal, host):
    reason = _reason(f"http://{host}:{internal.port}/")
    assert reason.startswith("refused:") and "INGEST_ALLOWED_HOSTS" in reason
    assert internal.requests == []


def test_an_octal_address_is_refused_as_an_invalid_url(internal):
    assert _reason(f"http://0177.0.0.1:{internal.port}/").startswith("not a valid URL")
    assert internal.requests == []


def test_a_redirect_from_an_allowed_site_to_an_internal_port_is_refused(allowed_site, internal):
    location = f"http://127.0.0.1:{internal.port}/"
    allowed_site.routes["/moved"] = (302, {"Location": location}, b"")
    reason = _reason(f"http://127.0.0.1:{allowed_site.port}/moved")
    assert reason.startswith("refused:")
    assert allowed_site.requests == [f"127.0.0.1:{allowed_site.port}/moved"]
    assert internal.requests == []


def test_a_redirect_to_an_encoded_loopback_address_is_refused(allowed_site, internal):
    allowed_site.routes["/moved"] = (
        301,
        {"Location": f"http://0x7f000001:{internal.port}/"},
        b"",
    )
    assert _reason(f"http://127.0.0.1:{allowed_site.port}/moved").startswith("refused:")
    assert internal.requests == []


def test_a_sitemap_entry_pointing_inside_is_refused_and_not_indexed(
    allowed_site, internal, sqlite_db
):
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>http://127.0.0.1:{allowed_site.port}/prices.html</loc></url>"
        f"<url><loc>http://127.0.0.1:{internal.port}/</loc></url>"
        f"<url><loc>http://[::1]:{internal.port}/</loc></url></urlset>"
    ).encode()
    allowed_site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, sitemap)

    summary = run_ingest(
        f"http://127.0.0.1:{allowed_site.port}/sitemap.xml", embedder=FakeEmbedder()
    )

    assert summary.pages_fetched == 1 and summary.pages_failed == 2
    assert all(reason.startswith("refused:") for _, reason in summary.failures)
    assert internal.requests == []


def test_the_reason_does_not_tell_an_open_internal_port_from_a_closed_one(internal):
    closed = LocalServer()
    closed.stop()  # nothing listens on this port any more
    open_reason = _reason(f"http://127.0.0.1:{internal.port}/")
    closed_reason = _reason(f"http://127.0.0.1:{closed.port}/")
    assert open_reason == closed_reason


def test_an_allowed_host_is_fetched_and_only_on_its_port(allowed_site, internal):
    with http_client() as client:
        fetched = fetch(client, f"http://127.0.0.1:{allowed_site.port}/prices.html")
    assert b"$50" in fetched.body
    assert _reason(f"http://127.0.0.1:{internal.port}/").startswith("refused:")


def test_the_connection_goes_to_the_address_that_was_checked(allowed_site, monkeypatch):
    """A host name is resolved once, checked, and connected to at that very address."""
    monkeypatch.setattr(
        addresses, "resolve", lambda host, port: [ipaddress.ip_address("127.0.0.1")]
    )
    with http_client() as client:
        fetched = fetch(client, f"http://example.test:{allowed_site.port}/prices.html")
    assert b"$50" in fetched.body
    assert allowed_site.requests == [f"example.test:{allowed_site.port}/prices.html"]


# --- the resolver's decision, with canned answers (nothing is connected to) ---------------

BLOCKED = [
    "10.0.0.7",
    "172.16.0.1",
    "192.168.1.10",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1",  # carrier-grade NAT
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "fd00::1",  # unique local
    "fe80::1",  # link-local
    "ff02::1",  # multicast
    "::ffff:10.0.0.1",  # IPv4-mapped private
    "::",
]


def _answers(monkeypatch, *answers: str) -> None:
    parsed = [ipaddress.ip_address(a) for a in answers]
    monkeypatch.setattr(addresses, "resolve", lambda host, port: parsed)


@pytest.mark.parametrize("answer", BLOCKED)
def test_a_name_resolving_to_a_private_or_special_address_is_refused(monkeypatch, answer):
    _answers(monkeypatch, answer)
    with pytest.raises(BlockedAddressError):
        checked_address("shop.example", 443)


def test_a_public_answer_is_accepted_and_is_the_address_used(monkeypatch):
    _answers(monkeypatch, "93.184.216.34")
    assert checked_address("shop.example", 443) == "93.184.216.34"


def test_one_private_answer_among_public_ones_is_refused(monkeypatch):
    _answers(monkeypatch, "93.184.216.34", "10.0.0.1")
    with pytest.raises(BlockedAddressError):
        checked_address("rebind.example", 80)


def test_the_allowlist_names_host_and_port(monkeypatch):
    monkeypatch.setenv("INGEST_ALLOWED_HOSTS", "intranet.example:8080,[fd00::5]:81")
    reset_settings_cache()
    _answers(monkeypatch, "10.0.0.7")
    assert checked_address("intranet.example", 8080) == "10.0.0.7"
    with pytest.raises(BlockedAddressError):
        checked_address("intranet.example", 8081)
    with pytest.raises(BlockedAddressError):
        checked_address("other.example", 8080)
    _answers(monkeypatch, "fd00::5")
    assert checked_address("fd00::5", 81) == "fd00::5"
