"""action_answer_question: grounded answers from the business's content, with sources."""

from __future__ import annotations

import asyncio
import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
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


def citation(sources: list[dict[str, str]]) -> str:
    """'Source: Title (url)' or a 'Sources:' list."""
    if not sources:
        return ""
    if len(sources) == 1:
        return f"Source: {sources[0]['title']} ({sources[0]['url']})"
    return "Sources:\n" + "\n".join(f"• {s['title']} ({s['url']})" for s in sources)


class ActionAnswerQuestion(Action):
    """Answer from the knowledge search, or decline with the contact line; never invent."""

    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        question = (tracker.latest_message or {}).get("text") or ""
        info_type = info_category(next(tracker.get_latest_entity_values("info_type"), None))
        try:
            answer = await asyncio.to_thread(
                knowledge.answer_question, question, info_type=info_type
            )
        except Exception:  # the visitor still gets the contact line, staff get the traceback
            logger.exception("knowledge search failed")
            answer = None
        if answer is None or answer.declined or not answer.text.strip():
            settings = await common.bot_settings()
            dispatcher.utter_message(
                text=f"{settings.fallback_text} {common.contact_sentence(settings)}"
            )
            return [common.outcome("declined")]
        sources = [{"title": s["title"], "url": s["url"]} for s in answer.sources]
        text = answer.text.strip()
        if sources:
            text += "\n\n" + citation(sources)
        dispatcher.utter_message(text=text, custom={"sources": sources} if sources else None)
        return [common.outcome("answered")]
