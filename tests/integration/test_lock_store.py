"""The Redis lock store two Rasa servers share (bot/addons/lock_store.py), in Rasa's own venv.

Several processes asking for one conversation's lock at the same moment each get their own
ticket, and the last one out removes the lock: Rasa 3.6's own Redis lock store hands out the
same ticket twice under this load (it reads, changes and writes the lock in three steps), so
two turns of one visitor ran at once.
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.conftest import require_service
from tests.support.rasa_venv import run_rasa_script

pytestmark = [pytest.mark.integration, pytest.mark.redis]
REDIS_URL = os.environ.get("TEST_GATEWAY_REDIS_URL", "redis://127.0.0.1:6379/13")

SCRIPT = r"""
import json, sys, threading
from urllib.parse import urlsplit
from addons.lock_store import AtomicRedisLockStore

url, prefix = urlsplit(sys.argv[1]), sys.argv[2]
stores = [
    AtomicRedisLockStore(
        host=url.hostname, port=url.port or 6379, db=int(url.path.lstrip("/") or 0),
        key_prefix=prefix,
    )
    for _ in range(6)
]
duplicates = left = 0
for round_ in range(30):
    conversation = f"visitor{round_}"
    barrier = threading.Barrier(len(stores))
    tickets = [None] * len(stores)

    def work(i):
        barrier.wait()  # all at once
        tickets[i] = stores[i].issue_ticket(conversation)
        barrier.wait()
        stores[i].cleanup(conversation, tickets[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duplicates += len(tickets) - len(set(tickets))
    left += stores[0].get_lock(conversation) is not None
print(json.dumps({"duplicate_tickets": duplicates, "locks_left": left}))
"""


def _run(script: str) -> dict:
    """Run `script` in Rasa's venv against the test Redis with a key prefix of its own."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        require_service("Redis", str(exc))
    prefix = "locktest" + uuid.uuid4().hex[:8]
    try:
        return run_rasa_script(script, REDIS_URL, prefix, timeout=120)[0]
    finally:
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)


def test_tickets_issued_at_once_are_distinct_and_the_lock_is_released():
    assert _run(SCRIPT) == {"duplicate_tickets": 0, "locks_left": 0}


# Rasa takes the lock for each message on its event loop: several servers' turns of one visitor,
# arriving together, run one at a time and in ticket order, and nothing is left behind.
ASYNC_SCRIPT = r"""
import asyncio, json, sys
from urllib.parse import urlsplit
from addons.lock_store import AtomicRedisLockStore

url, prefix = urlsplit(sys.argv[1]), sys.argv[2]
stores = [
    AtomicRedisLockStore(
        host=url.hostname, port=url.port or 6379, db=int(url.path.lstrip("/") or 0),
        key_prefix=prefix,
    )
    for _ in range(4)
]
inside = overlaps = turns = 0

async def turn(store, conversation):
    global inside, overlaps, turns
    async with store.lock(conversation, wait_time_in_seconds=0.01):
        inside += 1
        overlaps += inside > 1
        await asyncio.sleep(0.005)  # the turn's work, during which others wait their turn
        inside -= 1
        turns += 1

def close_our_connections():
    # What a Redis restart does to the stores' pooled connections (only this test's database).
    import redis
    db = int(url.path.lstrip("/") or 0)
    killer = redis.Redis(host=url.hostname, port=url.port or 6379, db=db)
    mine = str(killer.client_id())
    for client in killer.client_list():
        if client.get("db") == str(db) and client["id"] != mine:
            killer.client_kill_filter(_id=client["id"])
    return True

async def main():
    for round_ in range(16):
        if round_ == 15:
            close_our_connections()  # the last round's turns start on closed connections
        conversation = f"visitor{round_}"
        await asyncio.gather(*(turn(store, conversation) for store in stores for _ in range(2)))
    left = sum(stores[0].get_lock(f"visitor{r}") is not None for r in range(16))
    print(json.dumps({"turns": turns, "overlaps": overlaps, "locks_left": left}))

asyncio.run(main())
"""


def test_turns_on_the_event_loop_take_the_lock_one_at_a_time():
    # The last of 16 rounds starts after Redis closed the stores' connections (as it does when
    # it restarts): its turns reconnect instead of failing.
    assert _run(ASYNC_SCRIPT) == {"turns": 128, "overlaps": 0, "locks_left": 0}
