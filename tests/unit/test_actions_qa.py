"""action_answer_question: cited answers, declines with the contact line, never invented."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions.qa import ActionAnswerQuestion
from app.core import db
from app.models.citation import Citation
from app.services import knowledge
from app.services.knowledge import Answer
from app.services.seed import seed_demo_business
from tests.support.actions import bot_domain, make_tracker

HOURS = Citation(title="Hours and contact", url="http://brightpath.example/hours")
PRICES = Citation(title="Services and prices", url="http://brightpath.example/services")


@pytest.fixture
def demo_business(sqlite_db: str) -> Iterator[None]:
    with Session(db.get_engine()) as session:
        seed_demo_business(session=session)
    yield


def answering(monkeypatch: pytest.MonkeyPatch, answer: Answer | Exception) -> list[tuple]:
    calls: list[tuple] = []

    def fake_answer_question(question, *, info_type=None, threshold=None):
        calls.append((question, info_type))
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(knowledge, "answer_question", fake_answer_question)
    return calls


async def ask(text: str, **kwargs) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent=kwargs.pop("intent", "ask_question"), **kwargs)
    events = await ActionAnswerQuestion().run(dispatcher, tracker, bot_domain())
    return events, dispatcher.messages


async def test_answer_cites_its_source_once_as_data_for_the_widget(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = answering(monkeypatch, Answer(text="We're open 9am–6pm on weekdays.", sources=[HOURS]))
    events, messages = await ask(
        "What are your opening hours?",
        entities=[{"entity": "info_type", "value": "opening hours"}],
    )
    assert calls == [("What are your opening hours?", "hours")]
    assert messages == [
        {
            "text": "We're open 9am–6pm on weekdays.",
            "buttons": [],
            "elements": [],
            "custom": {"sources": [HOURS.as_data()]},
            "template": None,
            "response": None,
            "image": None,
            "attachment": None,
        }
    ]
    assert events == [SlotSet("last_outcome", "answered"), SlotSet("unanswered", None)]


@pytest.mark.parametrize(
    ("entity", "category"),
    [
        ("cancellation policy", "cancellation"),
        ("privacy policy", "privacy"),
        ("parking", "location"),
    ],
)
async def test_info_type_steers_the_search_by_category(
    demo_business: None, monkeypatch: pytest.MonkeyPatch, entity: str, category: str
) -> None:
    calls = answering(monkeypatch, Answer(text="See our policy page.", sources=[HOURS]))
    await ask(f"what is your {entity}?", entities=[{"entity": "info_type", "value": entity}])
    assert calls == [(f"what is your {entity}?", category)]


async def test_several_sources_travel_together_and_not_in_the_text(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, Answer(text="A consultation is $50.", sources=[PRICES, HOURS]))
    _, messages = await ask("how much is a consultation and when are you open?")
    assert messages[0]["text"] == "A consultation is $50."
    assert messages[0]["custom"] == {"sources": [PRICES.as_data(), HOURS.as_data()]}


async def test_low_confidence_fallback_is_answered_too(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = answering(monkeypatch, Answer(text="Yes, parking is free.", sources=[HOURS]))
    events, _ = await ask("parking??", intent="nlu_fallback")
    assert calls == [("parking??", None)]
    assert events == [SlotSet("last_outcome", "answered"), SlotSet("unanswered", None)]


async def test_declined_question_gets_fallback_text_and_contact_line(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, Answer(text="", declined=True))
    events, messages = await ask("Do you sell bicycles?")
    assert [m["text"] for m in messages] == [
        "I'm sorry, I couldn't find that on our website. You can call us at "
        "+1 (555) 010-4242 or email hello@brightpath.example."
    ]
    assert not messages[0]["custom"]
    assert events == [SlotSet("last_outcome", "declined"), SlotSet("unanswered", 1)]


async def test_search_failure_declines_instead_of_crashing(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, RuntimeError("vector store missing"))
    events, messages = await ask("What are your hours?")
    assert messages[0]["text"].startswith("I'm sorry, I couldn't find that on our website.")
    assert events == [SlotSet("last_outcome", "declined"), SlotSet("unanswered", 1)]


def _unsure_tracker(text: str, ranking: list[tuple[str, float]], **kwargs):
    tracker = make_tracker(text=text, intent="nlu_fallback", **kwargs)
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.5},
        *({"name": name, "confidence": c} for name, c in ranking),
    ]
    return tracker


async def test_unsure_message_not_found_asks_what_was_meant_with_buttons(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.retrieval import Passage

    near = Passage(
        text="...",
        score=0.2,
        title="Cancellation policy",
        url="http://x/p",
        section=None,
        collection="policy_docs",
    )
    answering(monkeypatch, Answer(text="", declined=True, passages=[near]))
    tracker = _unsure_tracker(
        "can i get in on sat", [("book_service", 0.41), ("ask_question", 0.3), ("greet", 0.05)]
    )
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerQuestion().run(dispatcher, tracker, bot_domain())
    (message,) = dispatcher.messages
    assert message["text"].startswith("Sorry, I'm not sure what you mean. Did you want to")
    assert message["buttons"] == [
        {"title": "Book an appointment", "payload": "/book_service"},
        {"title": "Ask about Cancellation policy", "payload": "Tell me about Cancellation policy"},
        {"title": "Talk to a person", "payload": "/human_handoff"},
    ]
    assert events == [SlotSet("last_outcome", "declined"), SlotSet("unanswered", 1)]


async def test_second_miss_in_a_row_offers_a_person(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, Answer(text="", declined=True))
    events, messages = await ask("do you sell bikes", slots={"unanswered": 1})
    assert [m["text"] for m in messages] == [
        "Sorry, I couldn't find an answer to that either. Would you like someone from our "
        "team to get back to you?"
    ]
    assert messages[0]["buttons"] == [
        {"title": "Yes, contact me", "payload": "/human_handoff"},
        {"title": "No thanks", "payload": "/deny"},
    ]
    assert events == [SlotSet("last_outcome", "declined"), SlotSet("unanswered", 2)]


async def test_an_answer_resets_the_misses(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, Answer(text="Yes, parking is free.", sources=[HOURS]))
    events, _ = await ask("parking?", slots={"unanswered": 1})
    assert SlotSet("unanswered", None) in events
