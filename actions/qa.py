"""action_answer_question: grounded answers from the business's content, with sources."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.handoff import OFFER_BUTTONS, failures
from app.services import knowledge

logger = logging.getLogger(__name__)


_INFO_TYPES = (
    ("cancel", "cancellation"),
    ("refund", "refund"),
    ("privacy", "privacy"),
    ("polic", "policy"),
    ("hour", "hours"),
    ("pric", "prices"),
    ("cost", "prices"),
    ("service", "services"),
    ("address", "location"),
    ("parking", "location"),
    ("locat", "location"),
    ("phone", "contact"),
    ("email", "contact"),
)


def info_category(value: str | None) -> str | None:
    """The NLU's `info_type` text ("cancellation policy") as the category the search knows."""
    if not value:
        return None
    lowered = value.lower()
    return next((category for stem, category in _INFO_TYPES if stem in lowered), None)


class ActionAnswerQuestion(Action):
    """Answer from the knowledge search, or decline with the contact line; never invent."""

    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        question = (tracker.latest_message or {}).get("text") or ""
        if not question.strip():  # the widget sends none; Rasa's public webhook lets one in
            dispatcher.utter_message(
                text="That message was empty. What would you like to ask, or do?",
                buttons=clarification_buttons(tracker, None),
            )
            return []
        info_type = info_category(next(tracker.get_latest_entity_values("info_type"), None))
        try:
            answer = await asyncio.to_thread(
                knowledge.answer_question, question, info_type=info_type
            )
        except Exception:  # the visitor still gets the contact line, staff get the traceback
            logger.exception("knowledge search failed")
            answer = None
        if answer is None or answer.declined or not answer.text.strip():
            return await self._decline(dispatcher, tracker, answer)
        # The citation travels once, as data: the widget shows it as links under the answer.
        sources = [citation.as_data() for citation in answer.sources]
        dispatcher.utter_message(
            text=answer.text.strip(), custom={"sources": sources} if sources else None
        )
        return [common.outcome("answered"), SlotSet("unanswered", None)]

    async def _decline(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, answer: Any
    ) -> list[EventType]:
        """Not found: ask what was meant (unsure NLU), offer a person (second miss), or decline."""
        settings = await common.bot_settings()
        missed = failures(tracker) + 1
        events: list[EventType] = [common.outcome("declined"), SlotSet("unanswered", missed)]
        if tracker.active_loop_name:  # a question inside a form: the form asks again next
            dispatcher.utter_message(text=knowledge.decline_text(settings))
            return events
        if missed >= 2:
            dispatcher.utter_message(
                text="Sorry, I couldn't find an answer to that either. Would you like someone "
                "from our team to get back to you?",
                buttons=OFFER_BUTTONS,
            )
            return events
        if tracker.get_intent_of_latest_message(skip_fallback_intent=False) in UNSURE_INTENTS:
            dispatcher.utter_message(
                text="Sorry, I'm not sure what you mean. Did you want to do one of these, "
                "or could you put your question another way?",
                buttons=clarification_buttons(tracker, answer),
            )
            return events
        dispatcher.utter_message(text=knowledge.decline_text(settings))
        return events


UNSURE_INTENTS = ("nlu_fallback", "out_of_scope")
"""Messages the NLU was not sure about (or found out of scope): asked what was meant first."""

_TASK_BUTTONS = {
    "book_service": "Book an appointment",
    "reschedule_booking": "Reschedule a booking",
    "cancel_booking": "Cancel a booking",
    "schedule_meeting": "Schedule a meeting",
}
MIN_CANDIDATE_CONFIDENCE = 0.1


def clarification_buttons(tracker: Tracker, answer: Any) -> list[dict[str, str]]:
    """The tasks the NLU half-recognised (most likely first), the nearest page, and a person."""
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    tasks = [
        r["name"]
        for r in ranking
        if r.get("name") in _TASK_BUTTONS
        and float(r.get("confidence") or 0) >= MIN_CANDIDATE_CONFIDENCE
    ][:2]
    if not tasks:
        tasks = ["book_service"]
    buttons = [{"title": _TASK_BUTTONS[t], "payload": f"/{t}"} for t in tasks]
    passages = getattr(answer, "passages", None) or []
    if passages and passages[0].title:
        title = passages[0].title.split("|")[0].strip()[:60]
        buttons.append({"title": f"Ask about {title}", "payload": f"Tell me about {title}"})
    buttons.append({"title": "Talk to a person", "payload": "/human_handoff"})
    return buttons
