"""The production topology: PostgreSQL for data and Rasa's events, Redis for the config cache
and Rasa's tracker and lock stores. The same code as the embedded default, other settings."""

from __future__ import annotations

import json
import time
import uuid

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.conftest import _drop_postgres_database, _postgres_database, require_service

pytestmark = [pytest.mark.integration, pytest.mark.postgres, pytest.mark.redis]
REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture(scope="module")
def production_stack(tmp_path_factory):
    import redis

    from scripts.control import Stack

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        require_service("Redis", str(exc))
    client.flushdb()
    database_url = _postgres_database()
    stack = Stack(
        var_dir=tmp_path_factory.mktemp("prod") / "var",
        app_port=3920,
        rasa_port=5925,
        actions_port=5975,
        web_mode="api",
        extra_env={
            "ENVIRONMENT": "test",
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "ADMIN_PASSWORD": "correct-horse-battery-staple",
        },
    )
    try:
        stack.prepare(quiet=True)
        stack.start()
        stack.wait_healthy(600, verbose=False)
        yield stack, database_url, client
    finally:
        stack.shutdown()
        client.flushdb()
        _drop_postgres_database(database_url)


def test_health_reports_postgres_and_redis(production_stack):
    stack, _, _ = production_stack
    login = httpx.post(
        f"{stack.app_url}/api/auth/login",
        json={"email": "admin@example.com", "password": "correct-horse-battery-staple"},
        timeout=30,
    )
    code, body = stack.health(token=login.json()["access_token"])  # details are for admins
    assert code == 200, body
    assert body["parts"]["database"]["detail"] == "postgresql"
    assert body["parts"]["redis"]["status"] == "up"


def test_a_question_is_answered_and_the_conversation_lives_in_redis_and_postgres(production_stack):
    stack, database_url, client = production_stack
    sender = f"prod-{uuid.uuid4().hex[:8]}"
    reply = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": "What are your business hours?"},
        timeout=60,
    ).json()
    assert any(
        "/demo-site/" in s["url"] for m in reply for s in (m.get("custom") or {}).get("sources", [])
    )

    assert client.llen(f"conversation:{sender}:events"), "the conversation is not in Redis"
    # Events reach PostgreSQL in batches, a fraction of a second after the reply.
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    deadline = time.monotonic() + 15
    user_events: list[dict] = []
    while not user_events and time.monotonic() < deadline:
        time.sleep(0.2)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT data FROM events WHERE sender_id = :s"), {"s": sender}
            ).all()
        user_events = [json.loads(r[0]) for r in rows if json.loads(r[0])["event"] == "user"]
    engine.dispose()
    assert user_events and user_events[0]["text"] == "What are your business hours?"
