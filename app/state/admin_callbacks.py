"""Callbacks page: visitors waiting for a person, mark done, open the conversation; menu badge."""

from __future__ import annotations

import logging
from typing import Any

import reflex as rx
from sqlmodel import select

from app.core.db import session_scope
from app.models import CallbackStatus, Conversation
from app.services import callbacks
from app.services.analytics import reports, sync
from app.services.config import get_bot_settings
from app.state.admin_conversations import _local, turn_row
from app.state.auth import ALL_ROLES, EDIT_ROLES, AuthState
from app.state.rows import CallbackRow, TurnRow

logger = logging.getLogger(__name__)

VIEWS = {"Open": "open", "Done": "done", "All": ""}


def callback_row(item: Any, zone: str) -> CallbackRow:
    """One callback request as the table shows it."""
    return CallbackRow(
        id=item.id,
        created=_local(item.created_at.isoformat(), zone),
        contact=item.contact,
        kind=item.contact_kind,
        note=item.note,
        reason="asked for a person" if item.reason == "asked" else "bot could not help",
        status=item.status,
        promised=item.reply_by_text,
        sender_id=item.sender_id,
        done=(
            f"{_local(item.done_at.isoformat(), zone)} by {item.done_by or 'staff'}"
            if item.done_at
            else ""
        ),
    )


class CallbackBadgeState(AuthState):
    """How many callback requests are open, for the badge in the menu."""

    open_callbacks: int = 0

    @rx.event
    def refresh_badge(self) -> None:
        """Count open requests (on every page's menu mount, and after a change)."""
        if self._current_admin() is None:
            return
        try:
            with session_scope() as session:
                self.open_callbacks = callbacks.count_open(session=session)
        except Exception:  # noqa: BLE001 - a missing badge must not break the page
            logger.exception("counting open callbacks failed")


class CallbacksState(CallbackBadgeState):
    """The list of requests, the view (open/done/all) and the transcript opened from one."""

    view: str = "Open"
    rows: list[CallbackRow] = []
    loading: bool = True
    error: str = ""
    transcript_for: int = 0
    transcript_note: str = ""
    turns: list[TurnRow] = []

    def _read(self) -> None:
        zone = get_bot_settings().timezone
        try:
            with session_scope() as session:
                items = callbacks.list_callbacks(session=session, status=VIEWS[self.view] or None)
                self.open_callbacks = callbacks.count_open(session=session)
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("listing callbacks failed")
            self.error = "Callback requests could not be loaded just now. Try again in a minute."
            return
        self.rows = [callback_row(item, zone) for item in items]
        self.error = ""

    @rx.event
    def load(self) -> None:
        """on_load: the open requests, oldest first."""
        if self._current_admin() is None:
            return
        self._read()
        self.loading = False

    @rx.event
    def set_view(self, value: str) -> None:
        """Show open, done or all requests."""
        if self._current_admin() is None or value not in VIEWS:
            return
        self.view = value
        self._read()

    @rx.event
    def set_status(self, callback_id: int, status: str) -> Any:
        """Mark a request done (or open again); editors and admins only."""
        admin = self._require_role(EDIT_ROLES)
        if admin is None:
            return self._refusal()
        try:
            with session_scope() as session:
                updated = callbacks.set_status(
                    session=session,
                    callback_id=int(callback_id),
                    status=CallbackStatus(status),
                    staff_email=admin.email,
                )
        except (ValueError, TypeError):
            return rx.toast.error("That request could not be changed.")
        if updated is None:
            self._read()
            return rx.toast.error("That request no longer exists.")
        self._read()
        if status == "done":
            return rx.toast.success(f"Request #{callback_id} is marked done.")
        return rx.toast.success(f"Request #{callback_id} is open again.")

    @rx.event
    def open_transcript(self, callback_id: int) -> Any:
        """The conversation the request came from (PII masked when stored)."""
        if self._current_admin() is None:
            return None
        row = next((r for r in self.rows if r.id == callback_id), None)
        if row is None:
            return None
        zone = get_bot_settings().timezone
        with session_scope() as session:
            sync.refresh(session)
            conversation = session.exec(
                select(Conversation).where(Conversation.sender_id == row.sender_id)
            ).first()
            data = (
                reports.transcript(session=session, conversation_id=conversation.id)
                if conversation is not None and conversation.id is not None
                else None
            )
        if data is None:
            return rx.toast.info("This conversation's messages are not stored (yet).")
        self.turns = [turn_row(t, zone) for t in data.model_dump(mode="json")["turns"]]
        self.transcript_note = row.note
        self.transcript_for = callback_id
        return None

    @rx.event
    def close_transcript(self, _open: bool = False) -> None:
        """Close the transcript dialog."""
        if not self._token_allows(ALL_ROLES):
            return
        self.transcript_for = 0
        self.turns = []
