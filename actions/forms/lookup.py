"""cancel_form and reschedule_form: find the booking by reference, verified by its email."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.forms.base import Context, TaskFormValidation, leave_form
from actions.parsing import InvalidAnswer, read_email, read_reference
from app.models import BookingPublic
from app.services.booking_client import (
    BookingApiUnavailable,
    BookingNotFound,
    LookupThrottled,
)

logger = logging.getLogger(__name__)


def booking_summary(record: BookingPublic) -> dict[str, Any]:
    """What the forms keep about a found booking (slot `found_booking`)."""
    return {
        "reference": record.reference,
        "kind": record.kind,
        "status": record.status,
        "service_id": record.service_id,
        "what": record.service_name or record.topic or "appointment",
        "start": record.start.isoformat(),
        "end": record.end.isoformat(),
    }


def describe_booking(found: dict[str, Any]) -> str:
    """'BK-2026-0042: Consultation on Monday 30 November at 2pm'."""
    start = dt.datetime.fromisoformat(found["start"])
    when = common.describe_when(start.date().isoformat(), start.strftime("%H:%M"))
    return f"{found['reference']}: {found['what']} on {when}"


class LookupFormValidation(TaskFormValidation):
    """Reference, then email; the email is checked against the booking with the booking API."""

    async def validate_booking_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("booking_reference", value, dispatcher, tracker)

    async def read_booking_reference(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        return {"booking_reference": read_reference(text), "found_booking": None}

    async def read_email(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        email = read_email(text)
        reference = tracker.get_slot("booking_reference")
        if not reference:
            return {"email": email}
        try:
            record = await common.booking_client().get_booking(reference, email)
        except BookingNotFound:
            raise InvalidAnswer(
                f"I couldn't find booking {reference} with that email address — could you "
                "check it's the one you booked with?"
            ) from None
        except LookupThrottled:
            dispatcher.utter_message(
                text="Sorry — there have been too many attempts to find a booking with these "
                "details, so I can't look it up right now. Please try again later. "
                f"{context.settings.contact_sentence}"
            )
            leave_form()
            return {"email": None, "last_outcome": "handed_off"}
        except BookingApiUnavailable:
            logger.warning("booking API unavailable while looking up a booking")
            dispatcher.utter_message(
                text="Sorry — I can't reach our booking system right now, so I can't look up "
                f"your booking. {context.settings.contact_sentence}"
            )
            leave_form()
            return {"email": None, "last_outcome": "handed_off"}
        if record.status == "cancelled":
            dispatcher.utter_message(
                text=f"Booking {reference} is already cancelled, so there's nothing to change."
            )
            leave_form()
            return {"email": None}
        found = booking_summary(record)
        dispatcher.utter_message(text=f"Found it — {describe_booking(found)}.")
        return {"email": email, "found_booking": found}


class ValidateCancelForm(LookupFormValidation):
    """Validates cancel_form answers."""

    def name(self) -> str:
        return "validate_cancel_form"


class ValidateRescheduleForm(LookupFormValidation):
    """Validates reschedule_form answers; the new time must fit the booking's length."""

    def name(self) -> str:
        return "validate_reschedule_form"

    def appointment_minutes(self, slots: Mapping[str, Any], context: Context) -> int:
        found = slots.get("found_booking")
        if not found:
            return context.config.slot_minutes
        start = dt.datetime.fromisoformat(found["start"])
        end = dt.datetime.fromisoformat(found["end"])
        return int((end - start).total_seconds() // 60)
