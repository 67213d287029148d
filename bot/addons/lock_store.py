"""Rasa's Redis lock store, with each change of a conversation's lock made atomic.

Rasa 3.6's `RedisLockStore` reads a conversation's ticket lock, changes it in the process, and
writes it back. Two Rasa servers receiving a message of one visitor at the same moment both
read "no lock", both create one holding ticket 0, and both go ahead: the two turns run at
once and their events interleave (seen with two servers behind the gateway,
tests/integration/test_gateway.py). Releasing has the same race: a server that deletes the
lock because nobody seemed to wait can delete the ticket another server has just added.

Here every read-change-write of a lock runs as a Redis optimistic transaction (WATCH the key,
MULTI/EXEC the write, start again if another process changed it meanwhile), so tickets are
issued and returned one at a time across all processes. Waiting, expiry and the keys are
Rasa's own, so this store and Rasa's can even share a Redis during a rolling change.

Configured in the endpoints (scripts/stack.py writes it when REDIS_URL is set):

    lock_store:
      type: addons.lock_store.AtomicRedisLockStore
      url: 127.0.0.1
      port: 6379
      db: 0
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

logger = logging.getLogger(__name__)
T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` whose ticket issuing, expiry and release are atomic across processes."""

    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        # Rasa builds a lock store named by module path with `endpoint_config=` only.
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url, **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _transact(
        self, conversation_id: str, change: Callable[[TicketLock | None], tuple[Any, T]]
    ) -> T:
        """Apply `change` to the stored lock atomically.

        `change` gets the current lock (or None) and returns (what to store, result): a
        TicketLock to save, None to delete the key, or `...` to leave it untouched.
        """
        key = self.key_prefix + conversation_id
        while True:
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    stored, result = change(lock)
                    pipe.multi()
                    if stored is None:
                        pipe.delete(key)
                    elif stored is not ...:
                        pipe.set(key, stored.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another process changed the lock meanwhile: read it again

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, issue)
        except redis.RedisError as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[Any, None]:
            if lock is None:
                return ..., None
            lock.remove_expired_tickets()
            return lock, None

        self._transact(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.cleanup(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Return the ticket; delete the lock only if, at that same moment, nobody waits."""

        def release(lock: TicketLock | None) -> tuple[Any, None]:
            if lock is None:
                return ..., None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._transact(conversation_id, release)
