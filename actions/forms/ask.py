"""Questions that depend on the config: service buttons with prices, hours, lengths, the summary."""

from __future__ import annotations

import abc
import datetime as dt
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.forms.lookup import describe_booking
from actions.parsing import format_day, format_time
from app.models import TaskConfigPublic

logger = logging.getLogger(__name__)

YES_NO_BUTTONS = [
    {"title": "Yes, confirm", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]


class AskAction(Action, abc.ABC):
    """An `action_ask_<slot>` that reads the running form's task config."""

    @abc.abstractmethod
    def name(self) -> str:
        """`action_ask_<slot>`."""

    @abc.abstractmethod
    async def ask(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        config: TaskConfigPublic,
        form: str,
    ) -> None:
        """Send the question asked in `form`."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        task = common.TASK_FOR_FORM.get(tracker.active_loop_name or "")
        if task is None:  # only a task form asks these: anything else is a bug, said so
            logger.warning("%s ran outside a task form (%r)", self.name(), tracker.active_loop_name)
            return []
        config = await common.task_config(task)
        if config is not None:
            await self.ask(dispatcher, tracker, config, tracker.active_loop_name or "")
        return []


class ActionAskServiceType(AskAction):
    """Enabled services as buttons with their prices."""

    def name(self) -> str:
        return "action_ask_service_type"

    async def ask(self, dispatcher, tracker, config, form) -> None:
        buttons = [
            {
                "title": f"{s.name} — {common.price_text(s.price)} ({s.duration_minutes} min)",
                "payload": f'/inform{{"service_type":"{s.id}"}}',
            }
            for s in config.enabled_services
        ]
        dispatcher.utter_message(text="Which service would you like?", buttons=buttons)


class ActionAskTime(AskAction):
    """What time, with that day's opening hours."""

    def name(self) -> str:
        return "action_ask_time"

    async def ask(self, dispatcher, tracker, config, form) -> None:
        day_text = tracker.get_slot("date")
        hours = config.hours_on(dt.date.fromisoformat(day_text)) if day_text else None
        if day_text and hours:
            opens = format_time(dt.time.fromisoformat(hours.start))
            closes = format_time(dt.time.fromisoformat(hours.end))
            day = format_day(dt.date.fromisoformat(day_text))
            text = f"What time on {day}? We're open {opens}–{closes} that day."
        else:
            text = "What time would suit you? (e.g. 2pm or 10:30)"
        dispatcher.utter_message(text=text)


class ActionAskDuration(AskAction):
    """Meeting lengths the config allows, as buttons."""

    def name(self) -> str:
        return "action_ask_duration"

    async def ask(self, dispatcher, tracker, config, form) -> None:
        buttons = [{"title": f"{m} minutes", "payload": f"{m} minutes"} for m in config.durations]
        dispatcher.utter_message(text="How long should the meeting be?", buttons=buttons)


class ActionAskPhone(AskAction):
    """Phone number; says it can be skipped when the config makes it optional."""

    def name(self) -> str:
        return "action_ask_phone"

    async def ask(self, dispatcher, tracker, config, form) -> None:
        if "phone" in config.optional_fields:
            dispatcher.utter_message(
                text="What's a good phone number for you? It's optional — say 'skip' to leave it out.",
                buttons=[{"title": "Skip", "payload": "skip"}],
            )
        else:
            dispatcher.utter_message(text="What's a good phone number to reach you?")


def _contact(tracker: Tracker) -> str:
    parts = [
        common.contact_value(tracker, "name"),
        common.contact_value(tracker, "email"),
        common.contact_value(tracker, "phone"),
    ]
    return ", ".join(p for p in parts if p)


def booking_lines(tracker: Tracker, config: TaskConfigPublic) -> list[str]:
    """Summary lines of a new booking."""
    service = common.service_by_id(config, tracker.get_slot("service_type"))
    lines = []
    if service is not None:
        price = common.price_text(service.price)
        lines.append(f"{service.name} ({price}, {service.duration_minutes} min)")
    lines.append(common.describe_when(tracker.get_slot("date"), tracker.get_slot("time")))
    return lines


def meeting_lines(tracker: Tracker) -> list[str]:
    """Summary lines of a new meeting."""
    lines = []
    if tracker.get_slot("topic"):
        lines.append(f"Meeting about: {tracker.get_slot('topic')}")
    when = common.describe_when(tracker.get_slot("date"), tracker.get_slot("time"))
    if tracker.get_slot("duration"):
        when += f", {tracker.get_slot('duration')} minutes"
    lines.append(when)
    return lines


def summary(form: str, tracker: Tracker, config: TaskConfigPublic) -> tuple[str, str]:
    """(summary text, question) for the confirmation step of a form."""
    found: dict[str, Any] | None = tracker.get_slot("found_booking")
    if form == "cancel_form":
        booking = describe_booking(found) if found else tracker.get_slot("booking_reference")
        return f"You'd like to cancel {booking}.", "Shall I cancel it?"
    if form == "reschedule_form":
        booking = describe_booking(found) if found else tracker.get_slot("booking_reference")
        new_when = common.describe_when(tracker.get_slot("date"), tracker.get_slot("time"))
        return f"You'd like to move {booking} to {new_when}.", "Shall I move it?"
    lines = meeting_lines(tracker) if form == "meeting_form" else booking_lines(tracker, config)
    contact = _contact(tracker)
    if contact:
        lines.append(contact)
    question = "Shall I schedule it?" if form == "meeting_form" else "Shall I book it?"
    return "Here's what I have:\n" + "\n".join(f"• {line}" for line in lines if line), question


class ActionAskConfirmation(AskAction):
    """The summary with yes/no buttons; corrections can be typed instead."""

    def name(self) -> str:
        return "action_ask_confirmation"

    async def ask(self, dispatcher, tracker, config, form) -> None:
        text, question = summary(form, tracker, config)
        if form != "cancel_form":
            question += " (You can also change something, e.g. 'make it 3pm instead'.)"
        dispatcher.utter_message(text=f"{text}\n{question}", buttons=YES_NO_BUTTONS)


ASK_FOR: dict[str, AskAction] = {
    ask.name().removeprefix("action_ask_"): ask
    for ask in (
        ActionAskServiceType(),
        ActionAskTime(),
        ActionAskDuration(),
        ActionAskPhone(),
        ActionAskConfirmation(),
    )
}
"""The slots whose question depends on the task config, by slot name."""
