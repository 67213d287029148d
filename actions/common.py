"""What every action shares: which task a form serves, config reads, outcomes, summaries."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.parsing import BusinessClock, format_day, format_time
from app.models import OUTCOMES, BotSettingsPublic, TaskConfigPublic

logger = logging.getLogger(__name__)

TASK_FOR_FORM = {
    "booking_form": "book_service",
    "meeting_form": "schedule_meeting",
    "cancel_form": "cancel_booking",
    "reschedule_form": "reschedule_booking",
}
FORM_SLOTS = (
    "service_type",
    "topic",
    "date",
    "time",
    "duration",
    "name",
    "email",
    "phone",
    "booking_reference",
    "confirmation",
)
SKIPPED = "skipped"
"""Stored for an optional field the visitor chose not to give, so the form does not ask again."""


def outcome(value: str) -> EventType:
    """The `last_outcome` event that tells analytics how a visitor goal ended."""
    if value not in OUTCOMES:
        raise ValueError(f"unknown outcome {value!r}")
    return SlotSet("last_outcome", value)


async def task_config(name: str) -> TaskConfigPublic | None:
    """The task's configuration as of this message (cached; read off the event loop)."""
    from app.services.config import get_task_config

    return await asyncio.to_thread(get_task_config, name)


async def bot_settings() -> BotSettingsPublic:
    """The bot's global settings as of this message."""
    from app.services.config import get_bot_settings

    return await asyncio.to_thread(get_bot_settings)


def business_clock(settings: BotSettingsPublic) -> BusinessClock:
    """Now, in the business's timezone."""
    return BusinessClock.current(settings.timezone)


def reset_form_slots(tracker: Tracker) -> list[EventType]:
    """Clear every form answer so a new task never reuses the previous one's.

    Only slots that hold a value get an event: each event lengthens the conversation that Rasa
    featurises on every later turn. `unanswered` goes too: a task started or left means the
    failures are no longer in a row."""
    slots = [*FORM_SLOTS, "failed_tries", "idempotency_key", "found_booking", "unanswered"]
    return [SlotSet(slot, None) for slot in slots if tracker.get_slot(slot) is not None]


def start_in_business_time(date_text: str, time_text: str, timezone: str) -> dt.datetime:
    """Aware start datetime from the ISO date and HH:MM slots."""
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(
        dt.date.fromisoformat(date_text), dt.time.fromisoformat(time_text), ZoneInfo(timezone)
    )


def describe_when(date_text: str | None, time_text: str | None) -> str:
    """'Monday 30 November at 2pm' from the stored slots."""
    parts = []
    if date_text:
        parts.append(format_day(dt.date.fromisoformat(date_text)))
    if time_text:
        parts.append(f"at {format_time(dt.time.fromisoformat(time_text))}")
    return " ".join(parts)


def service_by_id(config: TaskConfigPublic | None, service_id: str | None) -> Any:
    """The configured service with that id (enabled or not), or None."""
    if config is None or not service_id:
        return None
    return next((s for s in config.services if s.id == service_id), None)


def price_text(price: float | None) -> str:
    """'$50' or 'free'."""
    if price is None:
        return ""
    if price == 0:
        return "free"
    return f"${price:,.0f}" if float(price).is_integer() else f"${price:,.2f}"


def contact_value(tracker: Tracker, slot: str) -> str | None:
    """A contact slot's value, None when skipped or empty."""
    value = tracker.get_slot(slot)
    return None if value in (None, SKIPPED) else value


def failed_tries(tracker: Tracker) -> dict[str, int]:
    """{slot: failed answers so far} for the running form."""
    value = tracker.get_slot("failed_tries")
    return dict(value) if isinstance(value, dict) else {}


def booking_client() -> Any:
    """The booking API client (HTTP, retries, idempotency); one per call is cheap."""
    from app.services.booking_client import BookingClient

    return BookingClient()
