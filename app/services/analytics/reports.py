"""Conversation analytics, reported: the dashboard's figures, conversation list and
transcripts, read from the rows `analytics.sync` materialises."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.models import (
    AnalyticsSummary,
    BookingFunnel,
    Conversation,
    ConversationPublic,
    ConversationTurn,
    DayCount,
    IntentCount,
    Page,
    Transcript,
    TurnPublic,
    UnansweredQuestion,
)
from app.models.citation import citations
from app.services.analytics.sync import FALLBACK_INTENT, aware
from app.services.paging import read_page

UNANSWERED_OUTCOMES = ("declined", "fallback")


def _zone(timezone: str | None) -> ZoneInfo:
    if timezone is None:
        from app.services.config import get_bot_settings

        timezone = get_bot_settings().timezone
    return ZoneInfo(timezone)


def today(timezone: str | None = None) -> dt.date:
    """Today in the business's timezone: the one "today" of every report and its defaults."""
    return dt.datetime.now(_zone(timezone)).date()


def _bounds(start: dt.date, end: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """Whole days in the business's timezone, end included, as aware UTC instants."""
    # Clamped so that any date a client sends stays inside datetime's range after shifting.
    start = min(max(start, dt.date(1970, 1, 2)), dt.date(9999, 12, 30))
    end = min(max(end, dt.date(1970, 1, 2)), dt.date(9999, 12, 30))
    low = dt.datetime.combine(start, dt.time.min, zone).astimezone(dt.UTC)
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, zone).astimezone(dt.UTC)
    return low, high


def _percentile(values: list[int], share: float) -> float | None:
    """Nearest-rank percentile (P95 = share 0.95) of a list; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return float(ordered[rank - 1])


def _is_contained(outcomes: list[str | None]) -> bool:
    """Handled by the bot: no hand-off, and not a conversation that only ever fell back."""
    reached = [o for o in outcomes if o]
    if "handed_off" in reached:
        return False
    return not (reached and all(o == "fallback" for o in reached))


def _unanswered(turns: list[ConversationTurn], limit: int = 20) -> list[UnansweredQuestion]:
    """Questions the bot could not answer, most asked first (to guide new content)."""
    counts: Counter[str] = Counter()
    latest: dict[str, ConversationTurn] = {}
    for turn in turns:
        if turn.outcome not in UNANSWERED_OUTCOMES or not turn.text.strip():
            continue
        key = " ".join(turn.text.lower().split())
        counts[key] += 1
        if key not in latest or aware(turn.created_at) >= aware(latest[key].created_at):
            latest[key] = turn
    return [
        UnansweredQuestion(
            text=latest[key].text,
            count=count,
            outcome=latest[key].outcome,
            last_asked_at=aware(latest[key].created_at),
            conversation_id=latest[key].conversation_id,
        )
        for key, count in counts.most_common(limit)
    ]


def summary(
    *, session: Session, start: dt.date, end: dt.date, timezone: str | None = None
) -> AnalyticsSummary:
    """Key figures for the days start..end (inclusive) in the business's timezone."""
    zone = _zone(timezone)
    low, high = _bounds(start, end, zone)
    conversations = session.exec(
        select(Conversation).where(Conversation.started_at >= low, Conversation.started_at < high)
    ).all()
    turns = session.exec(
        select(ConversationTurn).where(
            ConversationTurn.created_at >= low, ConversationTurn.created_at < high
        )
    ).all()
    visitor_turns = [t for t in turns if t.role == "visitor"]
    latencies = [t.latency_ms for t in turns if t.role == "bot" and t.latency_ms is not None]
    outcomes_by_conversation: dict[int, list[str | None]] = {c.id: [] for c in conversations}
    for turn in visitor_turns:
        if turn.conversation_id in outcomes_by_conversation:
            outcomes_by_conversation[turn.conversation_id].append(turn.outcome)
    contained = sum(_is_contained(o) for o in outcomes_by_conversation.values())
    fallbacks = sum(t.intent == FALLBACK_INTENT or t.outcome == "fallback" for t in visitor_turns)
    outcomes = Counter(t.outcome for t in visitor_turns if t.outcome)
    per_day = Counter(aware(c.started_at).astimezone(zone).date() for c in conversations)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    total = len(conversations)
    return AnalyticsSummary(
        start=start,
        end=end,
        timezone=zone.key,
        conversations=total,
        messages=len(turns),
        visitor_messages=len(visitor_turns),
        containment_rate=round(contained / total, 4) if total else None,
        fallback_rate=round(fallbacks / len(visitor_turns), 4) if visitor_turns else None,
        booked=outcomes["booked"],
        meetings_booked=outcomes["meeting_booked"],
        handed_off=outcomes["handed_off"],
        outcomes=dict(outcomes.most_common()),
        median_response_ms=float(statistics.median(latencies)) if latencies else None,
        p95_response_ms=_percentile(latencies, 0.95),
        conversations_per_day=[DayCount(date=d, count=per_day[d]) for d in days],
        top_intents=[
            IntentCount(intent=name, count=count)
            for name, count in Counter(t.intent for t in visitor_turns if t.intent).most_common(10)
        ],
        booking_funnel=BookingFunnel(
            started=sum(c.booking_started for c in conversations),
            confirmed=sum(c.booking_confirmed for c in conversations),
            cancelled=sum(c.booking_cancelled for c in conversations),
        ),
        unanswered_questions=_unanswered(visitor_turns),
    )


def _conversation_public(conversation: Conversation, preview: str | None) -> ConversationPublic:
    return ConversationPublic.model_validate(
        {
            **conversation.model_dump(),
            "started_at": aware(conversation.started_at),
            "last_message_at": aware(conversation.last_message_at),
            "preview": preview,
        }
    )


def _with_previews(session: Session, rows: list[Conversation]) -> list[ConversationPublic]:
    """The conversations, each with its first visitor message (one query for them all)."""
    previews: dict[int, str] = {}
    if rows:
        first_turns = session.exec(
            select(ConversationTurn)
            .where(
                col(ConversationTurn.conversation_id).in_([c.id for c in rows]),
                ConversationTurn.role == "visitor",
            )
            .order_by(col(ConversationTurn.id))
        ).all()
        for turn in first_turns:
            previews.setdefault(turn.conversation_id, turn.text[:200])
    return [_conversation_public(c, previews.get(c.id)) for c in rows]


def list_conversations(
    *,
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    intent: str | None = None,
    outcome: str | None = None,
    page: int = 1,
    page_size: int = 25,
    timezone: str | None = None,
) -> Page[ConversationPublic]:
    """Conversations newest first, filtered by day range, an intent or an outcome they reached."""
    conditions = []
    if start or end:
        zone = _zone(timezone)
        low, high = _bounds(start or dt.date(1970, 1, 1), end or dt.date(9999, 12, 30), zone)
        conditions += [Conversation.started_at >= low, Conversation.started_at < high]
    if intent:
        conditions.append(
            col(Conversation.id).in_(
                select(ConversationTurn.conversation_id).where(ConversationTurn.intent == intent)
            )
        )
    if outcome:
        conditions.append(
            col(Conversation.id).in_(
                select(ConversationTurn.conversation_id).where(ConversationTurn.outcome == outcome)
            )
        )
    return read_page(
        session,
        Conversation,
        where=conditions,
        order_by=[col(Conversation.started_at).desc(), col(Conversation.id).desc()],
        page=page,
        page_size=page_size,
        public=lambda rows: _with_previews(session, rows),
    )


def transcript(*, session: Session, conversation_id: int) -> Transcript | None:
    """A conversation and its turns in order (PII masked), or None when there is none."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        return None
    turns = session.exec(
        select(ConversationTurn)
        .where(ConversationTurn.conversation_id == conversation_id)
        .order_by(col(ConversationTurn.id))
    ).all()
    return Transcript(
        conversation=_conversation_public(conversation, None),
        turns=[
            TurnPublic.model_validate(
                {
                    **turn.model_dump(),
                    # Rows stored before sources were citations may hold anything.
                    "sources": citations(turn.sources),
                    "created_at": aware(turn.created_at),
                }
            )
            for turn in turns
        ],
    )
