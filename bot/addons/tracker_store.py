"""A tracker store that answers from memory and writes new events behind the reply.

Why not Rasa's own stores: the SQL tracker store re-reads and replays every event of the
conversation on each message, and the SQL event broker commits each event on its own, on the
event loop. Profiled under load, those commits took three quarters of Rasa's time, and the
cost of a turn grew with the length of the conversation.

This store keeps each live conversation's tracker in memory, so a turn costs the same on the
first message and the hundredth. After each turn it queues only the events that turn added; a
background thread writes the queue in one transaction every `flush_interval` seconds. The
table it writes is the event log the dashboard's analytics read (`events`: id, sender_id,
data = the event as JSON, the shape of Rasa's SQL event broker, so no event broker is needed),
plus `type_name` and `timestamp`, so a conversation can be reloaded, in order, from its last
session start after a restart (with several processes, batches can land out of order; the
events' own timestamps cannot, as one process at a time handles a conversation).

Durability: a clean stop (SIGTERM, Ctrl-C) writes everything queued before the process exits.
A crash (SIGKILL, power loss) can lose the last `flush_interval` seconds of events. So can Redis
coming back empty with several processes: a conversation whose list is gone is rebuilt from
the SQL log, as a new list of a new generation (the session key says which), and every
process drops its memory copy built on the old one.

Several Rasa processes (`redis_url` set, with Rasa's Redis lock store so one process at a
time handles a conversation): each turn's new events are also appended to a Redis list per
conversation, in the same round trip as its expiry. A process answers from its memory copy
when the list has not grown since it last saw it, catches up on only the events another
process added when it has, and rebuilds from the list when the session changed. Two Redis
round trips a turn, whatever the conversation's length.
"""

from __future__ import annotations

import asyncio
import atexit
import itertools
import json
import logging
import multiprocessing.util
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import redis.asyncio
import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SerializedTrackerAsText, TrackerStore
from rasa.shared.core.constants import ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain, SessionConfig
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted
from rasa.shared.core.trackers import (
    DialogueStateTracker,
    get_trackers_for_conversation_sessions,
)
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff

logger = logging.getLogger(__name__)

_metadata = sa.MetaData()
EVENTS = sa.Table(
    "events",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sender_id", sa.String(255), index=True),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("data", sa.Text),
)


def engine_for(url: str) -> sa.engine.Engine:
    """An engine for the event log; SQLite in WAL mode so readers never block the writer."""
    if url.startswith("postgresql+psycopg://"):  # the main venv's driver name; psycopg2 here
        url = "postgresql://" + url.removeprefix("postgresql+psycopg://")
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2)
    # Connections stay open (SQLAlchemy 1.4 gives a SQLite file NullPool: every flush would
    # connect, switch to WAL, and on closing the last connection checkpoint the WAL into the
    # database; py-spy under load put about 6% of Rasa's CPU there).
    engine = sa.create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=sa.pool.QueuePool,
        pool_size=2,
        max_overflow=2,
    )

    @sa.event.listens_for(engine, "connect")
    def _wal(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def ensure_schema(engine: sa.engine.Engine) -> None:
    """Create the table, or add our columns to an event broker's older one and fill them."""
    if not sa.inspect(engine).has_table("events"):
        try:
            with engine.begin() as connection:  # the table and its index, or neither
                _metadata.create_all(connection)
            return
        except sa.exc.DBAPIError:
            # Two Rasa servers starting at once on a new database (`make up-prod`): the other
            # created it between the check and the create (seen: PostgreSQL's duplicate
            # "pg_type" key, and that server exited). Theirs is used.
            if not sa.inspect(engine).has_table("events"):
                raise
    columns = {column["name"] for column in sa.inspect(engine).get_columns("events")}
    with engine.begin() as connection:
        added = []
        if "type_name" not in columns:
            connection.execute(sa.text("ALTER TABLE events ADD COLUMN type_name VARCHAR(255)"))
            added.append("type_name")
        if "timestamp" not in columns:
            connection.execute(sa.text("ALTER TABLE events ADD COLUMN timestamp FLOAT"))
            added.append("timestamp")
        if added:
            # One pass over the old rows: the type and time are inside each event's JSON.
            rows = connection.execute(sa.select(EVENTS.c.id, EVENTS.c.data)).all()
            for event_id, data in rows:
                try:
                    event = json.loads(data or "{}")
                except ValueError:
                    event = {}
                connection.execute(
                    EVENTS.update()
                    .where(EVENTS.c.id == event_id)
                    .values(type_name=event.get("event"), timestamp=event.get("timestamp"))
                )
        indexes = {index["name"] for index in sa.inspect(connection).get_indexes("events")}
        if "ix_events_sender_id" not in indexes:
            connection.execute(sa.text("CREATE INDEX ix_events_sender_id ON events (sender_id)"))


class EventLogWriter:
    """Queues events and writes them to the event log in one transaction per interval."""

    def __init__(self, db_url: str, flush_interval: float = 0.2) -> None:
        self.engine = engine_for(db_url)
        ensure_schema(self.engine)
        self.flush_interval = float(flush_interval)
        self._queue: list[dict[str, Any]] = []  # rows of EVENTS
        self.queued_senders: dict[str, int] = {}
        self._queue_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="event-log-writer", daemon=True)
        self._thread.start()
        # Runs after Sanic's stop returns, before the interpreter exits; the finaliser does the
        # same in a Sanic worker process (SANIC_WORKERS), which exits without atexit.
        atexit.register(self.close)
        multiprocessing.util.Finalize(self, self.close, exitpriority=10)

    def add(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        """Queue events (each `Event.as_dict()`) of one conversation."""
        rows = []
        for body in events:
            body = {**body, "sender_id": sender_id}
            rows.append(
                {
                    "sender_id": sender_id,
                    "type_name": body.get("event") or "",
                    "timestamp": body.get("timestamp"),
                    "data": json.dumps(body),
                }
            )
        with self._queue_lock:
            self._queue.extend(rows)
            self.queued_senders[sender_id] = self.queued_senders.get(sender_id, 0) + len(rows)

    def flush(self) -> int:
        """Write everything queued, in one transaction; returns how many events."""
        with self._write_lock:
            with self._queue_lock:
                batch, self._queue = self._queue, []
            if not batch:
                return 0
            try:
                with self.engine.begin() as connection:
                    connection.execute(
                        EVENTS.insert(),
                        batch,
                    )
            except Exception:
                # Keep the events for the next try rather than lose them.
                with self._queue_lock:
                    self._queue[:0] = batch
                raise
            with self._queue_lock:
                for sender_id in (row["sender_id"] for row in batch):
                    left = self.queued_senders.get(sender_id, 0) - 1
                    if left > 0:
                        self.queued_senders[sender_id] = left
                    else:
                        self.queued_senders.pop(sender_id, None)
            return len(batch)

    async def flush_async(self) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.flush)

    def _loop(self) -> None:
        while not self._stopping:
            self._wake.wait(self.flush_interval)
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - logged; the events stay queued for the next try
                logger.exception("writing conversation events failed; retrying")
                time.sleep(1)

    def close(self) -> None:
        """Write what is queued (clean stop)."""
        self._stopping = True
        self._wake.set()
        for _attempt in range(3):
            try:
                written = self.flush()
                if written:
                    logger.info("wrote %s queued conversation events on shutdown", written)
                return
            except Exception:  # noqa: BLE001
                logger.exception("writing conversation events on shutdown failed")
                time.sleep(0.5)


class _Live:
    """A conversation held in memory: its tracker, and how many of its events are saved."""

    __slots__ = ("tracker", "saved", "touched", "version", "session_start", "generation")

    def __init__(self, tracker: DialogueStateTracker | None, saved: int) -> None:
        self.tracker = tracker
        self.saved = saved
        self.touched = time.monotonic()
        # Shared mode: the length of the conversation's Redis list this copy reflects, the
        # list index where its session starts, and which list it was (see _session_value).
        self.version = saved
        self.session_start = 0
        self.generation = ""


def _session_value(start: int, generation: str) -> str:
    """The session key's value: where the session starts in the list, and the list's generation.

    A list is rebuilt from the SQL log when Redis lost it (restarted empty, expired); the new
    list's indexes are not the old one's, so a process whose memory copy was built on the old
    list must not apply the new list's tail to it. A new generation tells it so."""
    return f"{start} {generation}"


def _parse_session_value(raw: bytes | str | None) -> tuple[int, str]:
    text = raw.decode() if isinstance(raw, bytes) else (raw or "0")
    start, _, generation = text.partition(" ")
    return int(start or 0), generation


# Without this, the first turn after a Redis restart fails on a dead pooled connection, and
# Rasa then answers that turn from an empty in-memory tracker: a form in progress is forgotten.
_RETRIED_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


def _redis_retry() -> Retry:
    return Retry(ExponentialBackoff(cap=0.5, base=0.05), 3, _RETRIED_ERRORS)


async def _nothing(_error: Exception) -> None:
    return None


def _redis_keys(sender_id: str) -> tuple[str, str]:
    return f"conversation:{sender_id}:events", f"conversation:{sender_id}:session"


class WriteBehindTrackerStore(TrackerStore, SerializedTrackerAsText):
    """Memory first, an append-only SQL event log behind it (see the module docstring)."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        db_url: str = "sqlite:///rasa_events.db",
        flush_interval: float = 0.2,
        max_live: int = 20000,
        session_idle_minutes: float | None = None,
        redis_url: str | None = None,
        redis_ttl_seconds: int = 7 * 24 * 3600,
        **kwargs: Any,
    ) -> None:
        self._session_idle_minutes = session_idle_minutes
        super().__init__(domain, event_broker, **kwargs)
        self.log = EventLogWriter(db_url, flush_interval)
        self.engine = self.log.engine
        self.max_live = int(max_live)
        self._live: OrderedDict[str, _Live] = OrderedDict()
        # A dropped connection (Redis restarted: every pooled connection is dead) is tried
        # again on a fresh one, for single commands here and for the pipelines below.
        self._redis = (
            redis.asyncio.from_url(
                redis_url, retry=_redis_retry(), retry_on_error=list(_RETRIED_ERRORS)
            )
            if redis_url
            else None
        )
        self.redis_ttl_seconds = int(redis_ttl_seconds)

    # -- the domain's session length comes from the product's settings ------------------------
    @property
    def domain(self) -> Domain:
        return self._domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        self._domain = domain or Domain.empty()
        if self._session_idle_minutes is not None:
            # The same Domain object drives the processor's session expiry.
            self._domain.session_config = SessionConfig(
                float(self._session_idle_minutes),
                self._domain.session_config.carry_over_slots,
            )

    # -- reading -------------------------------------------------------------------------------
    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        if self._redis is not None:
            return await self._retrieve_shared(sender_id)
        live = self._live.get(sender_id)
        if live is not None:
            self._touch(sender_id, live)
            return self._without_unsaved(sender_id, live)
        tracker = await self._load_from_log(sender_id)
        self._remember(sender_id, _Live(tracker, len(tracker.events) if tracker else 0))
        return tracker

    def _without_unsaved(self, sender_id: str, live: _Live) -> DialogueStateTracker | None:
        if live.tracker is not None and len(live.tracker.events) != live.saved:
            # A turn changed the tracker, then failed before saving: drop what it added.
            events = list(itertools.islice(live.tracker.events, 0, live.saved))
            live.tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        return live.tracker

    async def _load_from_log(self, sender_id: str) -> DialogueStateTracker | None:
        if sender_id in self.log.queued_senders:
            await self.log.flush_async()
        events = await asyncio.get_running_loop().run_in_executor(
            None, self._read_events, sender_id, False
        )
        return self._tracker_from(sender_id, events) if events else None

    async def _retrieve_shared(self, sender_id: str) -> DialogueStateTracker | None:
        events_key, session_key = _redis_keys(sender_id)

        async def read() -> list[Any]:
            async with self._redis.pipeline(transaction=False) as pipe:
                return await pipe.llen(events_key).get(session_key).execute()

        # redis-py retries single commands, not pipelines; this one only reads.
        length, session = await _redis_retry().call_with_retry(read, _nothing)
        start, generation = _parse_session_value(session)
        live = self._live.get(sender_id)
        if live is not None:
            self._touch(sender_id, live)
            self._without_unsaved(sender_id, live)
        if length == 0:
            # New, or lost from Redis (expired, or Redis restarted empty): the SQL log has it
            # (or nothing). Its events start a new list, of a new generation.
            tracker = await self._load_from_log(sender_id)
            live = _Live(tracker, len(tracker.events) if tracker else 0)
            live.version = 0  # the list it reflects is the empty one
            if tracker is not None:
                await self._append_shared(
                    sender_id, live, [event.as_dict() for event in tracker.events], 0
                )
            self._remember(sender_id, live)
            return tracker
        if (
            live is not None
            and live.tracker is not None
            and live.session_start == start
            and live.generation == generation
            and live.version <= length
        ):
            if live.version < length:  # another process answered since: apply what it added
                for raw in await self._redis.lrange(events_key, live.version, length - 1):
                    live.tracker.update(Event.from_parameters(json.loads(raw)))
                live.version = length
                live.saved = len(live.tracker.events)
            return live.tracker
        raw_events = await self._redis.lrange(events_key, start, length - 1)
        tracker = self._tracker_from(sender_id, [json.loads(raw) for raw in raw_events])
        live = _Live(tracker, len(tracker.events))
        live.version, live.session_start, live.generation = length, start, generation
        self._remember(sender_id, live)
        return tracker

    async def _append_shared(
        self, sender_id: str, live: _Live, bodies: list[dict[str, Any]], session_at: int | None
    ) -> None:
        """Append a turn's events to the conversation's Redis list (one round trip)."""
        events_key, session_key = _redis_keys(sender_id)
        before = live.version
        if before == 0:  # a new list: a new conversation, or one rebuilt from the log
            live.generation = uuid.uuid4().hex[:12]
            session_at = session_at or 0

        async def append() -> list[Any]:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.rpush(events_key, *[json.dumps(body) for body in bodies])
                if session_at is not None:
                    # The lock store lets one process at a time append: the list was
                    # `before` long.
                    pipe.set(session_key, _session_value(before + session_at, live.generation))
                pipe.expire(events_key, self.redis_ttl_seconds)
                pipe.expire(session_key, self.redis_ttl_seconds)
                return await pipe.execute()

        async def append_again() -> list[Any]:
            # The connection dropped: Redis may have run the transaction and lost only the
            # reply. One process at a time writes (the lock store), so the length says which.
            length = await self._redis.llen(events_key)
            if length == before + len(bodies):
                return [length]
            if length != before:
                raise redis.exceptions.RedisError(
                    f"{events_key} holds {length} events, {before} expected"
                )
            return await append()

        try:
            results = await append()
        except _RETRIED_ERRORS:
            results = await _redis_retry().call_with_retry(append_again, _nothing)
        if session_at is not None:
            live.session_start = before + session_at
        live.version = results[0]

    async def retrieve_full_tracker(self, sender_id: str) -> DialogueStateTracker | None:
        """Every session (history, transcripts): read from the log after writing the queue."""
        await self.log.flush_async()
        events = await asyncio.get_running_loop().run_in_executor(
            None, self._read_events, sender_id, True
        )
        return self._tracker_from(sender_id, events) if events else None

    async def keys(self) -> Iterable[str]:
        await self.log.flush_async()
        with self.engine.connect() as connection:
            rows = connection.execute(sa.select(EVENTS.c.sender_id).distinct()).all()
        return [row[0] for row in rows]

    def _tracker_from(self, sender_id: str, events: list[dict[str, Any]]) -> DialogueStateTracker:
        return DialogueStateTracker.from_events(
            sender_id,
            [Event.from_parameters(event) for event in events],
            self.domain.slots,
        )

    def _read_events(self, sender_id: str, all_sessions: bool) -> list[dict[str, Any]]:
        query = sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == sender_id)
        if not all_sessions:
            last_start = (
                sa.select(sa.func.max(EVENTS.c.timestamp))
                .where(EVENTS.c.sender_id == sender_id)
                .where(EVENTS.c.type_name == SessionStarted.type_name)
                .scalar_subquery()
            )
            query = query.where(sa.or_(last_start.is_(None), EVENTS.c.timestamp >= last_start))
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(EVENTS.c.timestamp, EVENTS.c.id)).all()
        events = []
        for (data,) in rows:
            event = json.loads(data)
            event.pop("sender_id", None)
            events.append(event)
        return events

    # -- writing -------------------------------------------------------------------------------
    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        live = self._live.get(sender_id)
        if live is None:
            # Saved without being read here first (e.g. the HTTP API): compare with the log.
            await self.retrieve(sender_id)
            live = self._live[sender_id]
        if live.tracker is tracker:
            start = live.saved
        else:
            # Another tracker object for this conversation: what it has beyond the saved
            # events of the current session is new (the rule Rasa's SQL store uses).
            start = live.saved if live.tracker is not None else 0
        new_events = list(itertools.islice(tracker.events, start, None))
        bodies = [event.as_dict() for event in new_events]
        if bodies:
            self.log.add(sender_id, bodies)
        # Where a new session begins (Rasa splits sessions at this action, inclusive).
        starts = [
            i
            for i, event in enumerate(new_events)
            if isinstance(event, ActionExecuted) and event.action_name == ACTION_SESSION_START_NAME
        ]
        if self._redis is not None and bodies:
            await self._append_shared(sender_id, live, bodies, starts[-1] if starts else None)
        if starts:
            # A new session began this turn: keep only it, as `retrieve` would return it.
            tracker = get_trackers_for_conversation_sessions(tracker)[-1]
        live.tracker = tracker
        live.saved = len(tracker.events)
        self._touch(sender_id, live)
        self._evict()

    def _touch(self, sender_id: str, live: _Live) -> None:
        live.touched = time.monotonic()
        self._live.move_to_end(sender_id)

    def _remember(self, sender_id: str, live: _Live) -> None:
        self._live[sender_id] = live
        self._live.move_to_end(sender_id)
        self._evict()

    def _evict(self) -> None:
        """Bound memory: drop the least recently used conversations (they reload from the log)."""
        idle_seconds = 60 * (self.domain.session_config.session_expiration_time or 60)
        now = time.monotonic()
        while self._live:
            oldest_id, oldest = next(iter(self._live.items()))
            if len(self._live) <= self.max_live and now - oldest.touched < idle_seconds:
                break
            self._live.pop(oldest_id)
