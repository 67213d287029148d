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

Rasa takes the lock for every message (`lock()`, on its event loop) through the synchronous
Redis client: each message waited on about ten Redis round trips with the event loop blocked
(py-spy on Rasa under 150 conversations with the production settings: 16% of its event loop).
`lock()` here makes the same transactions with Redis's asyncio client, so other conversations
go on meanwhile; the synchronous methods stay for anything else that calls them.

Configured in the endpoints (scripts/stack.py writes it when REDIS_URL is set):

    lock_store:
      type: addons.lock_store.AtomicRedisLockStore
      url: 127.0.0.1
      port: 6379
      db: 0
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import redis
import redis.asyncio
from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
    LOCK_LIFETIME,
    LockError,
    RedisLockStore,
)

logger = logging.getLogger(__name__)
T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` whose ticket issuing, expiry and release are atomic across processes."""

    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        # Rasa builds a lock store named by module path with `endpoint_config=` only.
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url, **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)
        # The asyncio client's settings: those Rasa gives its synchronous one.
        self._connection = {
            "host": kwargs.get("host", "localhost"),
            "port": int(kwargs.get("port", 6379)),
            "db": int(kwargs.get("db", 1)),
            "username": kwargs.get("username"),
            "password": kwargs.get("password"),
            "ssl": bool(kwargs.get("use_ssl", False)),
            "ssl_certfile": kwargs.get("ssl_certfile"),
            "ssl_keyfile": kwargs.get("ssl_keyfile"),
            "ssl_ca_certs": kwargs.get("ssl_ca_certs"),
            "socket_timeout": kwargs.get("socket_timeout", DEFAULT_SOCKET_TIMEOUT_IN_SECONDS),
        }
        self._asyncio: tuple[asyncio.AbstractEventLoop, Any] | None = None

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
                    stored, result = _changed(pipe.get(key), change)
                    pipe.multi()
                    _write(pipe, key, stored)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another process changed the lock meanwhile: read it again

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._transact(conversation_id, _issue(conversation_id, lock_lifetime))
        except redis.RedisError as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: str) -> None:
        self._transact(conversation_id, _drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.cleanup(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Return the ticket; delete the lock only if, at that same moment, nobody waits."""
        self._transact(conversation_id, _release(ticket_number))

    # -- the same, on the event loop ----------------------------------------------------------
    def _client(self) -> Any:
        """This event loop's asyncio Redis client (Sanic workers each run their own loop)."""
        loop = asyncio.get_running_loop()
        if self._asyncio is None or self._asyncio[0] is not loop:
            self._asyncio = (loop, redis.asyncio.Redis(**self._connection))
        return self._asyncio[1]

    async def _reconnecting(self, command: Callable[[], Awaitable[T]]) -> T:
        """Run a command that changes nothing (a read, a WATCH), again on a new connection if
        the pooled one turns out closed: a Redis that restarted closed every connection, and
        the asyncio pool hands one out without noticing (seen: every turn's lock failed with
        "Connection closed by server" after a Redis restart)."""
        try:
            return await command()
        except redis.ConnectionError:
            await self._client().connection_pool.disconnect()
            return await command()

    async def _transact_async(
        self, conversation_id: str, change: Callable[[TicketLock | None], tuple[Any, T]]
    ) -> T:
        """`_transact` with the asyncio client."""
        key = self.key_prefix + conversation_id
        while True:
            async with self._client().pipeline() as pipe:
                try:
                    await self._reconnecting(lambda: pipe.watch(key))
                    stored, result = _changed(await pipe.get(key), change)
                    pipe.multi()
                    _write(pipe, key, stored)
                    await pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another process changed the lock meanwhile: read it again

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[TicketLock]:
        """Rasa's `LockStore.lock`: a ticket, the wait for its turn, the ticket returned."""
        try:
            ticket = await self._transact_async(
                conversation_id, _issue(conversation_id, lock_lifetime)
            )
        except redis.RedisError as exc:
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc
        try:
            yield await self._acquire_async(conversation_id, ticket, wait_time_in_seconds)
        finally:
            # Returned even when the turn is cancelled (a visitor who hung up).
            await asyncio.shield(self._transact_async(conversation_id, _release(ticket)))

    async def _acquire_async(
        self, conversation_id: str, ticket: int, wait_time_in_seconds: float
    ) -> TicketLock:
        """Rasa's `LockStore._acquire_lock` with the asyncio client."""
        while True:
            raw = await self._reconnecting(
                lambda: self._client().get(self.key_prefix + conversation_id)
            )
            lock = TicketLock.from_dict(json.loads(raw)) if raw else None
            if not lock:
                break  # expired
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            await self._transact_async(conversation_id, _drop_expired)
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")


def _changed(raw: Any, change: Callable[[TicketLock | None], tuple[Any, T]]) -> tuple[Any, T]:
    """`change` applied to the stored lock (`raw`, or None when there is none)."""
    return change(TicketLock.from_dict(json.loads(raw)) if raw else None)


def _write(pipe: Any, key: str, stored: Any) -> None:
    """Queue in the transaction what `change` said to store."""
    if stored is None:
        pipe.delete(key)
    elif stored is not ...:
        pipe.set(key, stored.dumps())


# The changes `_transact` makes: each gets the stored lock (or None) and returns (what to store:
# a lock, None to delete the key, `...` to leave it), and the result.
def _issue(
    conversation_id: str, lock_lifetime: float
) -> Callable[[TicketLock | None], tuple[TicketLock, int]]:
    def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
        lock = lock or TicketLock(conversation_id)
        return lock, lock.issue_ticket(lock_lifetime)

    return issue


def _drop_expired(lock: TicketLock | None) -> tuple[Any, None]:
    if lock is None:
        return ..., None
    lock.remove_expired_tickets()
    return lock, None


def _release(ticket_number: int) -> Callable[[TicketLock | None], tuple[Any, None]]:
    def release(lock: TicketLock | None) -> tuple[Any, None]:
        if lock is None:
            return ..., None
        lock.remove_ticket_for(ticket_number)
        return (lock if lock.is_someone_waiting() else None), None

    return release
