"""The production topology behind its nginx gateway (issues 14 and 17), as `make up-prod` runs
it: PostgreSQL, Redis, two Rasa servers sharing the Redis tracker and lock stores, two action
servers behind a loopback pool, the web app (pages and API) on Reflex's Redis state manager,
and nginx in front.

- a booking form started on Rasa server 1 carries on on server 2 (the form lives in Redis);
- two messages of one visitor sent at once to the two servers are handled in turn;
- killing a Rasa server, or an action server, mid-form loses nothing: the pools send the next
  call to the other one, the form finishes and the booking is made once; supervisord brings
  the killed one back, logs why, and leaves no process of the stack without it;
- restarting Redis loses no booking and no configuration, conversations carry on, and the
  cache fills again;
- a visitor's widget conversation carries on when the web app's backend restarts;
- what is internal is refused through the gateway, and listens on loopback only;
- the app limits the address the gateway saw, whatever X-Forwarded-For the client sent;
- nginx answers 413 past 10 MB and 429 past 100 requests/min (static files exempt).

Redis here is a `redis-server` of the test's own on a loopback port, as the test restarts it
(the machine's Redis is not the test's to restart). Skipped without nginx, redis-server,
PostgreSQL or Chromium locally; under `CI=true` each is required.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
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
from tests.integration.test_crash_recovery import supervisord_log, unsupervised

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]
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
REDIS_PORT = 4479


class OwnRedis:
    """A redis-server on a loopback port of the test's own, started and restarted by it.

    Append-only file on, as the deploy files run Redis; `restart(empty=True)` brings it back
    with nothing, as a Redis without persistence, or with a lost volume, would come back.
    """

    def __init__(self, home: Path, port: int) -> None:
        self.dir = home / "redis"
        self.dir.mkdir()
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_connect_timeout=2)

    def start(self) -> None:
        server = shutil.which("redis-server") or "/usr/sbin/redis-server"
        if not Path(server).exists():
            require_service("redis-server", "not installed (apt-get install redis-server)")
        self.process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.dir)]
            + ["--appendonly", "yes", "--save", "", "--daemonize", "no"]
            + ["--logfile", str(self.dir / "redis.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                self.client().ping()
                return
            except Exception:  # noqa: BLE001
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = self.dir / "redis.log"
                    raise AssertionError(
                        f"redis-server did not start: {log.read_text()[-2000:] if log.exists() else ''}"
                    ) from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # as `systemctl restart redis` does
            self.process.wait(timeout=30)
        self.process = None

    def restart(self, *, empty: bool) -> None:
        self.stop()
        if empty:
            for path in self.dir.iterdir():
                if path.name != "redis.log":
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
        self.start()


@pytest.fixture(scope="module")
def gateway():
    from scripts.prod import ProdStack, find_nginx

    if find_nginx() is None:
        require_service("nginx", "not installed (apt-get install nginx)")
    database_url = _postgres_database()
    # Not pytest's own temporary folder (mode 700): run as root, nginx's workers are `nobody`
    # and buffer request bodies under var/run/nginx.
    home = Path(tempfile.mkdtemp(prefix="chatbot-gateway-"))
    home.chmod(0o711)
    redis_server = OwnRedis(home, REDIS_PORT)
    stack = ProdStack(
        var_dir=home / "var",
        gateway_host="127.0.0.1",
        extra_env={
            # "test": no developer's .env is read; otherwise the production settings.
            "ENVIRONMENT": "test",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_server.url,
            "RASA_TOKEN": RASA_TOKEN,
            "ADMIN_PASSWORD": "correct-horse-battery-staple",
        },
        **PORTS,
    )
    try:
        redis_server.start()
        stack.prepare(quiet=True)
        stack.start()
        stack.wait_healthy(600, verbose=False)
        stack.redis = redis_server
        yield stack, database_url
    finally:
        stack.shutdown()
        redis_server.stop()
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


@pytest.mark.parametrize(
    ("program", "day", "hour", "name"),
    [("rasa1", 6, "11am", "Sam"), ("actions1", 7, "2pm", "Ana")],
    ids=["a-rasa-server", "an-action-server"],
)
def test_a_server_killed_mid_form_loses_nothing(gateway, program, day, hour, name):
    """SIGKILL, as the OOM killer would, to one of the two Rasa servers or of the two action
    servers: its pool (nginx) sends the next call to the one left, the form carries on and the
    booking is made once; supervisord restarts the killed one within the minute, logs why, and
    no process of the stack is left without it."""
    stack, database_url = gateway
    port = {"rasa1": stack.rasa_ports[0], "actions1": stack.actions_ports[0]}[program]
    crash = f"exited: {program} (terminated by SIGKILL"
    crashes_before = supervisord_log(stack).count(crash)
    webhook = through_gateway(stack, "/webhooks/rest/webhook")
    visitor = Visitor()
    with client_for(stack) as client:
        when = f"{spoken(open_weekday(day))} at {hour}"
        visitor.says(webhook, f"I'd like to book a consultation on {when}", client)
        visitor.says(webhook, f"{name} Visitor", client)
        killed = _listener(port)
        # One process per server, the one supervisord started: no forked worker survives it
        # holding the port.
        assert killed.pid == int(stack.ctl("pid", program).strip())
        killed.send_signal(signal.SIGKILL)
        psutil.wait_procs([killed], timeout=10)
        visitor.says(webhook, f"{name.lower()}.{uuid.uuid4().hex[:6]}@example.com", client)
        summary = visitor.says(webhook, "(212) 555-0199", client)
        assert "Consultation" in summary and name in summary, str(visitor)
        booked = visitor.says(webhook, "yes", client)
    assert bookings_with(database_url, booked_reference(booked, visitor)) == 1, str(visitor)
    stack.wait_healthy(60, verbose=False)  # each server behind the pools answers again
    assert int(stack.ctl("pid", program).strip()) != killed.pid
    assert supervisord_log(stack).count(crash) == crashes_before + 1
    assert unsupervised(stack) == [], "processes of this stack left without supervisord"


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


def admin_headers(stack, client: httpx.Client) -> dict[str, str]:
    response = client.post(
        through_gateway(stack, "/api/auth/login"),
        json={"email": "admin@example.com", "password": "correct-horse-battery-staple"},
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def all_bookings(database_url: str) -> list[tuple[str, str]]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT reference, status FROM bookings"))
            return sorted((reference, status) for reference, status in rows)
    finally:
        engine.dispose()


def test_restarting_redis_loses_no_booking_nor_configuration_and_the_cache_fills_again(gateway):
    """Redis comes back empty (the harder case: the deploy files keep an append-only file).
    Bookings and configuration live in PostgreSQL; a conversation mid-form reloads from the
    event log there; the configuration cache fills again on the next read."""
    from app.services.config import task_cache_key

    stack, database_url = gateway
    webhook = through_gateway(stack, "/webhooks/rest/webhook")
    tasks = through_gateway(stack, "/api/config/tasks/book_service")
    visitor = Visitor()
    with client_for(stack) as client:
        headers = admin_headers(stack, client)
        original = client.get(tasks, headers=headers).json()
        required = [f for f in original["required_fields"] if f != "phone"]
        changed = client.patch(
            tasks, headers=headers, json={"required_fields": required, "optional_fields": ["phone"]}
        )
        assert changed.status_code == 200, changed.text
        try:
            day = spoken(open_weekday(8))
            visitor.says(webhook, f"I'd like to book a demo on {day} at 10am", client)
            visitor.says(webhook, "Rae Restart", client)
            assert stack.redis.client().exists(task_cache_key("book_service"))
            earlier = Visitor()  # and one booked before the restart
            earlier.says(webhook, f"I'd like to book a consultation on {day} at 1pm", client)
            earlier.says(webhook, "Ed Earlier", client)
            earlier.says(webhook, f"ed.{uuid.uuid4().hex[:6]}@example.com", client)
            earlier.says(webhook, "skip", client)
            booked_earlier = booked_reference(earlier.says(webhook, "yes", client), earlier)
            bookings_before = all_bookings(database_url)
            assert (booked_earlier, "confirmed") in bookings_before
            time.sleep(1)  # the turn's events reach the event log (write-behind, 0.2 s)

            stack.redis.restart(empty=True)
            assert not stack.redis.client().exists(task_cache_key("book_service"))
            stack.wait_healthy(60, verbose=False)

            # The form carries on, under the configuration saved before the restart.
            asked = visitor.says(webhook, f"rae.{uuid.uuid4().hex[:6]}@example.com", client)
            assert "optional" in asked.lower() and "skip" in asked.lower(), str(visitor)
            summary = visitor.says(webhook, "skip", client)
            assert "Demo" in summary and "Rae" in summary, str(visitor)
            booked = booked_reference(visitor.says(webhook, "yes", client), visitor)
            assert stack.redis.client().exists(task_cache_key("book_service"))  # filled again
            after = client.get(tasks, headers=headers).json()
            assert after["optional_fields"] == ["phone"] and "phone" not in after["required_fields"]
        finally:
            body = {k: original[k] for k in ("required_fields", "optional_fields")}
            client.patch(tasks, headers=headers, json=body)
    assert all_bookings(database_url) == sorted([*bookings_before, (booked, "confirmed")])


def test_a_widget_conversation_carries_on_when_the_web_backend_restarts(gateway, browser):
    """The widget's state (its conversation, the messages shown) lives in Redis: after the web
    app restarts, the page reconnects and the same conversation goes on."""
    from playwright.sync_api import expect

    from tests.e2e.test_widget import REPLY_TIMEOUT, ask

    stack, database_url = gateway
    context = browser.new_context(ignore_https_errors=True)  # the gateway's own certificate
    try:
        page = context.new_page()
        page.goto(f"{stack.gateway_url}/widget")
        expect(page.get_by_role("log", name="Conversation")).to_be_visible(timeout=REPLY_TIMEOUT)
        expect(page.locator(".chat-bot").first).to_be_visible(timeout=REPLY_TIMEOUT)
        day = spoken(open_weekday(9))
        ask(page, f"I'd like to book a consultation on {day} at 3pm")
        asked = ask(page, "Nora Visitor")
        assert "email" in asked.lower(), asked

        before = int(stack.ctl("pid", "web").strip())
        stack.ctl("restart", "web")
        assert int(stack.ctl("pid", "web").strip()) != before
        stack.wait_healthy(60, verbose=False)

        asked = ask(page, f"nora.{uuid.uuid4().hex[:6]}@example.com")
        assert "phone" in asked.lower() or "number" in asked.lower(), asked
        summary = ask(page, "(212) 555-0166")
        assert "Nora" in summary and "Consultation" in summary, summary
        booked = ask(page, "yes")
        # The whole conversation is still on screen, from before the restart too.
        shown = page.locator(".chat-visitor .chat-text").all_inner_texts()
        assert shown[:2] == [f"I'd like to book a consultation on {day} at 3pm", "Nora Visitor"]
    finally:
        context.close()
    reference = re.search(r"BK-\d{4}-\d{6}", booked)
    assert reference, booked
    assert bookings_with(database_url, reference.group(0)) == 1


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
            # 404 from the gateway; an action server's `POST /webhook` falls to the pages
            # instead, which take GET only (405). Neither reaches an internal server.
            refused = (404, 405) if (method, path) == ("POST", "/webhook") else (404,)
            assert response.status_code in refused, (method, path, response.status_code)
            assert "events" not in response.text and "responses" not in response.text
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
    """Last in this module: the address stays limited for a few seconds afterwards.

    The limit refills one request every 0.6 s, so on a busy machine a single request after the
    first 429 may pass again: each route is sent more requests than that can explain."""
    stack, _ = gateway
    with client_for(stack) as client:
        codes = [client.get(through_gateway(stack, "/api/health")).status_code for _ in range(60)]
        assert codes[0] == 200 and 429 in codes, codes
        assert set(codes) <= {200, 429}, codes
        # Static files are not limited: far more than the limit's burst, all served.
        static = [client.get(through_gateway(stack, "/embed.js")).status_code for _ in range(60)]
        assert set(static) == {200}, static
        # The chat shares the API's limit.
        chat = [
            client.post(
                through_gateway(stack, "/webhooks/rest/webhook"),
                json={"sender": "gw-limited", "message": "hello"},
            ).status_code
            for _ in range(30)
        ]
        assert 429 in chat and set(chat) <= {200, 429}, chat
