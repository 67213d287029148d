"""Handoff to a person in the conversation: contact and note checked, a callback request stored,
the visitor told when to expect a reply from the business hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions.handoff import ActionCreateCallback, ValidateHandoffForm
from app.core import db
from app.models import utcnow
from app.services import callbacks
from app.services.seed import seed_demo_business
from tests.support.actions import bot_domain, make_tracker


@pytest.fixture
def demo_business(sqlite_db: str) -> Iterator[Session]:
    with Session(db.get_engine()) as session:
        seed_demo_business(session=session)
        yield session


def contact_turn(text: str, intent: str = "inform"):
    return make_tracker(
        text=text,
        intent=intent,
        active_loop="handoff_form",
        requested_slot="callback_contact",
        new_slots={"callback_contact": text},
    )


async def validate(tracker) -> tuple[list[dict], list[str]]:
    dispatcher = CollectingDispatcher()
    events = await ValidateHandoffForm().run(dispatcher, tracker, bot_domain())
    return events, [m["text"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("it's Jane.Doe@Example.com", "email:Jane.Doe@example.com"),
        ("call me on (212) 555-0142", "phone:+12125550142"),
    ],
)
async def test_contact_is_an_email_or_a_phone_number(demo_business, text, stored) -> None:
    events, messages = await validate(contact_turn(text))
    assert messages == []
    assert SlotSet("callback_contact", stored) in events


async def test_no_contact_in_the_answer_is_reprompted(demo_business) -> None:
    events, messages = await validate(contact_turn("whenever suits"))
    assert messages == [
        "I need an email address or a phone number so the team can reach you "
        "(e.g. jane@example.com or +1 212 555 0142). Or say 'stop' to leave it."
    ]
    assert SlotSet("callback_contact", None) in events
    assert ActiveLoop(None) not in events


async def test_no_thanks_leaves_with_the_contact_line(demo_business) -> None:
    events, messages = await validate(contact_turn("no thanks", intent="deny"))
    assert messages == [
        "No problem. You can call us at +1 (555) 010-4242 or email hello@brightpath.example. "
        "Anything else I can help with?"
    ]
    assert events[-2:] == [SlotSet("requested_slot", None), ActiveLoop(None)]


async def test_note_is_one_line_and_skippable(demo_business) -> None:
    tracker = make_tracker(
        text="about\n  pricing",
        active_loop="handoff_form",
        requested_slot="callback_note",
        new_slots={"callback_note": "about\n  pricing"},
    )
    events, _ = await validate(tracker)
    assert SlotSet("callback_note", "about pricing") in events
    skipped = make_tracker(
        text="skip",
        active_loop="handoff_form",
        requested_slot="callback_note",
        new_slots={"callback_note": "skip"},
    )
    events, _ = await validate(skipped)
    assert SlotSet("callback_note", "(no note)") in events


async def test_callback_is_created_and_the_visitor_told_when_to_expect_a_reply(
    demo_business: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sunday 29 November 2026, 15:00 in New York: the demo business is closed on Sundays.
    sunday = dt.datetime(2026, 11, 29, 15, 0, tzinfo=ZoneInfo("America/New_York"))
    monkeypatch.setattr(callbacks, "utcnow", lambda: sunday.astimezone(dt.UTC))
    tracker = make_tracker(
        text="question about pricing",
        slots={"callback_contact": "phone:+12125550142", "callback_note": "pricing for 10"},
        sender_id="visitor-42",
    )
    dispatcher = CollectingDispatcher()
    events = await ActionCreateCallback().run(dispatcher, tracker, bot_domain())
    (created,) = callbacks.list_callbacks(session=demo_business, status="open")
    assert (created.sender_id, created.contact, created.note, created.reason) == (
        "visitor-42",
        "+12125550142",
        "pricing for 10",
        "asked",
    )
    assert [m["text"] for m in dispatcher.messages] == [
        f"Thanks — I've passed this to our team (request #{created.id}); they'll call you at "
        "+12125550142. We're closed right now; we'll get back to you tomorrow after 9am."
    ]
    assert SlotSet("last_outcome", "handed_off") in events
    assert SlotSet("callback_contact", None) in events
    assert created.created_at <= utcnow()


async def test_after_repeated_failures_the_reason_says_so(demo_business: Session) -> None:
    tracker = make_tracker(
        slots={"callback_contact": "email:a@example.com", "callback_note": "x", "unanswered": 2}
    )
    await ActionCreateCallback().run(CollectingDispatcher(), tracker, bot_domain())
    (created,) = callbacks.list_callbacks(session=demo_business)
    assert created.reason == "repeated_failures"
