"""The widget's conversation rules: reply order, empty answers, outages and retry, history."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Attachment
from app.models.citation import Citation
from app.services.rasa_client import BotMessage, QuickReply, TranscriptEntry
from app.state.widget import NO_ANSWER_TEXT, ChatMessage, WidgetState, bot_message_from

HOURS = Citation(title="Hours and contact", url="http://localhost:3000/demo-site/hours.html")


@pytest.fixture
def state() -> WidgetState:
    widget = WidgetState(_reflex_internal_init=True)
    widget._sender_id = "visitor-1"
    widget._greeting = "Hi there!"
    widget._contact_line = "call us at +1 (555) 010-4242"
    widget._timezone = "America/New_York"
    return widget


def visitor(message_id: str, text: str, status: str = "") -> ChatMessage:
    return ChatMessage(id=message_id, role="visitor", text=text, payload=text, status=status)


def transcript(state: WidgetState) -> list[tuple[str, str, str]]:
    return [(m.role, m.text, m.status) for m in state.messages]


def test_replies_go_right_after_the_message_they_answer(state: WidgetState) -> None:
    state.messages = [
        visitor("q1", "hours?", "sending"),
        visitor("q2", "prices?", "queued"),
    ]

    added = state._add_replies("visitor-1", "q1", [BotMessage(text="9 to 6"), BotMessage(text="!")])

    assert added == 2
    assert transcript(state) == [
        ("visitor", "hours?", ""),
        ("bot", "9 to 6", ""),
        ("bot", "!", ""),
        ("visitor", "prices?", "queued"),
    ]


def test_an_empty_reply_becomes_a_gentle_message_with_the_contact(state: WidgetState) -> None:
    state.messages = [visitor("q1", "hello", "sending")]

    state._add_replies("visitor-1", "q1", [])

    assert state.messages[-1].role == "bot"
    assert state.messages[-1].text == (
        f"{NO_ANSWER_TEXT} You can also call us at +1 (555) 010-4242."
    )


def test_replies_for_a_conversation_the_visitor_left_are_dropped(state: WidgetState) -> None:
    state.messages = [visitor("q1", "hello", "sending")]

    assert state._add_replies("someone-else", "q1", [BotMessage(text="hi")]) == 0
    assert transcript(state) == [("visitor", "hello", "sending")]


def test_an_outage_keeps_every_undelivered_message_and_retry_requeues_them(
    state: WidgetState,
) -> None:
    state.messages = [
        visitor("q0", "done"),
        visitor("q1", "first", "sending"),
        visitor("q2", "second", "queued"),
    ]

    state._mark_unreachable()

    assert state.bot_unreachable
    assert transcript(state) == [
        ("visitor", "done", ""),
        ("visitor", "first", "failed"),
        ("visitor", "second", "failed"),
    ]
    state._requeue_failed()
    assert not state.bot_unreachable
    assert [m.status for m in state.messages] == ["", "queued", "queued"]


def test_a_button_click_shows_the_title_and_sends_the_payload(state: WidgetState) -> None:
    state.messages = []

    state._queue("Consultation ($50)", '/inform{"service_type":"consultation"}')

    (message,) = state.messages
    assert (message.text, message.payload, message.status) == (
        "Consultation ($50)",
        '/inform{"service_type":"consultation"}',
        "sending",
    )
    assert state.typing


def test_a_message_sent_while_another_is_answered_waits_its_turn(state: WidgetState) -> None:
    state.messages = [visitor("q1", "hours?", "sending")]

    state._queue("prices?", "prices?")

    assert transcript(state) == [("visitor", "hours?", "sending"), ("visitor", "prices?", "queued")]
    # Once the first is answered, the next to go is the waiting one, in order.
    state._add_replies("visitor-1", "q1", [BotMessage(text="9 to 6")])
    following = state._next_to_send()
    assert following is not None and following.text == "prices?"
    assert transcript(state)[-1] == ("visitor", "prices?", "sending")


def test_after_an_outage_a_new_message_goes_after_the_ones_that_failed(
    state: WidgetState,
) -> None:
    state.messages = [visitor("q1", "first", "failed")]
    state.bot_unreachable = True

    state._queue("second", "second")

    assert transcript(state) == [("visitor", "first", "queued"), ("visitor", "second", "queued")]
    assert state._next_to_send().text == "first"


def test_quick_replies_are_the_last_bot_messages_buttons_only(state: WidgetState) -> None:
    offer = bot_message_from(
        BotMessage(text="Which service?", buttons=[QuickReply(title="Demo", payload="/demo")]), ""
    )
    state.messages = [offer]
    assert [b.title for b in state.quick_replies] == ["Demo"]

    state.messages = [offer, visitor("q1", "Demo", "sending")]
    assert state.quick_replies == []


def test_alternative_slots_stay_offered_when_the_bot_asks_again_after_them(
    state: WidgetState,
) -> None:
    taken = BotMessage(
        text="Sorry, 2pm has just been taken. The nearest free times are:",
        buttons=[QuickReply(title="1pm", payload="1pm"), QuickReply(title="3pm", payload="3pm")],
    )
    state.messages = [
        visitor("q1", "yes"),
        bot_message_from(taken, ""),
        bot_message_from(BotMessage(text="What time on Monday?"), ""),
    ]

    assert [b.title for b in state.quick_replies] == ["1pm", "3pm"]


def test_a_cited_answer_keeps_its_text_and_carries_its_sources_as_links() -> None:
    message = bot_message_from(BotMessage(text="We open at 9.", sources=[HOURS]), "9:00 AM")

    assert message.text == "We open at 9."
    assert [(s.title, s.url) for s in message.sources] == [(HOURS.title, HOURS.url)]


def test_history_merges_uploads_in_time_order_in_the_visitors_timezone(
    state: WidgetState,
) -> None:
    start = dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC)
    entries = [
        TranscriptEntry(role="visitor", text="Here is my receipt", sent_at=start),
        TranscriptEntry(
            role="bot", text="Thanks", sent_at=start + dt.timedelta(minutes=2), sources=[HOURS]
        ),
    ]
    upload = Attachment(
        sender_id="visitor-1",
        filename="receipt.png",
        content_type="image/png",
        size_bytes=10,
        stored_path="/tmp/x.png",
        created_at=start + dt.timedelta(minutes=1),
    )

    lines = state._transcript(entries, [upload])

    assert [(m.role, m.text, m.time) for m in lines] == [
        ("visitor", "Here is my receipt", "10:00 AM"),
        ("visitor", "receipt.png", "10:01 AM"),
        ("bot", "Thanks", "10:02 AM"),
    ]
    assert lines[1].attachment_kind == "image"
    assert lines[2].sources[0].url == HOURS.url


def test_a_flood_of_messages_is_slowed_down_politely(
    state: WidgetState, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.rate_limit import reset_rate_limits
    from app.core.settings import reset_settings_cache

    monkeypatch.setenv("WIDGET_RATE_LIMIT", "2/minute")
    reset_settings_cache()
    reset_rate_limits()
    state._sender_id = "flooding-visitor"
    state.messages = []

    for text in ("one", "two", "three"):
        state._queue(text, text)

    assert [(m.role, m.text) for m in state.messages[:2]] == [
        ("visitor", "one"),
        ("visitor", "two"),
    ]
    assert state.messages[2].role == "notice"
    assert state.messages[2].text.startswith("You're sending messages very quickly.")
    reset_rate_limits()
