"""Create, cancel and reschedule after a confirmed form: what the visitor is told, what is kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session, select

from actions import common
from actions.submit import (
    ActionCancelBooking,
    ActionCreateBooking,
    ActionCreateMeeting,
    ActionRescheduleBooking,
)
from app.core import db
from app.models import Booking, BookingPublic
from app.services.booking_client import BookingApiUnavailable, SlotTaken
from app.services.seed import seed_demo_business
from tests.support.actions import bot_domain, make_tracker

NEW_YORK = ZoneInfo("America/New_York")
KEY = "6f1c2b1e-0000-4000-8000-000000000001"
CONFIRMED = {
    "service_type": "consultation",
    "date": "2026-11-30",
    "time": "14:00",
    "name": "Jane Smith",
    "email": "jane@example.com",
    "phone": common.SKIPPED,
    "confirmation": "yes",
    "idempotency_key": KEY,
}


def record(reference: str = "BK-2026-0042", hour: int = 14, **extra) -> BookingPublic:
    return BookingPublic(
        reference=reference,
        kind="booking",
        status="confirmed",
        start=dt.datetime(2026, 11, 30, hour, 0, tzinfo=NEW_YORK),
        end=dt.datetime(2026, 11, 30, hour + 1, 0, tzinfo=NEW_YORK),
        service_id="consultation",
        service_name="Consultation",
        duration_minutes=60,
        **extra,
    )


class FakeBookingApi:
    """Records each call; answers with `result` (a record) or raises it (an error)."""

    def __init__(self, result: BookingPublic | Exception) -> None:
        self.result = result
        self.calls: list[tuple[str, dict]] = []

    def __getattr__(self, method: str):
        async def call(*args, **kwargs):
            self.calls.append((method, kwargs or dict(enumerate(args))))
            if isinstance(self.result, Exception):
                raise self.result
            return self.result

        return call


@pytest.fixture
def demo_business(sqlite_db: str) -> Iterator[None]:
    with Session(db.get_engine()) as session:
        seed_demo_business(session=session)
    yield


def booking_api(monkeypatch: pytest.MonkeyPatch, result) -> FakeBookingApi:
    api = FakeBookingApi(result)
    monkeypatch.setattr(common, "booking_client", lambda: api)
    return api


async def run(action, slots: dict, sender_id: str = "visitor-1") -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="/affirm", intent="affirm", slots=slots, sender_id=sender_id)
    events = await action.run(dispatcher, tracker, bot_domain())
    return events, dispatcher.messages


async def test_confirmed_booking_gets_a_reference_and_email_notice(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = booking_api(monkeypatch, record())
    events, messages = await run(ActionCreateBooking(), CONFIRMED)
    assert api.calls == [
        (
            "create_booking",
            {
                "service_id": "consultation",
                "start": dt.datetime(2026, 11, 30, 14, 0, tzinfo=NEW_YORK),
                "name": "Jane Smith",
                "email": "jane@example.com",
                "phone": None,  # skipped by the visitor
                "conversation_id": "visitor-1",
                "idempotency_key": KEY,
            },
        )
    ]
    assert messages[0]["text"] == (
        "You're booked! Your reference is BK-2026-0042: Consultation on Monday 30 November at "
        "2pm. You'll get a confirmation email at jane@example.com with a calendar invite."
    )
    assert messages[0]["custom"] == {"booking_reference": "BK-2026-0042"}
    answered = make_tracker(text="/affirm", intent="affirm", slots=CONFIRMED)
    assert events == [*common.reset_form_slots(answered), SlotSet("last_outcome", "booked")]
    assert SlotSet("email", None) in events  # the next task starts clean


async def test_a_retried_action_sends_the_same_idempotency_key(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = booking_api(monkeypatch, record())
    await run(ActionCreateBooking(), CONFIRMED)
    await run(ActionCreateBooking(), CONFIRMED)
    assert [kwargs["idempotency_key"] for _, kwargs in api.calls] == [KEY, KEY]


async def test_nothing_is_booked_without_a_yes(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = booking_api(monkeypatch, record())
    events, messages = await run(ActionCreateBooking(), {**CONFIRMED, "confirmation": None})
    assert (events, messages, api.calls) == ([], [], [])


async def test_taken_slot_offers_alternatives_and_asks_the_time_again(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    alternatives = [
        dt.datetime(2026, 11, 30, 20, 0, tzinfo=dt.UTC),  # 3pm in New York
        dt.datetime(2026, 12, 1, 14, 0, tzinfo=NEW_YORK),
    ]
    booking_api(monkeypatch, SlotTaken(alternatives))
    events, messages = await run(ActionCreateBooking(), CONFIRMED)
    assert messages[0]["text"] == (
        "Sorry, Monday 30 November at 2pm has just been taken. The nearest free times are:"
    )
    assert messages[0]["buttons"] == [
        {"title": "Monday 30 November at 3pm", "payload": "Monday 30 November at 3pm"},
        {"title": "Tuesday 1 December at 2pm", "payload": "Tuesday 1 December at 2pm"},
    ]
    assert events == [
        SlotSet("time", None),
        SlotSet("confirmation", None),
        SlotSet("idempotency_key", None),
        FollowupAction("booking_form"),
    ]


async def test_unreachable_api_keeps_the_request_for_staff(
    seeded: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    booking_api(monkeypatch, BookingApiUnavailable("timeout"))
    events, messages = await run(ActionCreateBooking(), CONFIRMED, sender_id="visitor-9")
    pending = seeded.exec(select(Booking).where(Booking.conversation_id == "visitor-9")).one()
    assert pending.status == "pending"
    assert pending.service_id == "consultation"
    assert messages[0]["text"] == (
        "Sorry — our booking system isn't answering right now, so nothing is confirmed yet. "
        f"I've passed your request to our team (reference {pending.reference}) and they'll get "
        "back to you to confirm. You can call us at +1 (555) 010-4242 or email "
        "hello@brightpath.example."
    )
    # Every answer is kept: only the outcome is recorded.
    assert events == [SlotSet("last_outcome", "pending")]


async def test_meeting_is_scheduled(demo_business: None, monkeypatch: pytest.MonkeyPatch) -> None:
    api = booking_api(monkeypatch, record("MT-2026-0007"))
    slots = {**CONFIRMED, "service_type": None, "topic": "Website redesign", "duration": "30"}
    events, messages = await run(ActionCreateMeeting(), slots)
    assert api.calls[0][0] == "create_meeting"
    assert api.calls[0][1]["topic"] == "Website redesign"
    assert api.calls[0][1]["duration_minutes"] == 30
    assert messages[0]["text"].startswith("Your meeting is scheduled! Reference MT-2026-0007:")
    assert events[-1] == SlotSet("last_outcome", "meeting_booked")


async def test_cancel_by_reference_and_email(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = booking_api(monkeypatch, record())
    slots = {
        "booking_reference": "BK-2026-0042",
        "email": "jane@example.com",
        "confirmation": "yes",
    }
    events, messages = await run(ActionCancelBooking(), slots)
    assert api.calls == [
        ("cancel_booking", {"reference": "BK-2026-0042", "email": "jane@example.com"})
    ]
    assert messages[0]["text"] == (
        "Done — booking BK-2026-0042 on Monday 30 November at 2pm is cancelled. "
        "You'll get an email confirming it."
    )
    assert events[-1] == SlotSet("last_outcome", "cancelled")


async def test_reschedule_moves_the_booking(
    demo_business: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = booking_api(monkeypatch, record(hour=16))
    slots = {
        "booking_reference": "BK-2026-0042",
        "email": "jane@example.com",
        "date": "2026-11-30",
        "time": "16:00",
        "confirmation": "yes",
        "idempotency_key": KEY,
    }
    events, messages = await run(ActionRescheduleBooking(), slots)
    assert api.calls[0][1]["start"] == dt.datetime(2026, 11, 30, 16, 0, tzinfo=NEW_YORK)
    assert api.calls[0][1]["idempotency_key"] == KEY
    assert messages[0]["text"] == (
        "Done — booking BK-2026-0042 is now on Monday 30 November at 4pm. "
        "You'll get an updated calendar invite by email."
    )
    assert events[-1] == SlotSet("last_outcome", "rescheduled")
