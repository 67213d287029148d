"""Shared validation for every task form: config-driven slots, readers, retries, corrections.

Each form's `required_slots` is read from the task config on every turn, so an admin who makes
a field optional changes the very next question. Each answer goes through a reader that either
returns slot values or raises `InvalidAnswer` with the re-prompt; three failed answers for one
slot offer a person instead and leave the form.
"""

from __future__ import annotations

import abc
import datetime as dt
import logging
import re
import uuid
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import common, parsing
from actions.parsing import BusinessClock, InvalidAnswer
from app.models import BotSettingsPublic, TaskConfigPublic

logger = logging.getLogger(__name__)

MAX_TRIES = 3
ASKED_SLOT = "asked_slot"
"""Set by a form's validation when it has asked the next question itself. Rasa's side reads it
under the same name (bot/addons/patches.py, another venv); tests/unit/test_form_asks_once.py
fails if the two names differ or the domain does not declare it."""
CONFIRMATION = "confirmation"
_FIELD_WORDS = {
    "date": r"\b(date|day)\b",
    "time": r"\b(time|hour)\b",
    "email": r"\b(e-?mail)\b",
    "phone": r"\b(phone|number|mobile)\b",
    "name": r"\bname\b",
    "service_type": r"\b(service|appointment type)\b",
    "topic": r"\b(topic|subject)\b",
    "duration": r"\b(duration|length|long)\b",
}


_BARE_NO = re.compile(r"^\W*(no+|nope|nah|n)\W*$", re.IGNORECASE)
_STOP_PHRASE = re.compile(
    r"^\W*(?:(?:actually|no|ok|okay|oh|wait|hmm|sorry|please|just)\W+)*"
    r"(?:cancel|stop|quit|exit|abort|forget (?:it|this|that|about it)|never ?mind|nvm|scrap (?:it|that))"
    r"(?:\W+(?:it|this|that|please|now|then|the booking|the whole thing|everything|all))*\W*$",
    re.IGNORECASE,
)


def wants_to_stop(tracker: Tracker, form: str) -> bool:
    """Leaving a form in words the NLU did not file as `stop` ("actually, cancel", or
    "cancel my booking" in the middle of booking one)."""
    intent = tracker.get_intent_of_latest_message(skip_fallback_intent=False)
    text = (tracker.latest_message or {}).get("text") or ""
    if form == "cancel_form" and "cancel" in text.lower():
        return False  # "cancel it" there answers the form's own question
    if intent == "cancel_booking":
        return True
    return intent != "stop" and bool(_STOP_PHRASE.match(text))


_leaving_form: ContextVar[bool] = ContextVar("leaving_form", default=False)
"""Set by a validator (within one request) when the visitor's answer ends the form."""


def leave_form() -> None:
    """Make this turn's validation end the form (after the handoff offer or a 'no')."""
    _leaving_form.set(True)


class Context:
    """What one turn's validation needs: the task config, bot settings and the business clock."""

    def __init__(self, config: TaskConfigPublic, settings: BotSettingsPublic) -> None:
        self.config = config
        self.settings = settings
        self.clock: BusinessClock = common.business_clock(settings)


class TaskFormValidation(FormValidationAction, abc.ABC):
    """Base of the four form validators; subclasses name the form and say how long a slot is."""

    @abc.abstractmethod
    def name(self) -> str:
        """`validate_<form>`."""

    @property
    def task_name(self) -> str:
        return common.TASK_FOR_FORM[self.form_name()]

    what = "an appointment"
    """How the re-prompts call the thing being booked."""

    def appointment_minutes(self, slots: Mapping[str, Any], context: Context) -> int:
        """How long the booked slot is, to check that it fits before closing time.

        `slots` are the form's values as they stand, including those validated this turn."""
        return context.config.slot_minutes

    async def context(self) -> Context:
        config = await common.task_config(self.task_name)
        if config is None:
            raise LookupError(f"no task config named {self.task_name}")
        return Context(config, await common.bot_settings())

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The fields the task config asks for now, then the confirmation."""
        config = await common.task_config(self.task_name)
        if config is None:
            return domain_slots
        return [f for f in config.asked_fields() if f in domain_slots] + [CONFIRMATION]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate as usual; when a validator called `leave_form`, end the form instead."""
        if wants_to_stop(tracker, self.form_name()):
            dispatcher.utter_message(response="utter_stopped")
            return [
                *common.reset_form_slots(tracker),
                SlotSet("requested_slot", None),
                ActiveLoop(None),
            ]
        token = _leaving_form.set(False)
        try:
            events = await super().run(dispatcher, tracker, domain)
            leaving = _leaving_form.get()
        finally:
            _leaving_form.reset(token)
        if not leaving:
            return [*events, *await self._ask_next_slot(events, dispatcher, tracker, domain)]
        kept = [
            e
            for e in events
            if not (e.get("event") == "slot" and e.get("name") == "requested_slot")
        ]
        return [*kept, SlotSet("requested_slot", None), ActiveLoop(None)]

    async def _ask_next_slot(
        self,
        events: list[EventType],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Ask the next question now when it is one of the config's (`ask.ASK_FOR`), instead
        of Rasa making a second call to the action server for it; `ASKED_SLOT` tells Rasa's
        form (`addons.patches`) that it has been asked.

        Not when Rasa may still reject this turn (an answer to the open question that set no
        slot, e.g. a question asked in the middle of the form): the marker would count as a
        filled slot and keep the form from letting the question be answered."""
        from actions.forms.ask import ASK_FOR  # ask.py imports the lookup form, a subclass here

        answered = any(
            e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events
        )
        if tracker.get_slot("requested_slot") is not None and not answered:
            return []
        # As Rasa reads it: the first `requested_slot` set, else the first required slot empty.
        requested = [
            e.get("value")
            for e in events
            if e.get("event") == "slot" and e.get("name") == "requested_slot"
        ]
        if requested:
            slot = requested[0]
        else:
            required = await self.required_slots(
                self.domain_slots(domain), dispatcher, tracker, domain
            )
            slot = next((s for s in required if tracker.slots.get(s) is None), None)
        asker = ASK_FOR.get(slot or "")
        config = await common.task_config(self.task_name) if asker else None
        if asker is None or config is None:
            return []
        await asker.ask(dispatcher, tracker, config, self.form_name())
        return [SlotSet(ASKED_SLOT, slot)]

    # --- the validate_<slot> methods rasa-sdk calls --------------------------------------------

    async def validate_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("date", value, dispatcher, tracker)

    async def validate_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("time", value, dispatcher, tracker)

    async def validate_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("name", value, dispatcher, tracker)

    async def validate_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("email", value, dispatcher, tracker)

    async def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return await self._validate("phone", value, dispatcher, tracker)

    async def validate_confirmation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """'yes' books (with a fresh idempotency key), 'no' leaves, anything else is a correction."""
        if value is None:  # cleared at the start of the task
            return {CONFIRMATION: None}
        if value == "yes":
            return {CONFIRMATION: "yes", "idempotency_key": str(uuid.uuid4())}
        correction = await self._correction_in_no(tracker, dispatcher) if value == "no" else None
        if correction is not None:
            return correction
        if value == "no":
            dispatcher.utter_message(
                text="No problem — I haven't booked or changed anything. "
                "Is there anything else I can help with?"
            )
            leave_form()
            return {CONFIRMATION: None, "failed_tries": None}
        context = await self.context()
        return await self._correct(str(value), dispatcher, tracker, context)

    async def _correction_in_no(
        self, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> dict[str, Any] | None:
        """'no, change the time' / 'no, make it 4pm': a correction, not a 'no' that leaves."""
        text = (tracker.latest_message or {}).get("text") or ""
        context = await self.context()
        asked = [f for f in context.config.asked_fields() if f != CONFIRMATION]
        if _BARE_NO.match(text) or self._correction_target(text, asked, context) is None:
            return None
        return await self._correct(text, dispatcher, tracker, context)

    # --- machinery -----------------------------------------------------------------------------

    async def _validate(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Read one answer: its slot values, or a re-prompt and a counted failed try."""
        if value is None or value == common.SKIPPED:  # cleared or skipped by us, not an answer
            return {slot: value}
        text = str(value)
        if not text.strip():  # a blank message (only Rasa's public webhook lets one in)
            dispatcher.utter_message(text="That message was empty.")
            return {slot: None}  # asked again, and not counted as a wrong answer
        context = await self.context()
        if tracker.get_intent_of_latest_message() == "change_answer" and self._names_another_field(
            text, slot, context
        ):
            # The text answered no question: this slot stays open and is asked again.
            return {slot: None, **await self._correct(text, dispatcher, tracker, context)}
        if slot in context.config.optional_fields and parsing.is_skip(text):
            return {slot: common.SKIPPED, **self._clear_tries(slot, tracker)}
        try:
            values = await self.read(slot, text, dispatcher, tracker, context)
        except InvalidAnswer as problem:
            return self._failed(slot, problem.message, dispatcher, tracker, context)
        return {**values, **self._clear_tries(slot, tracker)}

    def _names_another_field(self, text: str, slot: str, context: Context) -> bool:
        asked = context.config.asked_fields()
        return any(
            field != slot and field in asked and re.search(pattern, text.lower())
            for field, pattern in _FIELD_WORDS.items()
        )

    def _clear_tries(self, slot: str, tracker: Tracker) -> dict[str, Any]:
        tries = common.failed_tries(tracker)
        tries.pop(slot, None)
        return {"failed_tries": tries or None}

    def _failed(
        self,
        slot: str,
        message: str,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        context: Context,
    ) -> dict[str, Any]:
        """Re-prompt saying what was wrong; on the third miss offer a person and leave."""
        tries = common.failed_tries(tracker)
        tries[slot] = tries.get(slot, 0) + 1
        if tries[slot] < MAX_TRIES:
            dispatcher.utter_message(text=message)
            return {slot: None, "failed_tries": tries}
        logger.info(
            "form %s: three failed answers for %s, offering a person", self.form_name(), slot
        )
        dispatcher.utter_message(
            text="Sorry, I'm not getting this right. Our team will be happy to help: "
            f"{context.settings.contact_sentence}",
            buttons=[{"title": "Have someone contact me", "payload": "/human_handoff"}],
        )
        leave_form()
        return {slot: None, "failed_tries": None, "last_outcome": "handed_off"}

    async def read(
        self,
        slot: str,
        text: str,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        context: Context,
    ) -> dict[str, Any]:
        """Slot values from one answer; InvalidAnswer when it cannot be used."""
        reader = getattr(self, f"read_{slot}", None)
        if reader is None:
            raise LookupError(f"{type(self).__name__} has no reader for {slot}")
        return await reader(text, dispatcher, tracker, context)

    async def read_date(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        day = parsing.read_date(text, context.config, context.clock)
        # A new date can make an earlier time impossible (e.g. Saturday closes at 4pm).
        return self._recheck_time({"date": day.isoformat()}, dispatcher, tracker, context)

    def _recheck_time(
        self,
        values: dict[str, Any],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        context: Context,
    ) -> dict[str, Any]:
        """`values` (a new date, service or meeting length), and the time already chosen
        cleared, with the reason said, when it no longer fits with them."""
        slots = {**tracker.slots, **values}
        if not (slots.get("date") and slots.get("time")):
            return values
        day = dt.date.fromisoformat(slots["date"])
        start = dt.time.fromisoformat(slots["time"])
        minutes = self.appointment_minutes(slots, context)
        try:
            parsing.check_time(
                day, start, context.config, context.clock, duration_minutes=minutes, what=self.what
            )
        except InvalidAnswer as problem:
            dispatcher.utter_message(
                text=f"{parsing.format_time(start)} doesn't work any more: {problem.message}"
            )
            return {**values, "time": None}
        return values

    async def read_time(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        day_text = tracker.get_slot("date")
        # "Tuesday at 3pm" (typed, or an alternative-slot button) sets the day too.
        other_day = parsing.parse_date(text, context.clock) if parsing.parse_time(text) else None
        if other_day is not None and other_day.isoformat() != day_text:
            day = parsing.read_date(text, context.config, context.clock)
            values["date"] = day.isoformat()
        elif day_text:
            day = dt.date.fromisoformat(day_text)
        else:
            day = context.clock.today
        minutes = self.appointment_minutes(tracker.slots, context)
        start = parsing.read_time(
            text, day, context.config, context.clock, duration_minutes=minutes, what=self.what
        )
        return {**values, "time": start.strftime("%H:%M")}

    async def read_name(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        return {"name": parsing.read_name(text)}

    async def read_email(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        return {"email": parsing.read_email(text)}

    async def read_phone(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        region = context.settings.default_phone_region or "US"
        return {"phone": parsing.read_phone(text, region)}

    # --- corrections at the summary ------------------------------------------------------------

    async def _correct(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, context: Context
    ) -> dict[str, Any]:
        """Apply "make it 3pm instead" / "change the date": new value, or ask that field again."""
        asked = [f for f in context.config.asked_fields() if f != CONFIRMATION]
        target = self._correction_target(text, asked, context)
        if target is None:
            return self._failed(
                CONFIRMATION,
                "Sorry, I didn't catch what to change. Say 'yes' to confirm, or tell me the "
                "change, e.g. 'make it 3pm instead' or 'change the date'.",
                dispatcher,
                tracker,
                context,
            )
        reset = {CONFIRMATION: None, "idempotency_key": None}
        if not self._carries_value(target, text):
            return {target: None, **reset}
        try:
            values = await self.read(target, text, dispatcher, tracker, context)
        except InvalidAnswer as problem:
            dispatcher.utter_message(text=problem.message)
            return {target: None, **reset}
        return {**values, **reset}

    def _correction_target(self, text: str, asked: list[str], context: Context) -> str | None:
        lowered = text.lower()
        if "email" in asked and "@" in text:
            return "email"
        if (
            "phone" in asked
            and re.search(r"\d[\d\s().-]{6,}\d", text)
            and not parsing.parse_time(text)
        ):
            return "phone"
        if "service_type" in asked and any(
            s.id in lowered or s.name.lower() in lowered for s in context.config.enabled_services
        ):
            return "service_type"
        if "time" in asked and parsing.parse_time(text):
            return "time"
        if "date" in asked and parsing.parse_date(text, context.clock):
            return "date"
        return next(
            (
                f
                for f, pattern in _FIELD_WORDS.items()
                if f in asked and re.search(pattern, lowered)
            ),
            None,
        )

    @staticmethod
    def _carries_value(target: str, text: str) -> bool:
        """False for "change the date" (no new value), True for "make it Friday"."""
        words = set(re.findall(r"[a-z]+", text.lower())) - {
            "change",
            "the",
            "my",
            "to",
            "i",
            "want",
            "would",
            "like",
            "please",
            "can",
            "you",
            "update",
            "fix",
            "wrong",
            "wait",
            "actually",
            "a",
            "different",
            "another",
            "it",
            "no",
            "nope",
            "not",
            "that",
            "s",
            "is",
            "isn",
            "t",
            "incorrect",
            "right",
        }
        pattern = _FIELD_WORDS.get(target, "")
        remaining = {w for w in words if not re.fullmatch(pattern.replace(r"\b", ""), w)}
        return bool(remaining) or any(ch.isdigit() for ch in text) or "@" in text
