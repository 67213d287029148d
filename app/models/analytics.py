"""The conversation analytics' public shapes: the dashboard's figures, the conversation list
and transcripts (times aware, in UTC; texts PII-masked)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from app.models.citation import Citation


class DayCount(BaseModel):
    date: dt.date
    count: int


class IntentCount(BaseModel):
    intent: str
    count: int


class BookingFunnel(BaseModel):
    started: int
    confirmed: int
    cancelled: int


class UnansweredQuestion(BaseModel):
    """A question the bot could not answer, with how often it was asked."""

    text: str
    count: int
    outcome: str | None
    last_asked_at: dt.datetime
    conversation_id: int


class AnalyticsSummary(BaseModel):
    """Key figures for the days start..end (inclusive) in the business's timezone; rates and
    response times are None when there is nothing to measure."""

    start: dt.date
    end: dt.date
    timezone: str
    conversations: int
    messages: int
    visitor_messages: int
    containment_rate: float | None
    fallback_rate: float | None
    booked: int
    meetings_booked: int
    handed_off: int
    outcomes: dict[str, int]
    median_response_ms: float | None
    p95_response_ms: float | None
    conversations_per_day: list[DayCount]
    top_intents: list[IntentCount]
    booking_funnel: BookingFunnel
    unanswered_questions: list[UnansweredQuestion]


class ConversationPublic(BaseModel):
    """One conversation; `preview` is its first visitor message (in lists only)."""

    id: int
    sender_id: str
    channel: str
    started_at: dt.datetime
    last_message_at: dt.datetime
    visitor_messages: int
    bot_messages: int
    outcome: str | None
    first_intent: str | None
    booking_started: bool
    booking_confirmed: bool
    booking_cancelled: bool
    preview: str | None


class TurnPublic(BaseModel):
    """One message of a transcript, with what the bot understood and cited."""

    role: str
    text: str
    intent: str | None
    confidence: float | None
    outcome: str | None
    sources: list[Citation]
    latency_ms: int | None
    created_at: dt.datetime


class Transcript(BaseModel):
    conversation: ConversationPublic
    turns: list[TurnPublic]
