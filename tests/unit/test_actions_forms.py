"""Form validation actions: config-driven questions, re-prompts, three tries, corrections."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions import common
from actions.forms.ask import ActionAskConfirmation, ActionAskPhone, ActionAskServiceType
from actions.forms.base import ASKED_SLOT
from actions.forms.booking import ValidateBookingForm
from actions.forms.lookup import ValidateCancelForm
from actions.forms.meeting import ValidateMeetingForm
from actions.parsing import BusinessClock
from app.models import BookingPublic, TaskConfigUpdate
from app.services.booking_client import BookingNotFound
from app.services.config import get_task_config, save_task_config
from tests.support.actions import bot_domain, make_tracker

NEW_YORK = ZoneInfo("America/New_York")
# Wednesday 25 November 2026, 10:00 in New York; Thursday the 26th is a blocked holiday.
CLOCK = BusinessClock("America/New_York", dt.datetime(2026, 11, 25, 10, 0, tzinfo=NEW_YORK))
ALL_ANSWERS = {
    "service_type": "consultation",
    "date": "2026-11-30",
    "time": "14:00",
    "name": "Jane Smith",
    "email": "jane@example.com",
    "phone": "+12125550142",
}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "business_clock", lambda settings: CLOCK)


def update_task(session: Session, name: str, **changes) -> None:
    current = get_task_config(name)
    data = current.model_dump(exclude={"name", "kind", "updated_at"}) | changes
    save_task_config(session=session, name=name, config_in=TaskConfigUpdate(**data))


async def validate(action, tracker) -> tuple[list[dict], list[str]]:
    """The validation's events, and what it said before the next question (`asked` has that)."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, bot_domain())
    events_by_tracker[id(events)] = tracker
    messages = [m["text"] for m in dispatcher.messages]
    if any(e["event"] == "slot" and e["name"] == ASKED_SLOT for e in events):
        asked_by_events[id(events)] = messages.pop()
    return events, messages


asked_by_events: dict[int, str] = {}


def asked(events: list[dict]) -> str | None:
    """The question the validation asked itself (one that depends on the task config)."""
    return asked_by_events.get(id(events))


events_by_tracker: dict[int, object] = {}


def asked_next(events: list[dict]) -> str | None:
    """The slot the form asks next, as Rasa decides it from these events (None: form done)."""
    tracker = events_by_tracker[id(events)]
    explicit = [e for e in events if e["event"] == "slot" and e["name"] == "requested_slot"]
    if explicit:
        return explicit[-1]["value"]
    slots = dict(tracker.slots)
    slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot"})
    order = bot_domain()["forms"][tracker.active_loop["name"]]["required_slots"]
    return next((slot for slot in order if slots.get(slot) is None), None)


def booking_turn(slot: str, text: str, *, slots: dict | None = None, intent: str = "inform"):
    return make_tracker(
        text=text,
        intent=intent,
        slots=slots or {},
        active_loop="booking_form",
        requested_slot=slot,
        new_slots={slot: text},
    )


async def test_required_slots_follow_the_task_config_on_every_turn(seeded: Session) -> None:
    form = ValidateBookingForm()
    domain_slots = form.domain_slots(bot_domain())
    tracker = make_tracker(active_loop="booking_form")
    asked = await form.required_slots(domain_slots, CollectingDispatcher(), tracker, bot_domain())
    assert asked == ["service_type", "date", "time", "name", "email", "phone", "confirmation"]

    update_task(
        seeded,
        "book_service",
        required_fields=["service_type", "date", "time", "name", "email"],
        optional_fields=[],
    )
    asked = await form.required_slots(domain_slots, CollectingDispatcher(), tracker, bot_domain())
    assert asked == ["service_type", "date", "time", "name", "email", "confirmation"]


async def test_without_phone_in_config_the_form_goes_from_email_to_the_summary(
    seeded: Session,
) -> None:
    update_task(
        seeded,
        "book_service",
        required_fields=["service_type", "date", "time", "name", "email"],
        optional_fields=[],
    )
    answers = {k: v for k, v in ALL_ANSWERS.items() if k not in ("email", "phone")}
    events, messages = await validate(
        ValidateBookingForm(), booking_turn("email", "jane@example.com", slots=answers)
    )
    assert messages == []
    assert SlotSet("email", "jane@example.com") in events
    assert asked_next(events) == "confirmation"
    assert asked(events).startswith("Here's what I have:\n• Consultation ($50, 60 min)\n")


async def test_optional_phone_accepts_skip(seeded: Session) -> None:
    update_task(
        seeded,
        "book_service",
        required_fields=["service_type", "date", "time", "name", "email"],
        optional_fields=["phone"],
    )
    answers = {k: v for k, v in ALL_ANSWERS.items() if k != "phone"}
    events, messages = await validate(
        ValidateBookingForm(), booking_turn("phone", "skip", slots=answers)
    )
    assert messages == []
    assert SlotSet("phone", common.SKIPPED) in events


async def test_required_phone_refuses_skip(seeded: Session) -> None:
    events, messages = await validate(ValidateBookingForm(), booking_turn("phone", "skip"))
    assert messages == [
        "That doesn't look like a phone number — could you type it with the area code?"
    ]
    assert SlotSet("phone", None) in events


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("Sunday", "We're closed on Sundays — could you pick another day?"),
        ("tomorrow", "Sorry, we're closed on Thursday 26 November — could you pick another day?"),
        (
            "next blursday",
            "Sorry, I couldn't read that as a date — try something like 'next Monday', 'tomorrow' or '15 January'.",
        ),
    ],
)
async def test_invalid_date_is_reprompted_with_the_reason(
    seeded: Session, answer: str, message: str
) -> None:
    events, messages = await validate(ValidateBookingForm(), booking_turn("date", answer))
    assert messages == [message]
    assert SlotSet("date", None) in events
    assert SlotSet("failed_tries", {"date": 1}) in events


async def test_a_valid_date_comes_back_with_the_time_question_and_that_days_hours(
    seeded: Session,
) -> None:
    events, messages = await validate(
        ValidateBookingForm(),
        booking_turn("date", "next Monday", slots={"service_type": "consultation"}),
    )
    assert messages == []
    assert asked(events) == "What time on Monday 30 November? We're open 9am–6pm that day."
    # The form's own ask is told it has been asked (one call to the action server, not two).
    assert SlotSet(ASKED_SLOT, "time") in events


async def test_a_question_the_config_does_not_shape_is_left_to_the_form(seeded: Session) -> None:
    events, messages = await validate(
        ValidateBookingForm(),
        booking_turn("time", "2pm", slots={"service_type": "consultation", "date": "2026-11-30"}),
    )
    assert (messages, asked(events)) == ([], None)  # "What name should I put it under?"
    assert asked_next(events) == "name"
    assert not [e for e in events if e["event"] == "slot" and e["name"] == ASKED_SLOT]


async def test_a_message_that_answers_nothing_mid_form_asks_nothing(seeded: Session) -> None:
    """A question in the middle of the form: Rasa rejects the form's turn so that the question
    can be answered; a question asked here, or the marker, would keep it from doing so."""
    tracker = make_tracker(
        text="do you have parking?",
        intent="ask_question",
        slots={"service_type": "consultation", "date": "2026-11-30"},
        active_loop="booking_form",
        requested_slot="time",
    )
    events, messages = await validate(ValidateBookingForm(), tracker)
    assert (messages, asked(events)) == ([], None)
    assert [e for e in events if e["event"] == "slot" and e["name"] != "requested_slot"] == []


async def test_the_first_question_of_a_form_is_asked_with_its_start(seeded: Session) -> None:
    tracker = make_tracker(text="I'd like to book", intent="book_service", active_loop=None)
    events, _ = await validate(ValidateBookingForm(), tracker)
    assert asked(events) == "Which service would you like?"
    assert SlotSet(ASKED_SLOT, "service_type") in events


async def test_valid_date_is_stored_as_iso(seeded: Session) -> None:
    events, messages = await validate(ValidateBookingForm(), booking_turn("date", "next Monday"))
    assert messages == []
    assert SlotSet("date", "2026-11-30") in events


async def test_time_outside_hours_names_the_hours_and_the_service_length(seeded: Session) -> None:
    slots = {"service_type": "consultation", "date": "2026-11-28"}  # a Saturday, 10am-4pm
    events, messages = await validate(
        ValidateBookingForm(), booking_turn("time", "4pm", slots=slots)
    )
    assert messages == [
        "On Saturdays we're open 10am–4pm, and an appointment takes 60 minutes — "
        "could you pick a time between 10am and 3pm?"
    ]
    assert SlotSet("time", None) in events


async def test_half_past_two_is_accepted(seeded: Session) -> None:
    slots = {"service_type": "demo", "date": "2026-11-30"}
    events, messages = await validate(
        ValidateBookingForm(), booking_turn("time", "half past two", slots=slots)
    )
    assert messages == []
    assert SlotSet("time", "14:30") in events


async def test_third_failed_try_offers_a_person_and_leaves_the_form(seeded: Session) -> None:
    tracker = booking_turn("email", "no idea", slots={"failed_tries": {"email": 2}})
    events, messages = await validate(ValidateBookingForm(), tracker)
    assert messages == [
        "Sorry, I'm not getting this right. Our team will be happy to help: You can call us at "
        "+1 (555) 010-4242 or email hello@brightpath.example."
    ]
    assert SlotSet("last_outcome", "handed_off") in events
    assert events[-2:] == [SlotSet("requested_slot", None), ActiveLoop(None)]


async def test_a_good_answer_clears_that_slots_failed_tries(seeded: Session) -> None:
    tracker = booking_turn("email", "jane@example.com", slots={"failed_tries": {"email": 2}})
    events, _ = await validate(ValidateBookingForm(), tracker)
    assert SlotSet("failed_tries", None) in events


async def test_yes_at_the_summary_makes_one_idempotency_key(seeded: Session) -> None:
    tracker = make_tracker(
        text="/affirm",
        intent="affirm",
        slots=ALL_ANSWERS,
        active_loop="booking_form",
        requested_slot="confirmation",
        new_slots={"confirmation": "yes"},
    )
    events, messages = await validate(ValidateBookingForm(), tracker)
    keys = [e["value"] for e in events if e["event"] == "slot" and e["name"] == "idempotency_key"]
    assert messages == []
    assert len(keys) == 1 and len(keys[0]) == 36
    assert asked_next(events) is None


async def test_no_at_the_summary_leaves_without_booking(seeded: Session) -> None:
    tracker = make_tracker(
        text="/deny",
        intent="deny",
        slots=ALL_ANSWERS,
        active_loop="booking_form",
        requested_slot="confirmation",
        new_slots={"confirmation": "no"},
    )
    events, messages = await validate(ValidateBookingForm(), tracker)
    assert messages == [
        "No problem — I haven't booked or changed anything. Is there anything else I can help with?"
    ]
    assert events[-1] == ActiveLoop(None)


def correction(text: str) -> object:
    return make_tracker(
        text=text,
        intent="change_answer",
        slots=ALL_ANSWERS,
        active_loop="booking_form",
        requested_slot="confirmation",
        new_slots={"confirmation": text},
    )


async def test_make_it_3pm_instead_changes_the_time_and_asks_again(seeded: Session) -> None:
    events, messages = await validate(ValidateBookingForm(), correction("make it 3pm instead"))
    assert messages == []
    assert SlotSet("time", "15:00") in events
    assert SlotSet("confirmation", None) in events
    assert asked_next(events) == "confirmation"


async def test_change_the_date_asks_for_the_date_again(seeded: Session) -> None:
    events, messages = await validate(ValidateBookingForm(), correction("change the date"))
    assert messages == []
    assert SlotSet("date", None) in events
    assert asked_next(events) == "date"


async def test_correction_to_a_closed_day_says_why_and_asks_the_date(seeded: Session) -> None:
    events, messages = await validate(ValidateBookingForm(), correction("make it Sunday instead"))
    assert messages == ["We're closed on Sundays — could you pick another day?"]
    assert asked_next(events) == "date"


async def test_new_date_that_closes_earlier_asks_the_time_again(seeded: Session) -> None:
    slots = {**ALL_ANSWERS, "time": "17:00"}
    tracker = make_tracker(
        text="make it Saturday",
        intent="change_answer",
        slots=slots,
        active_loop="booking_form",
        requested_slot="confirmation",
        new_slots={"confirmation": "make it Saturday"},
    )
    events, messages = await validate(ValidateBookingForm(), tracker)
    assert SlotSet("date", "2026-11-28") in events
    assert SlotSet("time", None) in events
    assert messages[0].startswith("5pm doesn't work any more: On Saturdays we're open 10am–4pm")


async def test_a_correction_while_another_question_is_open_changes_that_answer(
    seeded: Session,
) -> None:
    slots = {k: ALL_ANSWERS[k] for k in ("service_type", "date", "time", "name")}
    tracker = booking_turn(
        "email", "actually change the date to Tuesday", slots=slots, intent="change_answer"
    )
    events, messages = await validate(ValidateBookingForm(), tracker)
    assert messages == []
    assert SlotSet("date", "2026-12-01") in events
    assert asked_next(events) == "email"


async def test_meeting_length_must_be_one_the_config_offers(seeded: Session) -> None:
    tracker = make_tracker(
        text="45 minutes",
        active_loop="meeting_form",
        requested_slot="duration",
        new_slots={"duration": "45 minutes"},
    )
    events, messages = await validate(ValidateMeetingForm(), tracker)
    assert messages == ["Meetings can be 15, 30 or 60 minutes long — which would suit you?"]
    assert SlotSet("duration", None) in events


LATE_MONDAY = {"date": "2026-11-30", "time": "17:30"}  # open 9am-6pm


def longer_service_turn():
    return booking_turn("service_type", "the consultation", slots=LATE_MONDAY)


def longer_meeting_turn():
    return make_tracker(
        text="1 hour",
        active_loop="meeting_form",
        requested_slot="duration",
        slots={"topic": "pricing", **LATE_MONDAY},
        new_slots={"duration": "1 hour"},
    )


async def test_a_longer_service_than_the_chosen_time_allows_asks_the_time_again(
    seeded: Session,
) -> None:
    events, messages = await validate(ValidateBookingForm(), longer_service_turn())
    assert SlotSet("service_type", "consultation") in events
    assert SlotSet("time", None) in events
    assert messages == [
        "5:30pm doesn't work any more: On Mondays we're open 9am–6pm, and an appointment "
        "takes 60 minutes — could you pick a time between 9am and 5pm?"
    ]


async def test_a_longer_meeting_than_the_chosen_time_allows_asks_the_time_again(
    seeded: Session,
) -> None:
    events, messages = await validate(ValidateMeetingForm(), longer_meeting_turn())
    assert SlotSet("duration", "60") in events
    assert SlotSet("time", None) in events
    assert messages == [
        "5:30pm doesn't work any more: On Mondays we're open 9am–6pm, and a meeting "
        "takes 60 minutes — could you pick a time between 9am and 5pm?"
    ]


@pytest.mark.parametrize(
    ("form", "turn", "slot", "value"),
    [
        (ValidateBookingForm(), longer_service_turn, "service_type", "the consultation"),
        (ValidateMeetingForm(), longer_meeting_turn, "duration", "1 hour"),
    ],
)
async def test_a_validator_leaves_the_tracker_slots_alone(
    seeded: Session, form, turn, slot: str, value: str
) -> None:
    tracker = turn()
    before = dict(tracker.slots)
    validator = getattr(form, f"validate_{slot}")
    await validator(value, CollectingDispatcher(), tracker, bot_domain())
    assert tracker.slots == before


class FakeLookup:
    def __init__(self, record: BookingPublic | None) -> None:
        self.record = record
        self.calls: list[tuple[str, str]] = []

    async def get_booking(self, reference: str, email: str) -> BookingPublic:
        self.calls.append((reference, email))
        if self.record is None or email != self.record.email:
            raise BookingNotFound(reference)
        return self.record


BOOKING = BookingPublic(
    reference="BK-2026-0042",
    kind="booking",
    status="confirmed",
    start=dt.datetime(2026, 11, 30, 14, 0, tzinfo=NEW_YORK),
    end=dt.datetime(2026, 11, 30, 15, 0, tzinfo=NEW_YORK),
    service_id="consultation",
    service_name="Consultation",
    duration_minutes=60,
    email="jane@example.com",
)


def cancel_email_turn(email: str):
    return make_tracker(
        text=email,
        slots={"booking_reference": "BK-2026-0042"},
        active_loop="cancel_form",
        requested_slot="email",
        new_slots={"email": email},
    )


async def test_wrong_email_for_the_reference_is_refused(
    seeded: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = FakeLookup(BOOKING)
    monkeypatch.setattr(common, "booking_client", lambda: client)
    events, messages = await validate(ValidateCancelForm(), cancel_email_turn("other@example.com"))
    assert client.calls == [("BK-2026-0042", "other@example.com")]
    assert messages == [
        "I couldn't find booking BK-2026-0042 with that email address — could you check it's "
        "the one you booked with?"
    ]
    assert SlotSet("email", None) in events


async def test_right_email_shows_the_booking(
    seeded: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "booking_client", lambda: FakeLookup(BOOKING))
    events, messages = await validate(ValidateCancelForm(), cancel_email_turn("jane@example.com"))
    assert messages == ["Found it — BK-2026-0042: Consultation on Monday 30 November at 2pm."]
    assert SlotSet("email", "jane@example.com") in events
    assert asked_next(events) == "confirmation"


async def test_services_are_offered_as_buttons_with_prices_only_when_enabled(
    seeded: Session,
) -> None:
    services = get_task_config("book_service").model_dump()["services"]
    for service in services:
        service["enabled"] = service["id"] != "demo"
    update_task(seeded, "book_service", services=services)
    dispatcher = CollectingDispatcher()
    await ActionAskServiceType().run(
        dispatcher, make_tracker(active_loop="booking_form"), bot_domain()
    )
    assert dispatcher.messages[0]["text"] == "Which service would you like?"
    assert dispatcher.messages[0]["buttons"] == [
        {
            "title": "Consultation — $50 (60 min)",
            "payload": '/inform{"service_type":"consultation"}',
        },
        {
            "title": "Support session — $150 (60 min)",
            "payload": '/inform{"service_type":"support"}',
        },
    ]


async def test_optional_phone_question_offers_skip(seeded: Session) -> None:
    dispatcher = CollectingDispatcher()
    await ActionAskPhone().run(dispatcher, make_tracker(active_loop="meeting_form"), bot_domain())
    assert dispatcher.messages[0]["buttons"] == [{"title": "Skip", "payload": "skip"}]
    assert "optional" in dispatcher.messages[0]["text"]


async def test_a_question_asked_outside_a_task_form_is_not_asked_for_a_booking(
    seeded: Session, caplog: pytest.LogCaptureFixture
) -> None:
    dispatcher = CollectingDispatcher()
    await ActionAskServiceType().run(dispatcher, make_tracker(active_loop=None), bot_domain())
    assert dispatcher.messages == []
    assert "ran outside a task form" in caplog.text


async def test_summary_lists_the_answers_with_yes_no_buttons(seeded: Session) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots=ALL_ANSWERS, active_loop="booking_form")
    await ActionAskConfirmation().run(dispatcher, tracker, bot_domain())
    message = dispatcher.messages[0]
    assert message["text"] == (
        "Here's what I have:\n"
        "• Consultation ($50, 60 min)\n"
        "• Monday 30 November at 2pm\n"
        "• Jane Smith, jane@example.com, +12125550142\n"
        "Shall I book it? (You can also change something, e.g. 'make it 3pm instead'.)"
    )
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny"]


def no_at_summary(text: str) -> object:
    return make_tracker(
        text=text,
        intent="deny",
        slots=ALL_ANSWERS,
        active_loop="booking_form",
        requested_slot="confirmation",
        new_slots={"confirmation": "no"},
    )


async def test_no_change_the_time_at_the_summary_asks_the_time_again(seeded: Session) -> None:
    events, messages = await validate(ValidateBookingForm(), no_at_summary("no, change the time"))
    assert messages == []
    assert SlotSet("time", None) in events
    assert asked_next(events) == "time"
    assert ActiveLoop(None) not in events


async def test_no_make_it_4pm_at_the_summary_changes_the_time(seeded: Session) -> None:
    events, _ = await validate(ValidateBookingForm(), no_at_summary("no, make it 4pm"))
    assert SlotSet("time", "16:00") in events
    assert asked_next(events) == "confirmation"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("actually, cancel", "cancel_booking"),
        ("cancel my booking", "cancel_booking"),
        ("ok never mind then", "inform"),
        ("forget it", "deny"),
        ("nvm", "nlu_fallback"),
    ],
)
async def test_any_phrasing_of_stop_leaves_the_form(seeded: Session, text, intent) -> None:
    tracker = booking_turn("date", text, intent=intent)
    dispatcher = CollectingDispatcher()
    events = await ValidateBookingForm().run(dispatcher, tracker, bot_domain())
    assert [m["response"] for m in dispatcher.messages] == ["utter_stopped"]
    assert events[-2:] == [SlotSet("requested_slot", None), ActiveLoop(None)]
    assert SlotSet("date", None) in events


async def test_cancel_it_at_the_cancel_forms_summary_is_not_a_stop(seeded: Session) -> None:
    from actions.forms.base import wants_to_stop

    tracker = make_tracker(text="yes cancel it", intent="cancel_booking", active_loop="cancel_form")
    assert not wants_to_stop(tracker, "cancel_form")
    assert not wants_to_stop(booking_turn("date", "next monday"), "booking_form")
