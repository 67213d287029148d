"""Conversations page: filtered list, a transcript with intents, confidences and sources, and the
questions the bot could not answer."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

import reflex as rx

from app.core.db import session_scope
from app.models import Attachment
from app.state.auth import ALL_ROLES, AuthState

logger = logging.getLogger(__name__)

OUTCOME_FILTERS = {
    "All outcomes": "",
    "Answered": "answered",
    "Declined": "declined",
    "Booked": "booked",
    "Handed off": "handed_off",
    "Fallback": "fallback",
}
PAGE_SIZE = 20


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _local(iso: str, zone: str) -> str:
    from zoneinfo import ZoneInfo

    moment = dt.datetime.fromisoformat(iso).astimezone(ZoneInfo(zone))
    return moment.strftime("%d %b %Y, %H:%M")


def conversation_row(item: dict[str, Any], zone: str) -> dict[str, str]:
    """One conversation in the list."""
    return {
        "id": str(item["id"]),
        "started": _local(item["started_at"], zone),
        "preview": item.get("preview") or "(no message)",
        "intent": (item.get("first_intent") or "").replace("_", " "),
        "outcome": item.get("outcome") or "",
        "messages": str(int(item.get("visitor_messages", 0)) + int(item.get("bot_messages", 0))),
        "channel": item.get("channel", ""),
    }


def turn_row(turn: dict[str, Any], zone: str) -> dict[str, Any]:
    """One message of a transcript, with what the bot understood and cited."""
    confidence = turn.get("confidence")
    return {
        "role": turn["role"],
        "text": turn["text"],
        "time": _local(turn["created_at"], zone)[-5:],
        "intent": (turn.get("intent") or "").replace("_", " "),
        "confidence": "" if confidence is None else f"{confidence * 100:.0f}%",
        "outcome": turn.get("outcome") or "",
        "latency": "" if turn.get("latency_ms") is None else f"{turn['latency_ms']} ms",
        "sources": [
            {"title": s.get("title") or s.get("url", ""), "url": s.get("url", "")}
            for s in turn.get("sources") or []
        ],
    }


FILE_KINDS = {
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/gif": "GIF image",
    "image/webp": "WebP image",
    "application/pdf": "PDF document",
}


def attachment_row(attachment: Attachment, zone: str) -> dict[str, Any]:
    """One file the visitor sent, with a fresh ten-minute link that opens it."""
    from app.services.uploads import attachment_url, size_in_words

    sent = attachment.created_at
    # SQLite hands back naive datetimes; every stored time is UTC.
    sent = sent if sent.tzinfo else sent.replace(tzinfo=dt.UTC)
    return {
        "name": attachment.filename,
        "kind": FILE_KINDS.get(attachment.content_type, "File"),
        "size": size_in_words(attachment.size_bytes),
        "time": _local(sent.isoformat(), zone),
        "url": attachment_url(attachment.id),
        "is_image": attachment.content_type.startswith("image/"),
    }


class ConversationsState(AuthState):
    """Filters, one page of conversations and the open transcript."""

    date_from: str = ""
    date_to: str = ""
    intent: str = ""
    outcome_label: str = "All outcomes"
    page: int = 1
    total: int = 0
    rows: list[dict[str, str]] = []
    loading: bool = True
    error: str = ""

    open_id: str = ""
    transcript_title: str = ""
    turns: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    unanswered: list[dict[str, str]] = []

    @rx.var
    def outcome_options(self) -> list[str]:
        """Outcomes to filter by, in words."""
        return list(OUTCOME_FILTERS)

    @rx.var
    def page_label(self) -> str:
        """'21–40 of 73'."""
        if self.total == 0:
            return "No conversations"
        first = (self.page - 1) * PAGE_SIZE + 1
        return f"{first}–{min(self.total, first + PAGE_SIZE - 1)} of {self.total}"

    @rx.var
    def has_next(self) -> bool:
        """More pages after this one."""
        return self.page * PAGE_SIZE < self.total

    @rx.event
    def load(self) -> Any:
        """on_load: fold in new bot events, then list."""
        if self._current_admin() is None:
            return None
        return ConversationsState.refresh

    @rx.event
    def set_filter(self, name: str, value: str) -> Any:
        """Change a filter and list again from the first page."""
        if not self._token_allows(ALL_ROLES):
            return None
        if name == "date_from":
            self.date_from = value
        elif name == "date_to":
            self.date_to = value
        elif name == "intent":
            self.intent = value.strip().replace(" ", "_")
        elif name == "outcome" and value in OUTCOME_FILTERS:
            self.outcome_label = value
        self.page = 1
        return ConversationsState.refresh

    @rx.event
    def clear_filters(self) -> Any:
        """Back to every conversation."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.date_from = self.date_to = self.intent = ""
        self.outcome_label = "All outcomes"
        self.page = 1
        return ConversationsState.refresh

    @rx.event
    def next_page(self) -> Any:
        """Older conversations."""
        if not self._token_allows(ALL_ROLES):
            return None
        if self.has_next:
            self.page += 1
        return ConversationsState.refresh

    @rx.event
    def previous_page(self) -> Any:
        """Newer conversations."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.page = max(1, self.page - 1)
        return ConversationsState.refresh

    @rx.event(background=True)
    async def refresh(self) -> None:
        """Sync events and read the page of conversations (slow work off the event loop)."""
        async with self:
            if self._current_admin() is None:
                return
            self.loading = True
            query = {
                "start": _date(self.date_from),
                "end": _date(self.date_to),
                "intent": self.intent or None,
                "outcome": OUTCOME_FILTERS.get(self.outcome_label) or None,
                "page": self.page,
            }
        try:
            listing, unanswered, zone = await asyncio.to_thread(_read_conversations, query)
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("listing conversations failed")
            async with self:
                self.loading = False
                self.error = "Conversations could not be loaded just now. Try again in a minute."
            return
        async with self:
            self.rows = [conversation_row(item, zone) for item in listing["items"]]
            self.total = int(listing["total"])
            self.unanswered = [
                {"text": u["text"], "count": str(u["count"]), "outcome": u.get("outcome") or ""}
                for u in unanswered
            ]
            self.loading = False
            self.error = ""

    @rx.event
    def open_transcript(self, conversation_id: str) -> None:
        """Show one conversation's messages (PII already masked when stored)."""
        from app.services.analytics import reports
        from app.services.config import get_bot_settings
        from app.services.uploads import list_attachments

        # Every signed-in role may read transcripts and open the files in them.
        if self._current_admin() is None:
            return
        zone = get_bot_settings().timezone
        with session_scope() as session:
            found = reports.transcript(session=session, conversation_id=int(conversation_id))
            if found is None:
                self.open_id = ""
                self.files = []
                return
            data = found.model_dump(mode="json")
            attachments = list_attachments(
                session=session, sender_id=data["conversation"]["sender_id"]
            )
            self.files = [attachment_row(a, zone) for a in attachments]
        self.open_id = conversation_id
        self.transcript_title = "Conversation started " + _local(
            data["conversation"]["started_at"], zone
        )
        self.turns = [turn_row(t, zone) for t in data["turns"]]

    @rx.event
    def close_transcript(self, _open: bool = False) -> None:
        """Close the transcript panel (its file links are dropped with it)."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.open_id = ""
        self.files = []


def _read_conversations(query: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    from app.services.analytics import reports, sync
    from app.services.config import get_bot_settings

    zone = get_bot_settings().timezone
    with session_scope() as session:
        try:
            sync.sync_events(session=session)
        except Exception:  # noqa: BLE001 - stale rows beat no rows
            logger.exception("analytics sync failed; listing what is stored")
            session.rollback()
        listing = reports.list_conversations(
            session=session, page_size=PAGE_SIZE, **query
        ).model_dump(mode="json")
        today = dt.date.today()
        summary = reports.summary(session=session, start=today - dt.timedelta(days=29), end=today)
    unanswered = summary.model_dump(mode="json")["unanswered_questions"][:10]
    return listing, unanswered, zone
