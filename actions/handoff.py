"""Handoff to a person: collect a contact and a one-line note, create a callback request, say
when to expect a reply (from the business hours), and tell staff by email when SMTP is set up."""

from __future__ import annotations

import asyncio
import logging
from contextvars import ContextVar
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.parsing import InvalidAnswer, is_skip, read_email, read_phone
from app.services import bot_requests

logger = logging.getLogger(__name__)

HANDOFF_SLOTS = ("callback_contact", "callback_note")
NOTE_MAX = 300
NO_NOTE = "(no note)"
OFFER_BUTTONS = [
    {"title": "Yes, contact me", "payload": "/human_handoff"},
    {"title": "No thanks", "payload": "/deny"},
]
"""Offered after repeated failures: the visitor chooses whether to leave a contact."""


def read_contact(text: str, default_region: str) -> tuple[str, str]:
    """('email', address) or ('phone', E.164); InvalidAnswer with a re-prompt otherwise."""
    if "@" in text:
        return "email", read_email(text)
    if any(ch.isdigit() for ch in text):
        return "phone", read_phone(text, default_region)
    raise InvalidAnswer(
        "I need an email address or a phone number so the team can reach you "
        "(e.g. jane@example.com or +1 212 555 0142). Or say 'stop' to leave it."
    )


def failures(tracker: Tracker) -> int:
    """Messages in a row the bot could not answer."""
    try:
        return int(tracker.get_slot("unanswered") or 0)
    except (TypeError, ValueError):
        return 0


class ValidateHandoffForm(FormValidationAction):
    """Checks the contact (a valid email or phone number) and keeps the note to one line."""

    def name(self) -> str:
        return "validate_handoff_form"

    async def validate_callback_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"callback_contact": None}
        text = str(value)
        settings = await common.bot_settings()
        if tracker.get_intent_of_latest_message() == "deny" or is_skip(text):
            dispatcher.utter_message(
                text=f"No problem. {settings.contact_sentence} Anything else I can help with?"
            )
            _leaving.set(True)
            return {"callback_contact": None}
        try:
            kind, contact = read_contact(text, settings.default_phone_region or "US")
        except InvalidAnswer as problem:
            dispatcher.utter_message(text=problem.message)
            return {"callback_contact": None}
        return {"callback_contact": f"{kind}:{contact}"}

    async def validate_callback_note(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {"callback_note": None}
        note = " ".join(str(value).split())
        if is_skip(note) or tracker.get_intent_of_latest_message() == "deny":
            return {"callback_note": NO_NOTE}
        if len(note) > NOTE_MAX:
            note = note[: NOTE_MAX - 1].rstrip() + "…"
        return {"callback_note": note}

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        token = _leaving.set(False)
        try:
            events = await super().run(dispatcher, tracker, domain)
            leaving = _leaving.get()
        finally:
            _leaving.reset(token)
        if not leaving:
            return events
        # A 'no thanks' to the contact question ends the form (see validate_callback_contact).
        kept = [e for e in events if e.get("name") != "requested_slot"]
        return [*kept, SlotSet("requested_slot", None), ActiveLoop(None)]


_leaving: ContextVar[bool] = ContextVar("leaving_handoff_form", default=False)


class ActionCreateCallback(Action):
    """Store the callback request, tell the visitor when to expect a reply, email staff."""

    def name(self) -> str:
        return "action_create_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        contact_slot = str(tracker.get_slot("callback_contact") or "")
        note = str(tracker.get_slot("callback_note") or NO_NOTE)
        settings = await common.bot_settings()
        reset = [SlotSet(slot, None) for slot in HANDOFF_SLOTS] + [SlotSet("unanswered", None)]
        kind, _, contact = contact_slot.partition(":")
        if not contact:
            dispatcher.utter_message(text=settings.contact_sentence)
            return reset
        reason = "repeated_failures" if failures(tracker) >= 2 else "asked"
        try:
            created = await asyncio.to_thread(
                bot_requests.request_callback,
                sender_id=tracker.sender_id,
                contact_kind=kind,
                contact=contact,
                note=note,
                reason=reason,
                settings=settings,
            )
        except Exception:  # the visitor still learns how to reach the team
            logger.exception("callback request not stored")
            dispatcher.utter_message(
                text=f"Sorry, I couldn't pass that on just now. {settings.contact_sentence}"
            )
            return reset
        how = "email you" if kind == "email" else "call you"
        dispatcher.utter_message(
            text=f"Thanks — I've passed this to our team (request #{created.id}); they'll {how} "
            f"at {contact}. {created.reply_by_text}"
        )
        return [*reset, common.outcome("handed_off")]
