"""Starting a task (on or off in the dashboard), stopping it, asking for a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions import common
from actions.parsing import BusinessClock
from actions.tasks import ActionCheckTaskEnabled, ActionHumanHandoff, ActionStopTask
from app.core import db
from app.models import TaskConfigUpdate
from app.services.config import get_task_config, save_task_config
from app.services.seed import seed_demo_business
from tests.support.actions import bot_domain, make_tracker

# Wednesday 25 November 2026, 10:00 in New York.
CLOCK = BusinessClock(
    "America/New_York", dt.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("America/New_York"))
)
CONTACT = "You can call us at +1 (555) 010-4242 or email hello@brightpath.example."


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "business_clock", lambda settings: CLOCK)


@pytest.fixture
def demo_business(sqlite_db: str) -> Iterator[Session]:
    with Session(db.get_engine()) as session:
        seed_demo_business(session=session)
        yield session


def switch(session: Session, task: str, *, enabled: bool) -> None:
    current = get_task_config(task).model_dump(exclude={"name", "kind", "updated_at"})
    save_task_config(
        session=session, name=task, config_in=TaskConfigUpdate(**{**current, "enabled": enabled})
    )


async def run(action, tracker) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, bot_domain())
    return events, dispatcher.messages


async def test_enabled_task_starts_with_a_clean_form(demo_business: Session) -> None:
    tracker = make_tracker(text="book a demo", intent="book_service", slots={"date": "2026-11-30"})
    events, messages = await run(ActionCheckTaskEnabled(), tracker)
    assert messages == []
    assert events == [*common.reset_form_slots(tracker), SlotSet("task_enabled", True)]
    assert SlotSet("date", None) in events  # the earlier answer is cleared


async def test_service_named_in_the_request_is_kept(demo_business: Session) -> None:
    tracker = make_tracker(
        text="book a demo",
        intent="book_service",
        entities=[{"entity": "service_type", "value": "demo"}],
    )
    events, _ = await run(ActionCheckTaskEnabled(), tracker)
    assert events[-2:] == [SlotSet("service_type", "demo"), SlotSet("task_enabled", True)]


async def test_reference_in_a_cancel_request_is_kept(demo_business: Session) -> None:
    tracker = make_tracker(
        text="cancel BK-2026-0042",
        intent="cancel_booking",
        entities=[{"entity": "booking_reference", "value": "BK-2026-0042"}],
    )
    events, _ = await run(ActionCheckTaskEnabled(), tracker)
    assert events[-2:] == [
        SlotSet("booking_reference", "BK-2026-0042"),
        SlotSet("task_enabled", True),
    ]


@pytest.mark.parametrize(
    ("request_text", "prefilled"),
    [
        (
            "I'd like to book a consultation for next Monday at 2pm",
            [
                SlotSet("service_type", "consultation"),
                SlotSet("date", "2026-11-30"),
                SlotSet("time", "14:00"),
            ],
        ),
        ("book me in on the 3rd", [SlotSet("date", "2026-12-03")]),
        # A closed day keeps only the date, so the form explains why before asking again.
        (
            "book a consultation on Sunday at 2pm",
            [SlotSet("service_type", "consultation"), SlotSet("date", "2026-11-29")],
        ),
        ("I want to book an appointment", []),
    ],
)
async def test_answers_in_the_request_are_prefilled(
    demo_business: Session, request_text: str, prefilled: list[dict]
) -> None:
    entities = (
        [{"entity": "service_type", "value": "consultation"}]
        if "consultation" in request_text
        else []
    )
    tracker = make_tracker(text=request_text, intent="book_service", entities=entities)
    events, _ = await run(ActionCheckTaskEnabled(), tracker)
    assert events == [*common.reset_form_slots(tracker), *prefilled, SlotSet("task_enabled", True)]


@pytest.mark.parametrize(
    ("intent", "refusal"),
    [
        ("book_service", "Sorry, I can't take bookings in the chat at the moment."),
        ("schedule_meeting", "Sorry, I can't schedule meetings in the chat at the moment."),
        ("cancel_booking", "Sorry, I can't cancel bookings in the chat at the moment."),
    ],
)
async def test_disabled_task_is_refused_with_what_to_do_instead(
    demo_business: Session, intent: str, refusal: str
) -> None:
    switch(demo_business, intent, enabled=False)
    events, messages = await run(ActionCheckTaskEnabled(), make_tracker(intent=intent))
    assert [m["text"] for m in messages] == [f"{refusal} {CONTACT}"]
    assert events == [SlotSet("task_enabled", False), SlotSet("last_outcome", "refused")]


async def test_after_an_intent_that_names_no_task_nothing_is_started(
    demo_business: Session,
) -> None:
    tracker = make_tracker(text="hello there", intent="greet", slots={"date": "2026-11-30"})
    events, messages = await run(ActionCheckTaskEnabled(), tracker)
    assert (events, messages) == ([], [])


async def test_switching_a_task_back_on_takes_effect_on_the_next_message(
    demo_business: Session,
) -> None:
    switch(demo_business, "schedule_meeting", enabled=False)
    events, _ = await run(ActionCheckTaskEnabled(), make_tracker(intent="schedule_meeting"))
    assert SlotSet("task_enabled", False) in events
    switch(demo_business, "schedule_meeting", enabled=True)
    events, _ = await run(ActionCheckTaskEnabled(), make_tracker(intent="schedule_meeting"))
    assert events[-1] == SlotSet("task_enabled", True)


async def test_stop_leaves_the_form_politely(demo_business: Session) -> None:
    tracker = make_tracker(
        text="stop", intent="stop", active_loop="booking_form", requested_slot="email"
    )
    events, messages = await run(ActionStopTask(), tracker)
    assert [m["response"] for m in messages] == ["utter_stopped"]
    assert events == [
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        *common.reset_form_slots(tracker),
    ]


@pytest.mark.parametrize("name", ["Lee Widget", "Bob Stopford", "Ada Lovelace", "José Álvarez"])
async def test_a_name_read_as_stop_is_taken_as_the_name(demo_business: Session, name) -> None:
    """The classifier reads some names as `stop`; asked for a name, the form goes on."""
    tracker = make_tracker(
        text=name, intent="stop", active_loop="booking_form", requested_slot="name"
    )
    events, messages = await run(ActionStopTask(), tracker)
    assert messages == []
    assert events == [SlotSet("name", name), FollowupAction("booking_form")]


@pytest.mark.parametrize(
    "text", ["stop", "never mind", "I give up", "let me out", "not now", "Stop!", "no, cancel"]
)
async def test_leaving_words_still_stop_when_the_name_is_asked(demo_business: Session, text):
    tracker = make_tracker(
        text=text, intent="stop", active_loop="booking_form", requested_slot="name"
    )
    events, messages = await run(ActionStopTask(), tracker)
    assert [m["response"] for m in messages] == ["utter_stopped"]
    assert events[0] == ActiveLoop(None)


async def test_asking_for_a_person_leaves_the_form_and_clears_its_answers(
    demo_business: Session,
) -> None:
    tracker = make_tracker(
        text="talk to a person", intent="human_handoff", active_loop="cancel_form"
    )
    events, messages = await run(ActionHumanHandoff(), tracker)
    assert [m["text"] for m in messages] == [
        "Of course — I've stopped there (nothing was booked or changed), and I'll ask "
        "someone from our team to get back to you."
    ]
    assert events == [
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        *common.reset_form_slots(tracker),
        SlotSet("callback_contact", None),
        SlotSet("callback_note", None),
    ]


async def test_asking_for_a_person_outside_a_form(demo_business: Session) -> None:
    tracker = make_tracker(text="can I talk to a human", intent="human_handoff")
    events, messages = await run(ActionHumanHandoff(), tracker)
    assert [m["text"] for m in messages] == [
        "Of course — I'll ask someone from our team to get back to you."
    ]
    assert events == [SlotSet("callback_contact", None), SlotSet("callback_note", None)]


async def test_a_policy_question_read_as_a_task_is_answered_not_started(
    demo_business: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.models.citation import Citation
    from app.services import knowledge
    from app.services.knowledge import Answer

    policy = Citation(title="Cancellation policy", url="http://brightpath.example/policy")
    monkeypatch.setattr(
        knowledge,
        "answer_question",
        lambda question, *, info_type=None, threshold=None: Answer(
            text="Cancel up to 24 hours before at no charge.", sources=[policy]
        ),
    )
    tracker = make_tracker(
        text="is there a charge to move my booking?", intent="reschedule_booking"
    )
    events, messages = await run(ActionCheckTaskEnabled(), tracker)
    assert messages[0]["text"].startswith("Cancel up to 24 hours before at no charge.")
    assert messages[1]["buttons"] == [
        {"title": "Reschedule a booking", "payload": "/reschedule_booking"}
    ]
    assert events[-1] == SlotSet("task_enabled", False)
    assert SlotSet("last_outcome", "answered") in events


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("can I cancel over email?", True),
        ("do you charge for no-shows?", True),
        ("how much notice do you need before I cancel?", True),
        ("can I reschedule a booking more than once?", True),
        ("can I move my appointment twice?", True),
        # how often the visitor wants the service is a request, not a policy question
        ("can my daughter have swimming lessons twice a week?", False),
        ("what happens if I cancel on the day?", True),
        ("can I still move my slot once it's booked?", True),
        ("is it ok to move my booking a third time?", True),
        ("what if i have to cancel at short notice?", True),
        ("can we do another time?", False),
        ("do I still have to pay if I cancel the day before?", True),
        ("can I book two sessions at once?", True),
        ("will my booking be cancelled if I'm late?", True),
        ("how many hours ahead must a cancellation be made?", True),
        ("can I still swap the day after it's been confirmed?", True),
        ("is it possible to reserve without setting up an account?", True),
        ("how many days do you have free next week?", False),
        ("can I book an online session on Monday at 10?", False),
        ("could I cancel tomorrow's session over email?", False),
        ("can I book a consultation on Monday?", False),
        ("please cancel my booking, is that ok?", False),
        ("I need to move my appointment to Friday", False),
        ("/book_service", False),
    ],
)
def test_policy_questions_are_told_from_requests(text: str, question: bool) -> None:
    from actions.questions import is_policy_question

    assert is_policy_question(text) is question
