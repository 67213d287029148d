"""Shared fixtures.

Every test gets its own `var/` directory (SQLite database, LanceDB, cache markers) and fresh
process-wide singletons. `db_url` runs a test on SQLite and, where PostgreSQL is reachable,
on PostgreSQL too; under `CI=true` an unreachable PostgreSQL or Redis is a failure, not a skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session

from app.core import cache, crypto, db, rate_limit, settings

# The whole session is a test environment, session- and module-scoped fixtures included
# (outside tests the settings refuse the default SECRET_KEY).
os.environ["ENVIRONMENT"] = "test"

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def require_service(name: str, reason: str) -> None:
    """Skip locally, fail in CI: a missing service must never pass silently there."""
    if IN_CI:
        pytest.fail(f"{name} is required under CI=true but is unavailable: {reason}")
    pytest.skip(f"{name} unavailable: {reason}")


def reset_singletons() -> None:
    settings.reset_settings_cache()
    db.reset_engine()
    cache.reset_cache()
    crypto.reset_crypto()
    rate_limit.reset_rate_limits()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private var/ dir and default settings for every test."""
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    monkeypatch.setenv("VAR_DIR", str(var_dir))
    monkeypatch.setenv("ENVIRONMENT", "test")
    for name in ("DATABASE_URL", "REDIS_URL", "LANCEDB_DIR", "SMTP_HOST", "ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    reset_singletons()
    yield var_dir
    reset_singletons()


def _migrate() -> None:
    from alembic import command
    from alembic.config import Config

    root = Path(__file__).resolve().parents[1]
    config = Config(str(root / "alembic.ini"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


def _postgres_database() -> str:
    """Create a throwaway database on the local PostgreSQL; return its URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    try:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception as exc:  # noqa: BLE001
        require_service("PostgreSQL", str(exc).splitlines()[0])
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def _drop_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated, empty database: SQLite, then PostgreSQL (parametrised)."""
    url = None
    if request.param == "postgres":
        url = _postgres_database()
        monkeypatch.setenv("DATABASE_URL", url)
    reset_singletons()
    _migrate()
    yield db.get_engine().url.render_as_string(hide_password=False)
    db.reset_engine()
    if url:
        _drop_postgres_database(url)


@pytest.fixture
def sqlite_db(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated, empty SQLite database only (for tests that need no PostgreSQL run)."""
    reset_singletons()
    _migrate()
    yield str(db.get_engine().url)
    db.reset_engine()


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    with Session(db.get_engine()) as s:
        yield s


@pytest.fixture
def seeded(session: Session) -> Session:
    """The demo business (settings, four tasks) in the test database."""
    from app.services.seed import seed_demo_business

    seed_demo_business(session=session)
    return session


@pytest.fixture
def redis_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """REDIS_URL pointing at a flushed test database on the local Redis."""
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        require_service("Redis", str(exc))
    client.flushdb()
    monkeypatch.setenv("REDIS_URL", TEST_REDIS_URL)
    reset_singletons()
    yield TEST_REDIS_URL
    client.flushdb()
    reset_singletons()


@pytest.fixture
def api_client(db_url: str):
    """A TestClient on the API app (no Reflex), against the test database."""
    from fastapi.testclient import TestClient

    from app.api.main import create_api

    with TestClient(create_api()) as client:
        yield client


# --- the live product (integration and end-to-end tests) ------------------------------------

TEST_ADMIN_EMAIL = "admin@example.com"
TEST_ADMIN_PASSWORD = "correct-horse-battery-staple"


class LiveStack:
    """The whole product running on test ports with its own var/ (see scripts/stack.py)."""

    def __init__(self, stack) -> None:
        self._stack = stack
        self.stack = stack  # scripts.control.Stack, for tests of process control
        self.app_url = stack.app_url
        self.rasa_url = stack.rasa_url
        self.host_url = f"{stack.app_url}/demo/"
        self.var_dir = stack.var_dir
        self.admin_email = TEST_ADMIN_EMAIL
        self.admin_password = TEST_ADMIN_PASSWORD
        self.smtp_inbox = None

    def stop(self, program: str) -> None:
        """Stop one program (rasa, actions, web) until `start` is called."""
        self._stack.stop_program(program)

    def start(self, program: str) -> None:
        self._stack.start_program(program)

    def wait_healthy(self, timeout: float = 180) -> dict:
        return self._stack.wait_healthy(timeout, verbose=False)

    def health(self) -> tuple[int, dict]:
        return self._stack.health()

    def ctl(self, *args: str) -> str:
        return self._stack.ctl(*args)


class SmtpInbox:
    """A real SMTP server (aiosmtpd) on a free port that keeps every message it receives."""

    def __init__(self) -> None:
        import email
        import socket

        from aiosmtpd.controller import Controller

        self.messages: list[email.message.Message] = []
        inbox = self

        class Handler:
            async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd API
                inbox.messages.append(email.message_from_bytes(envelope.content))
                return "250 OK"

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()


@pytest.fixture(scope="session")
def smtp_inbox() -> Iterator[SmtpInbox]:
    inbox = SmtpInbox()
    yield inbox
    inbox.stop()


@pytest.fixture(scope="session")
def live_stack(
    tmp_path_factory: pytest.TempPathFactory, smtp_inbox: SmtpInbox
) -> Iterator[LiveStack]:
    """Rasa, the action server and the Reflex app, started once per test session."""
    from scripts.control import Stack

    var_dir = tmp_path_factory.mktemp("live") / "var"
    stack = Stack(
        var_dir=var_dir,
        app_port=int(os.environ.get("TEST_APP_PORT", "3900")),
        rasa_port=int(os.environ.get("TEST_RASA_PORT", "5905")),
        actions_port=int(os.environ.get("TEST_ACTIONS_PORT", "5955")),
        extra_env={
            "ENVIRONMENT": "test",
            "ADMIN_EMAIL": TEST_ADMIN_EMAIL,
            "ADMIN_PASSWORD": TEST_ADMIN_PASSWORD,
            "DATABASE_URL": "",
            "REDIS_URL": "",
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(smtp_inbox.port),
            # Tests serve pages to ingest from local servers on free ports.
            "INGEST_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # The conversation tests book again and again as jane@example.com in one stack.
            "MAX_OPEN_BOOKINGS_PER_EMAIL": "100",
            # The browser tests sign in from one address dozens of times a minute, some with a
            # wrong password on purpose; the throttle itself is tested in test_login_throttle.py.
            "LOGIN_RATE_LIMIT": "1000/minute",
            "LOGIN_FAILURE_LIMITS": "1000/minute",
            "LOGIN_IP_FAILURE_LIMITS": "1000/hour",
            "LOGIN_ACCOUNT_FAILURE_LIMITS": "1000/hour",
        },
    )
    stack.prepare(quiet=True)
    stack.start()
    try:
        stack.wait_healthy(900, verbose=False)
        stack.warm_up()
        live = LiveStack(stack)
        live.smtp_inbox = smtp_inbox
        yield live
    finally:
        stack.shutdown()


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (no browser download).

    Module-scoped on purpose: Playwright's sync API keeps an event loop running in the main
    thread while it is open, and tests after it that call `asyncio.run` would then fail.
    """
    if not Path(CHROMIUM).exists():
        require_service("Chromium", f"{CHROMIUM} not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page per test (no shared storage)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(20_000)
    new_page = context.new_page()
    yield new_page
    context.close()
