"""Audit log page (admins only): who changed which setting from what to what, and what the bot did."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import reflex as rx

from app.core.db import session_scope
from app.services import audit_query
from app.state.auth import ADMIN_ROLES, AuthState
from app.state.rows import BotActionRow, FieldChange, StaffChangeRow

logger = logging.getLogger(__name__)

PAGE_SIZE = 30


def _short(value: Any) -> str:
    text = (
        json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    )
    return text if len(text) <= 120 else text[:117] + "…"


def changes(previous: Any, new: Any) -> list[FieldChange]:
    """The keys that differ between two audit values, with before and after in short text."""
    if not isinstance(previous, dict) or not isinstance(new, dict):
        return [] if previous == new else [FieldChange("value", _short(previous), _short(new))]
    return [
        FieldChange(key, _short(previous.get(key)), _short(new.get(key)))
        for key in sorted(set(previous) | set(new))
        if previous.get(key) != new.get(key)
    ]


def _when(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).strftime("%d %b %Y, %H:%M UTC")


def admin_change_row(item: dict[str, Any]) -> StaffChangeRow:
    """One staff change, with its differences."""
    diff = changes(item.get("previous_value"), item.get("new_value"))
    return StaffChangeRow(
        when=_when(item["created_at"]),
        who=item.get("admin_email") or "(command line)",
        action=item["action"].replace("_", " "),
        target=item.get("target") or "",
        changes=diff,
        summary=", ".join(d.field for d in diff) or "no change",
    )


def bot_action_row(item: dict[str, Any]) -> BotActionRow:
    """One bot action (no personal data is stored in it)."""
    return BotActionRow(
        when=_when(item["created_at"]),
        action=item["action"].replace("_", " "),
        reference=item.get("booking_reference") or "",
        status=item.get("status") or "",
        conversation=item.get("conversation_id") or "",
        detail=item.get("detail") or "",
    )


class AuditState(AuthState):
    """Both audit trails, one page each."""

    tab: str = "staff"
    staff_rows: list[StaffChangeRow] = []
    bot_rows: list[BotActionRow] = []
    staff_total: int = 0
    bot_total: int = 0
    loading: bool = True
    error: str = ""

    @rx.event
    def load(self) -> Any:
        """on_load: admins only; anyone else goes back to the overview."""
        if self._require_role(ADMIN_ROLES) is None:
            return rx.redirect("/admin") if self.signed_in else None
        try:
            with session_scope() as session:
                staff = audit_query.list_admin_changes(session=session, page_size=PAGE_SIZE)
                bot = audit_query.list_bot_actions(session=session, page_size=PAGE_SIZE)
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("reading the audit log failed")
            self.error = "The audit log could not be loaded just now."
            self.loading = False
            return None
        self.staff_rows = [admin_change_row(i) for i in staff.model_dump(mode="json")["items"]]
        self.bot_rows = [bot_action_row(i) for i in bot.model_dump(mode="json")["items"]]
        self.staff_total, self.bot_total = staff.total, bot.total
        self.loading = False
        self.error = ""
        return None

    @rx.event
    def set_tab(self, value: str) -> None:
        """Staff changes or bot actions."""
        if not self._token_allows(ADMIN_ROLES):
            return None
        self.tab = value
