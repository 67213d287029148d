"""Starting, refusing, stopping and handing off tasks."""

from __future__ import annotations

import asyncio
import logging
import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.parsing import InvalidAnswer, check_date, find_date, parse_time
from actions.questions import is_policy_question
from app.models import TaskConfigPublic

logger = logging.getLogger(__name__)

TASK_FOR_INTENT = {
    "book_service": "book_service",
    "schedule_meeting": "schedule_meeting",
    "cancel_booking": "cancel_booking",
    "reschedule_booking": "reschedule_booking",
}
"""The intents that start a task; after any other, action_check_task_enabled starts none."""
TASK_BUTTON = {
    "book_service": "Book an appointment",
    "schedule_meeting": "Schedule a meeting",
    "cancel_booking": "Cancel a booking",
    "reschedule_booking": "Reschedule a booking",
}
REFUSAL = {
    "book_service": "Sorry, I can't take bookings in the chat at the moment.",
    "schedule_meeting": "Sorry, I can't schedule meetings in the chat at the moment.",
    "cancel_booking": "Sorry, I can't cancel bookings in the chat at the moment.",
    "reschedule_booking": "Sorry, I can't reschedule bookings in the chat at the moment.",
}


class ActionCheckTaskEnabled(Action):
    """Start a task only when the admin has it switched on (read now, not at training time)."""

    def name(self) -> str:
        return "action_check_task_enabled"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = tracker.get_intent_of_latest_message() or ""
        task = TASK_FOR_INTENT.get(intent)
        if task is None:
            # Only the task intents lead here (bot/data/rules/tasks.yml); after any other
            # intent this is a misprediction, and starting a booking would be a guess.
            logger.warning("%s after intent %r: no task started", self.name(), intent)
            return []
        if is_policy_question((tracker.latest_message or {}).get("text") or ""):
            return await self._answer_instead(task, dispatcher, tracker, domain)
        config = await common.task_config(task)
        usable = config is not None and config.enabled
        if usable and task == "book_service" and "service_type" in config.asked_fields():
            usable = bool(config.enabled_services)
        if not usable:
            settings = await common.bot_settings()
            dispatcher.utter_message(text=f"{REFUSAL[task]} {settings.contact_sentence}")
            return [SlotSet("task_enabled", False), common.outcome("refused")]
        prefilled = await self._prefill(tracker, task, config)
        return [*common.reset_form_slots(tracker), *prefilled, SlotSet("task_enabled", True)]

    @staticmethod
    async def _answer_instead(
        task: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """ "Is there a fee to cancel?" is answered; the task is one button away."""
        from actions.qa import ActionAnswerQuestion

        events = await ActionAnswerQuestion().run(dispatcher, tracker, domain)
        dispatcher.utter_message(
            text="If you'd like to go ahead, I can do that here too.",
            buttons=[{"title": TASK_BUTTON[task], "payload": f"/{task}"}],
        )
        return [*events, SlotSet("task_enabled", False)]

    @staticmethod
    async def _prefill(tracker: Tracker, task: str, config: TaskConfigPublic) -> list[EventType]:
        """Answers already in the request ("a consultation next Monday at 2pm"); the form validates them."""
        events: list[EventType] = []
        service = next(tracker.get_latest_entity_values("service_type"), None)
        if task == "book_service" and any(s.id == service for s in config.enabled_services):
            events.append(SlotSet("service_type", service))
        reference = next(tracker.get_latest_entity_values("booking_reference"), None)
        if task in ("cancel_booking", "reschedule_booking") and reference:
            events.append(SlotSet("booking_reference", reference))
        if "date" in config.asked_fields():
            events += await _prefill_when(tracker, config)
        return events


async def _prefill_when(tracker: Tracker, config: TaskConfigPublic) -> list[EventType]:
    """Date (and time) named in the request; the time only when that date is bookable."""
    text = (tracker.latest_message or {}).get("text") or ""
    clock = common.business_clock(await common.bot_settings())
    day = await asyncio.to_thread(find_date, text, clock)
    if day is None:
        return []
    events: list[EventType] = [SlotSet("date", day.isoformat())]
    start = parse_time(text)
    if start is not None and "time" in config.asked_fields():
        try:
            check_date(day, config, clock)
        except InvalidAnswer:
            return events  # the form says what is wrong with the date, then asks the time
        events.append(SlotSet("time", start.strftime("%H:%M")))
    return events


def _leave_events(tracker: Tracker) -> list[EventType]:
    if not tracker.active_loop_name:
        return []
    return [ActiveLoop(None), SlotSet("requested_slot", None)]


# Words of the ways to leave a form (bot/data/nlu/smalltalk.yml, intent `stop`). A reply to
# "What name should I put it under?" without any of them is a name, whatever the classifier
# made of it: names read as `stop` (measured: "Lee Widget" 0.60, "Bob Stopford" 0.89).
LEAVING_WORDS = frozenset(
    [
        "stop",
        "stopping",
        "cancel",
        "quit",
        "exit",
        "forget",
        "never",
        "mind",
        "nevermind",
        "nvm",
        "abort",
        "later",
        "not",
        "no",
        "nope",
        "done",
        "enough",
        "out",
        "give",
        "drop",
        "end",
        "leave",
        "changed",
        "don't",
        "dont",
        "anymore",
        "continue",
        "over",
        "start",
        "want",
        "wanna",
        "please",
        "it",
        "this",
        "that",
        "asking",
        "booking",
        "form",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def could_be_a_name(text: str) -> bool:
    """One to four words of letters, none of them a word people use to leave a form."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(_WORD.fullmatch(word.strip(",")) for word in words):
        return False
    return not any(word.strip(",.").lower() in LEAVING_WORDS for word in words)


class ActionStopTask(Action):
    """'stop' / 'cancel' in a form: leave it politely, nothing booked.

    Asked for a name, a reply that is a name (`could_be_a_name`) is taken as the answer: the
    form validates it and asks its next question."""

    def name(self) -> str:
        return "action_stop_task"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = (tracker.latest_message or {}).get("text") or ""
        form = tracker.active_loop_name
        if form and tracker.get_slot("requested_slot") == "name" and could_be_a_name(text):
            return [SlotSet("name", text.strip()), FollowupAction(form)]
        dispatcher.utter_message(response="utter_stopped")
        return [*_leave_events(tracker), *common.reset_form_slots(tracker)]


class ActionHumanHandoff(Action):
    """'Talk to a person': leave any form; handoff_form then collects a contact and a note."""

    def name(self) -> str:
        return "action_human_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        left_task = tracker.active_loop_name in common.TASK_FOR_FORM
        opening = "Of course — I'll ask someone from our team to get back to you."
        if left_task:
            opening = "Of course — I've stopped there (nothing was booked or changed), and I'll ask someone from our team to get back to you."
        dispatcher.utter_message(text=opening)
        events = [*_leave_events(tracker)]
        if left_task:
            events += common.reset_form_slots(tracker)
        return [*events, SlotSet("callback_contact", None), SlotSet("callback_note", None)]
