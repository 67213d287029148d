"""Overview page: KPIs and charts for a chosen date range, from the analytics service."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import reflex as rx

from app.core.db import session_scope
from app.services.analytics import reports, sync
from app.state.auth import ALL_ROLES, AuthState
from app.state.loading import LoadingMixin
from app.state.rows import UnansweredQuestion

logger = logging.getLogger(__name__)

RANGES = {"Last 7 days": 7, "Last 30 days": 30, "Last 90 days": 90}


def _percent(value: Any) -> str:
    return "–" if value is None else f"{float(value) * 100:.0f}%"


def _millis(value: Any) -> str:
    if value is None:
        return "–"
    value = float(value)
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"


def summary_to_view(summary: dict[str, Any]) -> dict[str, Any]:
    """The analytics summary as the page shows it: formatted KPIs and chart-ready rows."""
    funnel = summary.get("booking_funnel") or {}
    bookings = int(summary.get("booked") or 0) + int(summary.get("meetings_booked") or 0)
    return {
        "kpis": {
            "conversations": str(summary.get("conversations", 0)),
            "messages": str(summary.get("messages", 0)),
            "containment": _percent(summary.get("containment_rate")),
            "fallback": _percent(summary.get("fallback_rate")),
            "bookings": str(bookings),
            "median": _millis(summary.get("median_response_ms")),
            "p95": _millis(summary.get("p95_response_ms")),
        },
        "per_day": [
            {"day": _short_day(row["date"]), "conversations": int(row.get("count", 0))}
            for row in summary.get("conversations_per_day") or []
        ],
        "top_intents": [
            {"intent": str(row["intent"]).replace("_", " "), "count": int(row["count"])}
            for row in summary.get("top_intents") or []
        ][:8],
        "funnel": [
            {"stage": "Started", "count": int(funnel.get("started", 0))},
            {"stage": "Confirmed", "count": int(funnel.get("confirmed", 0))},
            {"stage": "Cancelled", "count": int(funnel.get("cancelled", 0))},
        ],
        "unanswered": [
            UnansweredQuestion(text=str(row.get("text", "")), count=int(row.get("count", 1)))
            for row in summary.get("unanswered_questions") or []
        ][:10],
    }


def _short_day(iso_day: str) -> str:
    return dt.date.fromisoformat(iso_day).strftime("%d %b")


def load_summary(days: int) -> dict[str, Any]:
    """Fold in new bot events, then summarise the last `days` days (blocking; run in a thread)."""
    today = reports.today()
    with session_scope() as session:
        sync.refresh(session)
        return reports.summary(
            session=session, start=today - dt.timedelta(days=days - 1), end=today
        ).model_dump(mode="json")


class OverviewState(LoadingMixin, AuthState):
    """KPIs and charts for the chosen range."""

    range_label: str = "Last 7 days"
    loading: bool = False
    kpis: dict[str, str] = {}
    per_day: list[dict[str, Any]] = []
    top_intents: list[dict[str, Any]] = []
    funnel: list[dict[str, Any]] = []
    unanswered: list[UnansweredQuestion] = []

    @rx.var
    def has_conversations(self) -> bool:
        """False before the bot has had any conversation in the range."""
        return self.kpis.get("conversations", "0") not in ("0", "")

    @rx.event
    def load(self) -> Any:
        """on_load: nothing to show when signed out (the login form is shown instead)."""
        if not self._token_allows(ALL_ROLES):
            return None
        if self.signed_in:
            return OverviewState.refresh

    @rx.event
    def set_range(self, label: str) -> Any:
        """Pick another range and reload."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.range_label = label if label in RANGES else "Last 7 days"
        return OverviewState.refresh

    @rx.event(background=True)
    async def refresh(self) -> None:
        """Load the summary without blocking the page (sync and queries can take a moment)."""
        await self._load_in_background(
            lambda: RANGES.get(self.range_label, 7),
            load_summary,
            self._show,
            "The numbers could not be loaded just now. Try again in a minute.",
        )

    def _show(self, summary: dict[str, Any]) -> None:
        view = summary_to_view(summary)
        self.kpis = view["kpis"]
        self.per_day = view["per_day"]
        self.top_intents = view["top_intents"]
        self.funnel = view["funnel"]
        self.unanswered = view["unanswered"]
