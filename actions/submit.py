"""The actions that run after a confirmed form: create, cancel and reschedule via the booking API.

The booking API itself writes the audit rows and sends the email; these actions only call it
under the idempotency key made at confirmation, and tell the visitor what happened.
"""

from __future__ import annotations

import abc
import asyncio
import datetime as dt
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from app.models import BookingPublic, FieldRefused
from app.services import bot_requests
from app.services.booking_client import (
    BookingApiUnavailable,
    BookingError,
    BookingNotFound,
    SlotTaken,
)

logger = logging.getLogger(__name__)

MAX_ALTERNATIVES = 4


def alternative_buttons(alternatives: list[dt.datetime], timezone: str) -> list[dict[str, str]]:
    """Buttons for the nearest free starts; the payload is text the time question understands."""
    from zoneinfo import ZoneInfo

    buttons = []
    for start in alternatives[:MAX_ALTERNATIVES]:
        local = start.astimezone(ZoneInfo(timezone))
        label = common.describe_when(local.date().isoformat(), local.strftime("%H:%M"))
        buttons.append({"title": label, "payload": label})
    return buttons


def when_text(record: BookingPublic, timezone: str) -> str:
    """'Monday 30 November at 2pm' in the business's timezone."""
    from zoneinfo import ZoneInfo

    local = record.start.astimezone(ZoneInfo(timezone))
    return common.describe_when(local.date().isoformat(), local.strftime("%H:%M"))


class SubmitAction(Action, abc.ABC):
    """Runs only after a 'yes' at the summary; turns API errors into plain words."""

    form = ""
    task = ""

    @abc.abstractmethod
    def name(self) -> str:
        """`action_<verb>_<thing>`."""

    @abc.abstractmethod
    async def submit(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, settings: Any
    ) -> list[EventType]:
        """Call the booking API and report success."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # The form also ends without a 'yes' (handoff after three misses, 'no'): do nothing then.
        if tracker.get_slot("confirmation") != "yes":
            return []
        settings = await common.bot_settings()
        try:
            return await self.submit(dispatcher, tracker, settings)
        except SlotTaken as taken:
            return self._slot_taken(taken, dispatcher, tracker, settings)
        except BookingNotFound:
            dispatcher.utter_message(
                text="Sorry, I couldn't find that booking any more — it may have been changed "
                f"already. {settings.contact_sentence}"
            )
            return common.reset_form_slots(tracker)
        except FieldRefused as rejected:
            return self._rejected(rejected, dispatcher, tracker)
        except BookingApiUnavailable:
            return await self._unavailable(dispatcher, tracker, settings)
        except BookingError:
            logger.exception("booking API refused %s", self.name())
            return await self._unavailable(dispatcher, tracker, settings)

    def _slot_taken(
        self, taken: SlotTaken, dispatcher: CollectingDispatcher, tracker: Tracker, settings: Any
    ) -> list[EventType]:
        """Offer the nearest free times as buttons and go back to the time question."""
        when = common.describe_when(tracker.get_slot("date"), tracker.get_slot("time"))
        buttons = alternative_buttons(taken.alternatives, settings.timezone)
        if buttons:
            text = f"Sorry, {when} has just been taken. The nearest free times are:"
        else:
            text = f"Sorry, {when} has just been taken, and I see no free time close to it."
        dispatcher.utter_message(text=text, buttons=buttons)
        return [
            SlotSet("time", None),
            SlotSet("confirmation", None),
            SlotSet("idempotency_key", None),
            FollowupAction(self.form),
        ]

    def _rejected(
        self, rejected: FieldRefused, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        """The API refused one field: say which, and ask it again."""
        field = rejected.field if rejected.field in common.FORM_SLOTS else None
        dispatcher.utter_message(text=f"Sorry, that didn't go through: {rejected.message}")
        if field is None:
            return common.reset_form_slots(tracker)
        return [
            SlotSet(field, None),
            SlotSet("confirmation", None),
            SlotSet("idempotency_key", None),
            FollowupAction(self.form),
        ]

    async def _unavailable(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, settings: Any
    ) -> list[EventType]:
        """Say it plainly, keep the request for staff, keep every answer.

        Unless the booking API did commit it under this request's idempotency key before
        the answer got lost: then it is confirmed, and the visitor is told so.
        """
        reference, confirmed = await save_pending(self.task, tracker, settings)
        if confirmed:
            dispatcher.utter_message(
                text="Good news — it went through after all: it's confirmed, reference "
                f"{reference}. A confirmation email is on its way."
            )
            booked = "meeting_booked" if self.task == "schedule_meeting" else "booked"
            return [*common.reset_form_slots(tracker), common.outcome(booked)]
        follow_up = (
            f"I've passed your request to our team (reference {reference}) and they'll get "
            "back to you to confirm."
            if reference
            else ""
        )
        dispatcher.utter_message(
            text="Sorry — our booking system isn't answering right now, so nothing is confirmed "
            f"yet. {follow_up} {settings.contact_sentence}".replace("  ", " ")
        )
        return [common.outcome("pending")]

    @staticmethod
    def start(tracker: Tracker, settings: Any) -> dt.datetime:
        return common.start_in_business_time(
            tracker.get_slot("date"), tracker.get_slot("time"), settings.timezone
        )


async def save_pending(task: str, tracker: Tracker, settings: Any) -> tuple[str | None, bool]:
    """Keep a new booking or meeting for staff to follow up: (its reference or None, whether
    the booking API had in fact confirmed it under the request's idempotency key)."""
    if task not in ("book_service", "schedule_meeting"):
        # cancel and reschedule have nothing new to keep; the visitor is told whom to call
        return None, False
    try:
        pending = await asyncio.to_thread(
            bot_requests.keep_pending_request,
            kind="meeting" if task == "schedule_meeting" else "booking",
            start=SubmitAction.start(tracker, settings),
            name=common.contact_value(tracker, "name") or "",
            email=common.contact_value(tracker, "email") or "",
            phone=common.contact_value(tracker, "phone"),
            service_id=tracker.get_slot("service_type"),
            topic=tracker.get_slot("topic"),
            duration_minutes=int(tracker.get_slot("duration") or 0) or None,
            conversation_id=tracker.sender_id,
            reason="booking API unavailable",
            idempotency_key=tracker.get_slot("idempotency_key"),
        )
    except Exception:  # the visitor is told either way; staff need the traceback
        logger.exception("could not keep the pending %s request", task)
        return None, False
    return pending.reference, pending.status == "confirmed"


class ActionCreateBooking(SubmitAction):
    """Book the confirmed service."""

    form = "booking_form"
    task = "book_service"

    def name(self) -> str:
        return "action_create_booking"

    async def submit(self, dispatcher, tracker, settings) -> list[EventType]:
        record = await common.booking_client().create_booking(
            service_id=tracker.get_slot("service_type"),
            start=self.start(tracker, settings),
            name=common.contact_value(tracker, "name"),
            email=common.contact_value(tracker, "email"),
            phone=common.contact_value(tracker, "phone"),
            conversation_id=tracker.sender_id,
            idempotency_key=tracker.get_slot("idempotency_key"),
        )
        what = record.service_name or "appointment"
        email = common.contact_value(tracker, "email")
        dispatcher.utter_message(
            text=f"You're booked! Your reference is {record.reference}: {what} on "
            f"{when_text(record, settings.timezone)}."
            + (
                f" You'll get a confirmation email at {email} with a calendar invite."
                if email
                else ""
            ),
            custom={"booking_reference": record.reference},
        )
        return [*common.reset_form_slots(tracker), common.outcome("booked")]


class ActionCreateMeeting(SubmitAction):
    """Schedule the confirmed meeting."""

    form = "meeting_form"
    task = "schedule_meeting"

    def name(self) -> str:
        return "action_create_meeting"

    async def submit(self, dispatcher, tracker, settings) -> list[EventType]:
        record = await common.booking_client().create_meeting(
            topic=tracker.get_slot("topic"),
            start=self.start(tracker, settings),
            duration_minutes=int(tracker.get_slot("duration") or 30),
            name=common.contact_value(tracker, "name"),
            email=common.contact_value(tracker, "email"),
            phone=common.contact_value(tracker, "phone"),
            conversation_id=tracker.sender_id,
            idempotency_key=tracker.get_slot("idempotency_key"),
        )
        email = common.contact_value(tracker, "email")
        dispatcher.utter_message(
            text=f"Your meeting is scheduled! Reference {record.reference}: "
            f"{when_text(record, settings.timezone)}."
            + (f" You'll get an email at {email} with a calendar invite." if email else ""),
            custom={"booking_reference": record.reference},
        )
        return [*common.reset_form_slots(tracker), common.outcome("meeting_booked")]


class ActionCancelBooking(SubmitAction):
    """Cancel the booking found by reference and email."""

    form = "cancel_form"
    task = "cancel_booking"

    def name(self) -> str:
        return "action_cancel_booking"

    async def submit(self, dispatcher, tracker, settings) -> list[EventType]:
        record = await common.booking_client().cancel_booking(
            reference=tracker.get_slot("booking_reference"), email=tracker.get_slot("email")
        )
        dispatcher.utter_message(
            text=f"Done — booking {record.reference} on {when_text(record, settings.timezone)} "
            "is cancelled. You'll get an email confirming it."
        )
        return [*common.reset_form_slots(tracker), common.outcome("cancelled")]


class ActionRescheduleBooking(SubmitAction):
    """Move the booking found by reference and email to the new date and time."""

    form = "reschedule_form"
    task = "reschedule_booking"

    def name(self) -> str:
        return "action_reschedule_booking"

    async def submit(self, dispatcher, tracker, settings) -> list[EventType]:
        record = await common.booking_client().reschedule_booking(
            reference=tracker.get_slot("booking_reference"),
            email=tracker.get_slot("email"),
            start=self.start(tracker, settings),
            idempotency_key=tracker.get_slot("idempotency_key"),
        )
        dispatcher.utter_message(
            text=f"Done — booking {record.reference} is now on "
            f"{when_text(record, settings.timezone)}. You'll get an updated calendar invite by email."
        )
        return [*common.reset_form_slots(tracker), common.outcome("rescheduled")]
