"""The production topology behind its nginx gateway (issue 14), as `make up-prod` runs it:
PostgreSQL, Redis, two Rasa servers sharing the Redis tracker and lock stores, two action
servers behind a loopback pool, the app (API only here: the pages' build is `make up`'s
business and adds a minute), and nginx in front.

- a booking form started on Rasa server 1 carries on on server 2 (the form lives in Redis);
- two messages of one visitor sent at once to the two servers are handled in turn;
- killing a Rasa server mid-form loses nothing: the gateway sends the next message to the
  other one, which finishes the form, and the booking is made once;
- what is internal is refused through the gateway, and listens on loopback only;
- the app limits the address the gateway saw, whatever X-Forwarded-For the client sent;
- nginx answers 413 past 10 MB and 429 past 100 requests/min (static files exempt).

Skipped without nginx, PostgreSQL or Redis locally; under `CI=true` each is required.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import _drop_postgres_database, _postgres_database, require_service
from tests.integration.test_booking_lifecycle import open_weekday, spoken

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]
REDIS_URL = os.environ.get("TEST_GATEWAY_REDIS_URL", "redis://127.0.0.1:6379/13")
RASA_TOKEN = "gateway-test-" + uuid.uuid4().hex
# Its own ports: it may run beside `make up`, `make up-prod` and the other test stacks.
PORTS = {
    "app_port": 4410,
    "rasa_port": 4411,  # the loopback pool of the two Rasa servers
    "rasa_ports": (4412, 4413),
    "actions_port": 4461,  # the loopback pool of the two action servers
    "actions_ports": (4462, 4463),
    "gateway_port": 4443,
}


@pytest.fixture(scope="module")
def gateway():
    import redis

    from scripts.prod import ProdStack, find_nginx

    if find_nginx() is None:
        require_service("nginx", "not installed (apt-get install nginx)")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        require_service("Redis", str(exc))
    client.flushdb()
    database_url = _postgres_database()
    # Not pytest's own temporary folder (mode 700): run as root, nginx's workers are `nobody`
    # and buffer request bodies under var/run/nginx.
    home = Path(tempfile.mkdtemp(prefix="chatbot-gateway-"))
    home.chmod(0o711)
    stack = ProdStack(
        var_dir=home / "var",
        web_mode="api",
        gateway_host="127.0.0.1",
        extra_env={
            # "test": no developer's .env is read; otherwise the production settings.
            "ENVIRONMENT": "test",
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "RASA_TOKEN": RASA_TOKEN,
            "ADMIN_PASSWORD": "correct-horse-battery-staple",
        },
        **PORTS,
    )
    try:
        stack.prepare(quiet=True)
        stack.start()
        stack.wait_healthy(600, verbose=False)
        yield stack, database_url
    finally:
        stack.shutdown()
        client.flushdb()
        _drop_postgres_database(database_url)
        shutil.rmtree(home, ignore_errors=True)


def through_gateway(stack, path: str) -> str:
    return f"https://127.0.0.1:{stack.gateway_port}{path}"


def client_for(stack) -> httpx.Client:
    """HTTPS to the gateway, trusting its self-signed certificate (and nothing else)."""
    return httpx.Client(verify=str(stack.tls_cert), timeout=60)


class Visitor:
    """One visitor whose messages go to whichever server `says` is pointed at."""

    def __init__(self) -> None:
        self.sender = f"gw-{uuid.uuid4().hex[:10]}"
        self.transcript: list[str] = []

    def says(self, url: str, message: str, client: httpx.Client | None = None) -> str:
        post = client.post if client else httpx.post
        response = post(url, json={"sender": self.sender, "message": message}, timeout=60)
        response.raise_for_status()
        reply = "\n".join(m.get("text", "") for m in response.json())
        self.transcript += [f"visitor ({url}): {message}", f"bot: {reply}"]
        return reply

    def __str__(self) -> str:
        return "\n".join(self.transcript)


def rasa_webhook(port: int) -> str:
    return f"http://127.0.0.1:{port}/webhooks/rest/webhook"


def bookings_with(database_url: str, reference: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text("SELECT count(*) FROM bookings WHERE reference = :r"), {"r": reference}
            ).scalar_one()
    finally:
        engine.dispose()


def booked_reference(reply: str, visitor: Visitor) -> str:
    match = re.search(r"BK-\d{4}-\d{6}", reply)
    assert match, str(visitor)
    return match.group(0)


def test_a_form_started_on_one_rasa_server_continues_on_the_other(gateway):
    stack, database_url = gateway
    first, second = (rasa_webhook(port) for port in stack.rasa_ports)
    visitor = Visitor()
    day = spoken(open_weekday(5))
    visitor.says(first, f"I'd like to book a consultation on {day} at 3:30pm")
    visitor.says(first, "Jane Tester")
    # Server 2 has never seen this visitor: it knows the form's slots from Redis only.
    visitor.says(second, f"jane.{uuid.uuid4().hex[:6]}@example.com")
    summary = visitor.says(second, "(212) 555-0142")
    assert "Consultation" in summary and "3:30" in summary and "Jane" in summary, str(visitor)
    with client_for(stack) as client:
        booked = visitor.says(through_gateway(stack, "/webhooks/rest/webhook"), "yes", client)
    assert bookings_with(database_url, booked_reference(booked, visitor)) == 1


def test_a_rasa_server_killed_mid_form_loses_nothing(gateway):
    stack, database_url = gateway
    webhook = through_gateway(stack, "/webhooks/rest/webhook")
    visitor = Visitor()
    with client_for(stack) as client:
        day = spoken(open_weekday(6))
        visitor.says(webhook, f"I'd like to book a consultation on {day} at 11am", client)
        visitor.says(webhook, "Sam Visitor", client)
        # SIGKILL, as the OOM killer would: whichever server the gateway used, one is gone
        # and supervisord is restarting it while the visitor goes on.
        killed = _listener(stack.rasa_ports[0])
        killed.send_signal(signal.SIGKILL)
        psutil.wait_procs([killed], timeout=10)
        visitor.says(webhook, f"sam.{uuid.uuid4().hex[:6]}@example.com", client)
        summary = visitor.says(webhook, "(212) 555-0199", client)
        assert "Consultation" in summary and "11" in summary and "Sam" in summary, str(visitor)
        booked = visitor.says(webhook, "yes", client)
    assert bookings_with(database_url, booked_reference(booked, visitor)) == 1, str(visitor)
    stack.wait_healthy(180, verbose=False)  # and the killed one is back


def test_two_messages_at_once_on_the_two_servers_are_handled_one_after_the_other(gateway):
    """The Redis lock store: the second turn starts when the first has ended."""
    stack, _ = gateway
    sender = f"gw-{uuid.uuid4().hex[:10]}"
    messages = ("What are your opening hours?", "What services do you offer?")
    with ThreadPoolExecutor(2) as pool:
        sent = [
            pool.submit(
                httpx.post, rasa_webhook(port), json={"sender": sender, "message": m}, timeout=60
            )
            for port, m in zip(stack.rasa_ports, messages, strict=True)
        ]
        replies = [future.result() for future in sent]
    assert all(reply.status_code == 200 and reply.json() for reply in replies)
    # The full history is read from the event log, which each server writes a fraction of a
    # second after its turn (bot/addons/tracker_store.py): wait for both turns there.
    deadline = time.monotonic() + 15
    while True:
        tracker = httpx.get(
            f"http://127.0.0.1:{stack.rasa_ports[0]}/conversations/{sender}/tracker",
            params={"token": RASA_TOKEN, "include_events": "ALL"},
            timeout=30,
        ).json()
        events = [(e["event"], e.get("name") or e.get("text")) for e in tracker["events"]]
        users = [i for i, (kind, _) in enumerate(events) if kind == "user"]
        if len(users) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(users) == 2, events
    assert [kind for kind, name in events].count("session_started") == 1, events
    first_turn = events[users[0] + 1 : users[1]]
    assert ("action", "action_listen") in first_turn, events  # ended before the second began
    assert any(kind == "bot" for kind, _ in first_turn), events
    assert any(kind == "bot" for kind, _ in events[users[1] :]), events
    assert events[-1] == ("action", "action_listen"), events


def _listener(port: int) -> psutil.Process:
    for connection in psutil.net_connections(kind="tcp"):
        if connection.status == psutil.CONN_LISTEN and connection.laddr.port == port:
            return psutil.Process(connection.pid)
    raise AssertionError(f"nothing listens on {port}")


BLOCKED = [
    ("GET", "/api/docs"),
    ("GET", "/api/openapi.json"),
    ("GET", "/openapi.json"),
    ("POST", "/api/bookings"),
    ("GET", "/api/bookings/BK-2026-000001"),
    ("POST", "/api/meetings"),
    ("GET", "/api/availability"),
    ("GET", "/demo/"),
    ("GET", "/demo-site/"),
    ("GET", "/status"),
    ("GET", "/version"),
    ("GET", "/conversations/someone/tracker"),
    ("POST", "/conversations/someone/messages"),
    ("POST", "/model/parse"),
    ("GET", "/domain"),
    ("POST", "/webhook"),  # an action server's
    ("GET", "/health"),  # an action server's
]


def test_internal_routes_are_refused_through_the_gateway(gateway):
    stack, _ = gateway
    with client_for(stack) as client:
        for method, path in BLOCKED:
            response = client.request(method, through_gateway(stack, path), json={})
            assert response.status_code == 404, (method, path, response.status_code)
        # ... while the public ones answer, with the security headers, including from a
        # location that adds headers of its own (the webhook's CORS header).
        health = client.get(through_gateway(stack, "/api/health"))
        chat = client.post(
            through_gateway(stack, "/webhooks/rest/webhook"),
            json={"sender": f"gw-{uuid.uuid4().hex[:8]}", "message": "hello"},
            headers={"Origin": "https://customer.example"},
        )
    assert health.status_code == 200 and chat.status_code == 200
    for response in (health, chat):
        assert response.headers["strict-transport-security"].startswith("max-age=")
        assert response.headers["x-content-type-options"] == "nosniff"
    assert chat.headers["access-control-allow-origin"] == "https://customer.example"
    # The blocked routes exist behind the gateway: it is the gateway that refuses them.
    assert httpx.get(f"{stack.app_url}/api/openapi.json", timeout=30).status_code == 200


def test_only_the_gateway_listens_beyond_loopback_and_rasa_wants_its_token(gateway):
    stack, _ = gateway
    ports = set(stack.ports) - {stack.gateway_port}
    listening = {
        (c.laddr.ip, c.laddr.port)
        for c in psutil.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN and c.laddr.port in ports
    }
    assert {port for _, port in listening} == ports, listening
    assert all(ip == "127.0.0.1" for ip, _ in listening), listening
    for port in stack.rasa_ports:
        status = f"http://127.0.0.1:{port}/status"
        assert httpx.get(status, timeout=30).status_code == 401
        assert httpx.get(status, params={"token": RASA_TOKEN}, timeout=30).status_code == 200
        # No `--cors '*'`: Rasa itself allows no other origin (the gateway does, per route).
        answer = httpx.get(
            f"http://127.0.0.1:{port}/", headers={"Origin": "https://evil.example"}, timeout=30
        )
        assert "access-control-allow-origin" not in answer.headers


def test_the_app_sees_the_address_the_gateway_saw_not_one_the_client_claims(gateway):
    """Sign-in failures are limited per address: a client that names a new address in each
    X-Forwarded-For still meets the limit, as the gateway replaces that header."""
    stack, _ = gateway
    refusals = []
    with client_for(stack) as client:
        for attempt in range(8):
            response = client.post(
                through_gateway(stack, "/api/auth/login"),
                json={"email": "admin@example.com", "password": f"wrong-{attempt}"},
                headers={"X-Forwarded-For": f"203.0.113.{attempt + 1}"},
            )
            assert response.headers["content-type"].startswith("application/json")  # the app's
            refusals.append(response.status_code)
    assert refusals[0] == 401 and refusals[-1] == 429, refusals


def test_a_body_over_10_mb_is_refused_with_413(gateway):
    stack, _ = gateway
    with client_for(stack) as client:
        response = client.post(
            through_gateway(stack, "/webhooks/rest/webhook"),
            content=b"x" * (10 * 1024 * 1024 + 1),
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 413


def test_past_100_requests_a_minute_the_gateway_answers_429(gateway):
    """Last in this module: the address stays limited for a few seconds afterwards."""
    stack, _ = gateway
    with client_for(stack) as client:
        codes = [client.get(through_gateway(stack, "/api/health")).status_code for _ in range(60)]
        assert codes[0] == 200 and 429 in codes, codes
        assert set(codes) <= {200, 429}, codes
        # Static files are not limited: the embed script still loads for a limited address.
        assert client.get(through_gateway(stack, "/embed.js")).status_code == 200
        chat = client.post(
            through_gateway(stack, "/webhooks/rest/webhook"),
            json={"sender": "gw-limited", "message": "hello"},
        )
        assert chat.status_code == 429
