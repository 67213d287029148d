"""Conversations page: filtered list, a transcript with intents, confidences and sources, and the
questions the bot could not answer."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

import reflex as rx

from app.core.db import session_scope
from app.models import Attachment
from app.models.citation import citations
from app.services.analytics import reports, sync
from app.services.config import get_bot_settings
from app.services.uploads import attachment_url, list_attachments, size_in_words
from app.state.auth import ALL_ROLES, AuthState
from app.state.paging import DatedListMixin
from app.state.rows import (
    AttachmentRow,
    ConversationRow,
    TurnRow,
    UnansweredQuestion,
)

logger = logging.getLogger(__name__)

OUTCOME_FILTERS = {
    "All outcomes": "",
    "Answered": "answered",
    "Declined": "declined",
    "Booked": "booked",
    "Handed off": "handed_off",
    "Fallback": "fallback",
}


def _local(iso: str, zone: str) -> str:
    moment = dt.datetime.fromisoformat(iso).astimezone(ZoneInfo(zone))
    return moment.strftime("%d %b %Y, %H:%M")


def conversation_row(item: dict[str, Any], zone: str) -> ConversationRow:
    """One conversation in the list."""
    return ConversationRow(
        id=int(item["id"]),
        started=_local(item["started_at"], zone),
        preview=item.get("preview") or "(no message)",
        intent=(item.get("first_intent") or "").replace("_", " "),
        outcome=item.get("outcome") or "",
        messages=int(item.get("visitor_messages", 0)) + int(item.get("bot_messages", 0)),
        channel=item.get("channel", ""),
    )


def turn_row(turn: dict[str, Any], zone: str) -> TurnRow:
    """One message of a transcript, with what the bot understood and cited."""
    confidence = turn.get("confidence")
    return TurnRow(
        role=turn["role"],
        text=turn["text"],
        time=_local(turn["created_at"], zone)[-5:],
        intent=(turn.get("intent") or "").replace("_", " "),
        confidence="" if confidence is None else f"{confidence * 100:.0f}%",
        outcome=turn.get("outcome") or "",
        latency="" if turn.get("latency_ms") is None else f"{turn['latency_ms']} ms",
        sources=citations(turn.get("sources")),
    )


FILE_KINDS = {
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/gif": "GIF image",
    "image/webp": "WebP image",
    "application/pdf": "PDF document",
}


def attachment_row(attachment: Attachment, zone: str) -> AttachmentRow:
    """One file the visitor sent, with a fresh ten-minute link that opens it."""
    sent = attachment.created_at
    # SQLite hands back naive datetimes; every stored time is UTC.
    sent = sent if sent.tzinfo else sent.replace(tzinfo=dt.UTC)
    return AttachmentRow(
        name=attachment.filename,
        kind=FILE_KINDS.get(attachment.content_type, "File"),
        size=size_in_words(attachment.size_bytes),
        time=_local(sent.isoformat(), zone),
        url=attachment_url(attachment.id),
        is_image=attachment.content_type.startswith("image/"),
    )


class ConversationsState(DatedListMixin, AuthState):
    """Filters, one page of conversations and the open transcript."""

    intent: str = ""
    outcome_label: str = "All outcomes"
    rows: list[ConversationRow] = []

    open_id: int = 0
    transcript_title: str = ""
    turns: list[TurnRow] = []
    files: list[AttachmentRow] = []
    unanswered: list[UnansweredQuestion] = []

    def _list_again(self) -> Any:
        return ConversationsState.refresh

    @rx.event
    def set_filter(self, name: str, value: str) -> Any:
        """Change the intent or outcome filter and list again from the first page."""
        if not self._token_allows(ALL_ROLES):
            return None
        if name == "intent":
            self.intent = value.strip().replace(" ", "_")
        elif name == "outcome" and value in OUTCOME_FILTERS:
            self.outcome_label = value
        return self._from_first_page()

    @rx.event
    def clear_filters(self) -> Any:
        """Back to every conversation."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.date_from = self.date_to = self.intent = ""
        self.outcome_label = "All outcomes"
        return self._from_first_page()

    @rx.event(background=True)
    async def refresh(self) -> None:
        """Sync events and read the page of conversations (slow work off the event loop)."""
        await self._load_in_background(
            self._query,
            _read_conversations,
            self._show,
            "Conversations could not be loaded just now. Try again in a minute.",
        )

    def _query(self) -> dict[str, Any]:
        start, end = self._dates()
        return {
            "start": start,
            "end": end,
            "intent": self.intent or None,
            "outcome": OUTCOME_FILTERS.get(self.outcome_label) or None,
            "page": self.page,
            "page_size": self.page_size,
        }

    def _show(self, read: tuple[dict[str, Any], list[dict[str, Any]], str]) -> None:
        listing, unanswered, zone = read
        self.rows = [conversation_row(item, zone) for item in listing["items"]]
        self.total = int(listing["total"])
        self.unanswered = [
            UnansweredQuestion(
                text=u["text"], count=int(u["count"]), outcome=u.get("outcome") or ""
            )
            for u in unanswered
        ]

    @rx.event
    def open_transcript(self, conversation_id: int) -> None:
        """Show one conversation's messages (PII already masked when stored)."""
        # Every signed-in role may read transcripts and open the files in them.
        if self._current_admin() is None:
            return
        zone = get_bot_settings().timezone
        with session_scope() as session:
            found = reports.transcript(session=session, conversation_id=int(conversation_id))
            if found is None:
                self.open_id = 0
                self.files = []
                return
            data = found.model_dump(mode="json")
            attachments = list_attachments(
                session=session, sender_id=data["conversation"]["sender_id"]
            )
            self.files = [attachment_row(a, zone) for a in attachments]
        self.open_id = int(conversation_id)
        self.transcript_title = "Conversation started " + _local(
            data["conversation"]["started_at"], zone
        )
        self.turns = [turn_row(t, zone) for t in data["turns"]]

    @rx.event
    def close_transcript(self, _open: bool = False) -> None:
        """Close the transcript panel (its file links are dropped with it)."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.open_id = 0
        self.files = []


def _read_conversations(query: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    zone = get_bot_settings().timezone
    with session_scope() as session:
        sync.refresh(session)
        listing = reports.list_conversations(session=session, **query).model_dump(mode="json")
        today = reports.today(zone)
        summary = reports.summary(session=session, start=today - dt.timedelta(days=29), end=today)
    unanswered = summary.model_dump(mode="json")["unanswered_questions"][:10]
    return listing, unanswered, zone
