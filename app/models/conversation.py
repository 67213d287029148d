"""Conversations and their turns, for analytics and transcripts (PII masked)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models.task_config import utcnow

OUTCOMES = frozenset(
    {
        "answered",
        "declined",
        "booked",
        "meeting_booked",
        "rescheduled",
        "cancelled",
        "pending",
        "handed_off",
        "refused",
    }
)
"""How a visitor's goal ended, as the actions report it in the `last_outcome` slot."""


class Conversation(SQLModel, table=True):
    """One visitor's conversation, keyed by Rasa's sender id."""

    __tablename__ = "conversations"

    id: int | None = Field(default=None, primary_key=True)
    sender_id: str = Field(index=True, unique=True, max_length=255)
    channel: str = Field(default="widget", max_length=30)
    started_at: dt.datetime = Field(default_factory=utcnow, index=True)
    last_message_at: dt.datetime = Field(default_factory=utcnow)
    visitor_messages: int = 0
    bot_messages: int = 0
    # answered, declined, booked, handed_off, fallback, abandoned (last meaningful outcome)
    outcome: str | None = Field(default=None, max_length=20, index=True)
    first_intent: str | None = Field(default=None, max_length=60)
    booking_started: bool = False
    booking_confirmed: bool = False
    booking_cancelled: bool = False


class ConversationTurn(SQLModel, table=True):
    """One message in a conversation, by the visitor or the bot."""

    __tablename__ = "conversation_turns"

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversations.id", index=True)
    role: str = Field(max_length=10)  # visitor | bot
    text: str  # masked
    intent: str | None = Field(default=None, max_length=60)
    confidence: float | None = None
    outcome: str | None = Field(default=None, max_length=20)
    sources: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    latency_ms: int | None = None
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class Attachment(SQLModel, table=True):
    """A file a visitor uploaded in the widget (image or PDF, type checked by content)."""

    __tablename__ = "attachments"

    id: int | None = Field(default=None, primary_key=True)
    sender_id: str = Field(index=True, max_length=255)
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    size_bytes: int
    stored_path: str = Field(max_length=1000)
    created_at: dt.datetime = Field(default_factory=utcnow)


class AnalyticsSyncState(SQLModel, table=True):
    """How far analytics has read Rasa's event stream: the last materialised event id."""

    __tablename__ = "analytics_sync_state"

    source: str = Field(primary_key=True, max_length=50)
    last_event_id: int = 0
    synced_at: dt.datetime = Field(default_factory=utcnow)
