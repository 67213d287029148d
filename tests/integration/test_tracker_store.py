"""The write-behind tracker store (bot/addons/tracker_store.py), run in Rasa's own venv.

What a visitor relies on: a conversation reloads from the event log after a restart, a turn that
failed half-way leaves nothing behind, a new session starts clean, and with Redis two Rasa
processes that take turns on one conversation each see every event the other added.
"""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.conftest import TEST_REDIS_URL, require_service
from tests.support.rasa_venv import run_rasa_script

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
RASA_PY = ROOT / "bot" / ".venv" / "bin" / "python"

SCRIPT = r"""
import asyncio, json, sys
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from addons.tracker_store import WriteBehindTrackerStore, _redis_keys

db_url, redis_url, sender = sys.argv[1], sys.argv[2] or None, sys.argv[3]
domain = Domain.from_dict({"slots": {"date": {"type": "text", "mappings": [{"type": "custom"}]}}})

def store():
    made = WriteBehindTrackerStore(domain, db_url=db_url, flush_interval=0.05, redis_url=redis_url)
    made.domain = domain
    return made

def texts(tracker):
    return [e.text for e in tracker.events if isinstance(e, UserUttered)]

async def turn(s, text, slot=None):
    tracker = await s.get_or_create_tracker(sender)
    tracker.update(UserUttered(text))
    if slot:
        tracker.update(SlotSet("date", slot))
    tracker.update(ActionExecuted("action_listen"))
    await s.save(tracker)

async def main():
    out = {}
    one, two = store(), store()
    await turn(one, "hello", "2026-12-01")
    await turn(two if redis_url else one, "book me in", None)
    await turn(one, "monday please", "2026-12-07")
    seen = await one.retrieve(sender)
    out["texts_after_three_turns"] = texts(seen)
    out["date_slot"] = seen.get_slot("date")

    # A turn that changes the tracker, then fails before it is saved, leaves nothing.
    broken = await one.retrieve(sender)
    broken.update(UserUttered("half a turn"))
    out["texts_after_failed_turn"] = texts(await one.retrieve(sender))

    # A new session: only it is kept in memory and reloaded.
    tracker = await one.retrieve(sender)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("new session"))
    await one.save(tracker)
    other = await (two if redis_url else one).retrieve(sender)
    out["texts_in_new_session_other_process"] = texts(other)

    if redis_url:
        # Redis loses the conversation (restarted empty): the next process to take a turn
        # rebuilds it from the log, and the other, whose memory copy was built on the lost
        # list, follows the new one.
        # (After the write-behind interval: what the log has not received yet is lost with
        # Redis, as with a crash; the store's docstring, "Durability".)
        one.log.flush()
        await one._redis.delete(*_redis_keys(sender))
        await turn(two, "after redis was lost")
        await turn(one, "and again")
        out["texts_after_redis_lost"] = texts(await two.retrieve(sender))

    one.log.close(); two.log.close()
    restarted = store()
    out["texts_after_restart"] = texts(await restarted.retrieve(sender))
    full = await restarted.retrieve_full_tracker(sender)
    out["texts_all_sessions"] = texts(full)
    restarted.log.close()
    print(json.dumps(out))

asyncio.run(main())
"""


def run_store(tmp_path: Path, redis_url: str = "") -> dict:
    sender = f"store-{uuid.uuid4().hex[:8]}"
    db_url = f"sqlite:///{tmp_path / 'events.db'}"
    done = subprocess.run(
        [str(RASA_PY), "-c", SCRIPT, db_url, redis_url, sender],
        cwd=ROOT / "bot",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def check(result: dict, *, redis_lost: bool = False) -> None:
    assert result["texts_after_three_turns"] == ["hello", "book me in", "monday please"]
    assert result["date_slot"] == "2026-12-07"
    assert result["texts_after_failed_turn"] == ["hello", "book me in", "monday please"]
    assert result["texts_in_new_session_other_process"] == ["new session"]
    later = ["after redis was lost", "and again"] if redis_lost else []
    if redis_lost:
        assert result["texts_after_redis_lost"] == ["new session", *later]
    assert result["texts_after_restart"] == ["new session", *later]
    assert result["texts_all_sessions"] == [
        "hello",
        "book me in",
        "monday please",
        "new session",
        *later,
    ]


def test_one_process_reloads_from_the_log_and_drops_a_failed_turn(tmp_path):
    check(run_store(tmp_path))


def test_two_processes_taking_turns_through_redis_see_each_others_events(tmp_path):
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        require_service("Redis", str(exc))
    check(run_store(tmp_path, TEST_REDIS_URL), redis_lost=True)


# Two Rasa servers (`make up-prod`) start at the same moment on a new database: both find no
# events table and both create it. The one that loses must use the other's table, not exit
# (seen: PostgreSQL refused the second CREATE TABLE with a duplicate "pg_type" key, and that
# Rasa server exited, so the gateway answered 502 until supervisord had restarted it).
SCHEMA_RACE = r"""
import json, sys, threading
import sqlalchemy as sa
from addons.tracker_store import ensure_schema

failures = []
for url in sys.argv[1:]:
    barrier = threading.Barrier(6)

    def start():
        engine = sa.create_engine(url)
        barrier.wait()
        try:
            ensure_schema(engine)
        except Exception as exc:  # noqa: BLE001
            failures.append(repr(exc)[:200])
        finally:
            engine.dispose()

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tables = sa.inspect(sa.create_engine(url)).get_table_names()
    assert "events" in tables, tables
print(json.dumps({"failures": failures}))
"""


@pytest.mark.postgres
def test_servers_starting_together_on_a_new_database_all_start():
    from tests.conftest import _drop_postgres_database, _postgres_database

    urls = [_postgres_database() for _ in range(4)]
    try:
        # Rasa's venv reaches PostgreSQL through psycopg2, the driver of a plain postgresql:// URL.
        drivers = [url.replace("+psycopg", "") for url in urls]
        result, _ = run_rasa_script(SCHEMA_RACE, *drivers, timeout=300)
        assert result == {"failures": []}
    finally:
        for url in urls:
            _drop_postgres_database(url)
