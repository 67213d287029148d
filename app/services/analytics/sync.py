"""Conversation analytics, synced: Rasa's event stream materialised into rows.

Rasa's tracker store (bot/addons/tracker_store.py) appends every conversation event to a table
`events` (id, sender_id, type_name, data = the event as JSON) in the database at
`RASA_EVENTS_URL`, in batches. `sync_events` reads the events after
a watermark and materialises them into `conversations` and `conversation_turns` (visitor text
PII-masked); `analytics.reports` reads those tables.

Event shapes used (rasa 3.6 `Event.as_dict()`):
- `{"event": "user", "timestamp", "text", "parse_data": {"intent": {"name", "confidence"}}}`
- `{"event": "bot", "timestamp", "text", "data": {"custom": {"sources": [...]}}}`
- `{"event": "slot", "name": "last_outcome", "value": "answered" | ...}`
- `{"event": "active_loop", "name": "booking_form"}`
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine, inspect
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select, update

from app.core.logging import mask_pii
from app.core.settings import get_settings
from app.models import OUTCOMES, AnalyticsSyncState, Conversation, ConversationTurn, utcnow
from app.models.citation import citations

logger = logging.getLogger(__name__)

EVENT_SOURCE = "rasa_events"
REPORTED_OUTCOMES = OUTCOMES | {"fallback"}  # fallback: an nlu_fallback turn, no action's
FALLBACK_INTENT = "nlu_fallback"
BOOKING_FORMS = frozenset({"booking_form"})

# Rasa's own table, read with SQLAlchemy Core: it is not ours, so it stays off SQLModel.metadata.
_events_metadata = MetaData()
EVENTS = Table(
    "events",
    _events_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("data", Text),
)


# Conversations the product has with itself (scripts/stack.py warms the models up with one).
INTERNAL_SENDERS = frozenset({"warm-up"})


@lru_cache(maxsize=4)
def _events_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        return create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=2)


def _read_events(*, after_id: int, limit: int) -> list[tuple[int, str, dict[str, Any]]]:
    """Rasa events with id > after_id, oldest first: (id, sender_id, event); [] when none yet."""
    engine = _events_engine(get_settings().rasa_events_url)
    with engine.connect() as connection:
        if not inspect(connection).has_table("events"):
            return []  # Rasa has not written anything yet
        rows = connection.execute(
            sa_select(EVENTS.c.id, EVENTS.c.sender_id, EVENTS.c.data)
            .where(EVENTS.c.id > after_id)
            .order_by(EVENTS.c.id)
            .limit(limit)
        ).all()
    events = []
    for event_id, sender_id, data in rows:
        try:
            events.append((event_id, sender_id or "", json.loads(data or "{}")))
        except json.JSONDecodeError:
            logger.warning("skipping unreadable Rasa event %s", event_id)
            events.append((event_id, sender_id or "", {}))
    return events


def aware(moment: dt.datetime) -> dt.datetime:
    # SQLite returns naive datetimes for the aware UTC values it stored.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _moment(event: dict[str, Any]) -> dt.datetime:
    timestamp = event.get("timestamp")
    if isinstance(timestamp, int | float) and math.isfinite(timestamp):
        return dt.datetime.fromtimestamp(timestamp, dt.UTC)
    return utcnow()


@dataclass
class _Thread:
    """What sync needs to remember about one conversation while reading events."""

    conversation: Conversation
    last_visitor_turn: ConversationTurn | None
    awaiting_reply_since: dt.datetime | None  # set after a visitor message, until the bot answers


class _Materialiser:
    """Applies events to conversations and turns inside one session (one sync batch)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.threads: dict[str, _Thread] = {}

    def _thread(self, sender_id: str, moment: dt.datetime) -> _Thread:
        if sender_id in self.threads:
            return self.threads[sender_id]
        session = self.session
        conversation = session.exec(
            select(Conversation).where(Conversation.sender_id == sender_id)
        ).first()
        last_turn = last_visitor = None
        if conversation is None:
            conversation = Conversation(
                sender_id=sender_id[:255], started_at=moment, last_message_at=moment
            )
            session.add(conversation)
            session.flush()
        else:
            turns = select(ConversationTurn).where(
                ConversationTurn.conversation_id == conversation.id
            )
            last_turn = session.exec(turns.order_by(col(ConversationTurn.id).desc())).first()
            last_visitor = session.exec(
                turns.where(ConversationTurn.role == "visitor").order_by(
                    col(ConversationTurn.id).desc()
                )
            ).first()
        awaiting = (
            aware(last_turn.created_at) if last_turn and last_turn.role == "visitor" else None
        )
        thread = _Thread(conversation, last_visitor, awaiting)
        self.threads[sender_id] = thread
        return thread

    def apply(self, sender_id: str, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind not in ("user", "bot", "slot", "active_loop") or not sender_id:
            return
        if sender_id in INTERNAL_SENDERS:
            return  # the start-up warm-up question is not a visitor
        moment = _moment(event)
        thread = self._thread(sender_id, moment)
        if kind == "user":
            self._visitor_message(thread, event, moment)
        elif kind == "bot":
            self._bot_message(thread, event, moment)
        elif kind == "slot" and event.get("name") == "last_outcome":
            self._outcome(thread, event.get("value"))
        elif kind == "active_loop" and event.get("name") in BOOKING_FORMS:
            thread.conversation.booking_started = True
            self.session.add(thread.conversation)

    def _visitor_message(self, thread: _Thread, event: dict, moment: dt.datetime) -> None:
        intent = ((event.get("parse_data") or {}).get("intent")) or {}
        name = intent.get("name")
        confidence = intent.get("confidence")
        turn = ConversationTurn(
            conversation_id=thread.conversation.id,
            role="visitor",
            text=mask_pii(str(event.get("text") or "")),
            intent=name[:60] if isinstance(name, str) else None,
            confidence=float(confidence) if isinstance(confidence, int | float) else None,
            outcome="fallback" if name == FALLBACK_INTENT else None,
            created_at=moment,
        )
        self.session.add(turn)
        conversation = thread.conversation
        conversation.visitor_messages += 1
        conversation.last_message_at = max(aware(conversation.last_message_at), moment)
        if conversation.first_intent is None and turn.intent:
            conversation.first_intent = turn.intent
        if turn.outcome:
            conversation.outcome = turn.outcome
        self.session.add(conversation)
        thread.last_visitor_turn = turn
        thread.awaiting_reply_since = moment

    def _bot_message(self, thread: _Thread, event: dict, moment: dt.datetime) -> None:
        custom = ((event.get("data") or {}).get("custom")) or {}
        sources = citations(custom.get("sources")) if isinstance(custom, dict) else []
        latency_ms = None
        if thread.awaiting_reply_since is not None:
            elapsed = (moment - thread.awaiting_reply_since).total_seconds()
            latency_ms = max(0, round(elapsed * 1000))
            thread.awaiting_reply_since = None
        self.session.add(
            ConversationTurn(
                conversation_id=thread.conversation.id,
                role="bot",
                # The bot repeats what the visitor typed ("we'll email you at …"): mask it too.
                text=mask_pii(str(event.get("text") or "")),
                sources=[citation.as_data() for citation in sources],
                latency_ms=latency_ms,
                created_at=moment,
            )
        )
        conversation = thread.conversation
        conversation.bot_messages += 1
        conversation.last_message_at = max(aware(conversation.last_message_at), moment)
        self.session.add(conversation)

    def _outcome(self, thread: _Thread, value: Any) -> None:
        if value not in REPORTED_OUTCOMES:
            return  # the slot being reset (None) or a value we do not report on
        conversation = thread.conversation
        conversation.outcome = value
        if value == "booked":
            conversation.booking_confirmed = True
        elif value == "cancelled":
            conversation.booking_cancelled = True
        self.session.add(conversation)
        if thread.last_visitor_turn is not None:
            thread.last_visitor_turn.outcome = value
            self.session.add(thread.last_visitor_turn)


class _LostRace(Exception):
    """The watermark moved while this batch was being built."""


def _apply_batch(
    session: Session, events: list[tuple[int, str, dict]], last_seen: int, *, first_sync: bool
) -> None:
    materialiser = _Materialiser(session)
    for _, sender_id, event in events:
        materialiser.apply(sender_id, event)
    newest = events[-1][0]
    # Compare-and-set on the watermark, committed with the rows it accounts for.
    if first_sync:
        session.add(AnalyticsSyncState(source=EVENT_SOURCE, last_event_id=newest))
    else:
        moved = session.exec(
            update(AnalyticsSyncState)
            .where(
                AnalyticsSyncState.source == EVENT_SOURCE,
                AnalyticsSyncState.last_event_id == last_seen,
            )
            .values(last_event_id=newest, synced_at=utcnow())
        )
        if moved.rowcount != 1:
            raise _LostRace
    session.commit()


def _sync_batch(session: Session, batch_size: int) -> int:
    state = session.get(AnalyticsSyncState, EVENT_SOURCE)
    last_seen = state.last_event_id if state else 0
    events = _read_events(after_id=last_seen, limit=batch_size)
    if not events:
        return 0
    try:
        _apply_batch(session, events, last_seen, first_sync=state is None)
    except (IntegrityError, _LostRace):
        # Another process materialised the same events first: drop ours instead of
        # counting them twice.
        session.rollback()
        return 0
    return len(events)


def refresh(session: Session) -> None:
    """Fold in the bot's new events before a report is read: the one way the dashboard and the
    API bring analytics up to date. If Rasa's event log cannot be read, the stored figures
    are shown (stale figures beat none) and the failure is logged."""
    try:
        sync_events(session=session)
    except Exception:  # noqa: BLE001
        session.rollback()
        logger.exception("could not read new conversation events; showing what is stored")


def sync_events(*, session: Session, batch_size: int = 2000) -> int:
    """Materialise Rasa events newer than the watermark; returns how many were read."""
    total = 0
    while True:
        count = _sync_batch(session, batch_size)
        total += count
        if count < batch_size:
            return total
