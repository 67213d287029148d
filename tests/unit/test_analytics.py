"""Analytics from Rasa's event stream: a real `events` table (as Rasa's SQL event broker writes
it) is materialised into conversations and turns, then summarised, listed and transcribed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine
from sqlmodel import Session, SQLModel, select

from app.core.db import get_engine
from app.core.settings import get_settings
from app.models import Conversation, ConversationTurn, Role
from app.services.analytics import reports, sync

DAY = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)  # 10:00 in New York
ZONE = "America/New_York"


class RasaEvents:
    """Writes events exactly as rasa 3.6's SQLEventBroker does (id, sender_id, data JSON)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        metadata = MetaData()
        self.table = Table(
            "events",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("sender_id", String(255)),
            Column("data", Text),
        )
        metadata.create_all(self.engine)

    def add(self, sender_id: str, event: dict) -> None:
        body = {"sender_id": sender_id, **event}
        with self.engine.begin() as connection:
            connection.execute(
                self.table.insert().values(sender_id=sender_id, data=json.dumps(body))
            )

    def user(self, sender, at, text, intent, confidence):
        self.add(sender, {"event": "action", "timestamp": at - 0.01, "name": "action_listen"})
        self.add(
            sender,
            {
                "event": "user",
                "timestamp": at,
                "metadata": {},
                "text": text,
                "parse_data": {
                    "intent": {"name": intent, "confidence": confidence},
                    "entities": [],
                    "text": text,
                    "intent_ranking": [{"name": intent, "confidence": confidence}],
                },
                "input_channel": "rest",
                "message_id": f"m{at}",
            },
        )

    def bot(self, sender, at, text, sources=None):
        data = {"elements": None, "quick_replies": None, "buttons": None, "attachment": None}
        data |= {"image": None, "custom": {"sources": sources} if sources else None}
        self.add(
            sender,
            {"event": "bot", "timestamp": at, "metadata": {}, "text": text, "data": data},
        )

    def slot(self, sender, at, name, value):
        self.add(sender, {"event": "slot", "timestamp": at, "name": name, "value": value})

    def loop(self, sender, at, name):
        self.add(sender, {"event": "active_loop", "timestamp": at, "name": name})


@pytest.fixture
def events(session, isolated_env, monkeypatch) -> RasaEvents:
    monkeypatch.setenv("RASA_EVENTS_URL", f"sqlite:///{isolated_env / 'rasa_events.db'}")
    get_settings.cache_clear()
    # The watermark table is new in this change; create_all adds only what the migration lacks.
    SQLModel.metadata.create_all(get_engine())
    return RasaEvents(get_settings().rasa_events_url)


def _t(hours: float = 0, seconds: float = 0) -> float:
    return (DAY + dt.timedelta(hours=hours, seconds=seconds)).timestamp()


HOURS_SOURCE = [{"title": "Opening hours", "url": "https://brightpath.example/hours"}]


def five_conversations(ev: RasaEvents) -> None:
    """Answered, booked, fallback-only, declined then handed off, cancelled."""
    ev.user("a", _t(0), "What are your opening hours?", "ask_hours", 0.93)
    ev.add("a", {"event": "action", "timestamp": _t(0, 0.1), "name": "action_answer_question"})
    ev.bot("a", _t(0, 0.8), "Mon–Fri 9:00–18:00, Sat 10:00–16:00.", HOURS_SOURCE)
    ev.slot("a", _t(0, 0.81), "last_outcome", "answered")
    ev.user("a", _t(0, 10), "thanks", "thank", 0.99)
    ev.bot("a", _t(0, 10.2), "You're welcome!")

    ev.user("b", _t(1), "I'd like to book a consultation", "book_service", 0.97)
    ev.loop("b", _t(1, 0.1), "booking_form")
    ev.bot("b", _t(1, 1.5), "Which day suits you?")
    ev.user("b", _t(1, 20), "jane.doe@example.com or +1 555 123 4567", "inform", 0.88)
    ev.bot("b", _t(1, 20.5), "Booked! Confirmation sent to jane.doe@example.com. Ref BK-2026-0001")
    ev.slot("b", _t(1, 20.51), "last_outcome", "booked")
    ev.loop("b", _t(1, 20.52), None)

    ev.user("c", _t(2), "asdfgh", "nlu_fallback", 0.21)
    ev.bot("c", _t(2, 0.4), "Sorry, I didn't quite get that.")

    ev.user("d", _t(3), "Do you sell llamas?", "ask_question", 0.61)
    ev.bot("d", _t(3, 2.0), "I'm sorry, I couldn't find that on our website.")
    ev.slot("d", _t(3, 2.01), "last_outcome", "declined")
    ev.user("d", _t(3, 30), "let me talk to a human", "human_handoff", 0.95)
    ev.bot("d", _t(3, 30.3), "Call us at [phone] or email [email].")
    ev.slot("d", _t(3, 30.31), "last_outcome", "handed_off")

    ev.user("e", _t(26), "cancel my booking BK-2026-0001", "cancel_booking", 0.9)  # next day
    ev.bot("e", _t(26, 1.0), "Your booking BK-2026-0001 is cancelled.")
    ev.slot("e", _t(26, 1.01), "last_outcome", "cancelled")


def _conversation(session: Session, sender: str) -> Conversation:
    return session.exec(select(Conversation).where(Conversation.sender_id == sender)).one()


def test_sync_materialises_conversations_and_turns(session, events):
    five_conversations(events)
    read = sync.sync_events(session=session, batch_size=7)  # several batches
    assert read == 32  # every event row, messages or not
    assert sync.sync_events(session=session) == 0  # nothing new: nothing counted twice
    assert len(session.exec(select(Conversation)).all()) == 5

    booked = _conversation(session, "b")
    assert (booked.visitor_messages, booked.bot_messages) == (2, 2)
    assert booked.first_intent == "book_service"
    assert (booked.booking_started, booked.booking_confirmed, booked.booking_cancelled) == (
        True,
        True,
        False,
    )
    assert booked.outcome == "booked"
    turns = session.exec(
        select(ConversationTurn)
        .where(ConversationTurn.conversation_id == booked.id)
        .order_by(ConversationTurn.id)
    ).all()
    assert [t.role for t in turns] == ["visitor", "bot", "visitor", "bot"]
    assert turns[2].text == "[email] or [phone]"
    assert "jane" not in turns[3].text
    assert (turns[2].intent, turns[2].confidence, turns[2].outcome) == ("inform", 0.88, "booked")
    assert [t.latency_ms for t in turns] == [None, 1500, None, 500]
    assert _conversation(session, "e").booking_cancelled is True


def test_summary_figures(session, events):
    five_conversations(events)
    sync.sync_events(session=session)
    figures = reports.summary(
        session=session, start=dt.date(2026, 11, 20), end=dt.date(2026, 11, 21), timezone=ZONE
    ).model_dump(mode="json")
    assert figures["conversations"] == 5
    assert figures["messages"] == 16
    assert figures["visitor_messages"] == 8
    # Not contained: "c" only ever fell back, "d" was handed off.
    assert figures["containment_rate"] == 0.6
    assert figures["fallback_rate"] == 0.125
    assert figures["booked"] == 1
    assert figures["handed_off"] == 1
    # Latencies (ms): 800, 200, 1500, 500, 400, 2000, 300, 1000.
    assert figures["median_response_ms"] == 650.0
    assert figures["p95_response_ms"] == 2000.0
    assert figures["conversations_per_day"] == [
        {"date": "2026-11-20", "count": 4},
        {"date": "2026-11-21", "count": 1},
    ]
    assert figures["top_intents"][0]["count"] == 1
    assert {i["intent"] for i in figures["top_intents"]} >= {"ask_hours", "book_service"}
    assert figures["booking_funnel"] == {"started": 1, "confirmed": 1, "cancelled": 1}
    unanswered = {(q["text"], q["outcome"]) for q in figures["unanswered_questions"]}
    assert unanswered == {("Do you sell llamas?", "declined"), ("asdfgh", "fallback")}


def test_summary_of_a_day_without_conversations(session, events):
    figures = reports.summary(
        session=session, start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 1), timezone=ZONE
    ).model_dump(mode="json")
    assert figures["conversations"] == 0
    assert figures["containment_rate"] is None
    assert figures["median_response_ms"] is None
    assert figures["conversations_per_day"] == [{"date": "2026-01-01", "count": 0}]


def test_new_events_are_added_to_running_conversations(session, events):
    events.user("a", _t(0), "What are your prices?", "ask_prices", 0.9)
    assert sync.sync_events(session=session) == 2
    # The reply arrives after the sync: its latency still counts from the visitor's message.
    events.bot(
        "a",
        _t(0, 1.25),
        "A consultation is $50.",
        [{"title": "Prices", "url": "https://brightpath.example/services"}],
    )
    events.slot("a", _t(0, 1.26), "last_outcome", "answered")
    assert sync.sync_events(session=session) == 2
    found = reports.transcript(
        session=session, conversation_id=_conversation(session, "a").id
    ).model_dump(mode="json")
    assert [(t["role"], t["latency_ms"], t["outcome"]) for t in found["turns"]] == [
        ("visitor", None, "answered"),
        ("bot", 1250, None),
    ]
    assert found["turns"][1]["sources"] == [
        {"title": "Prices", "url": "https://brightpath.example/services"}
    ]
    assert found["conversation"]["outcome"] == "answered"


def test_list_conversations_filters_and_pages(session, events):
    five_conversations(events)
    sync.sync_events(session=session)

    def senders(**filters):
        page = reports.list_conversations(session=session, timezone=ZONE, **filters)
        return [item.sender_id for item in page.items], page.total

    assert senders() == (["e", "d", "c", "b", "a"], 5)
    assert senders(page=2, page_size=2) == (["c", "b"], 5)
    assert senders(outcome="booked") == (["b"], 1)
    assert senders(outcome="declined") == (["d"], 1)
    assert senders(intent="ask_hours") == (["a"], 1)
    assert senders(start=dt.date(2026, 11, 21), end=dt.date(2026, 11, 21)) == (["e"], 1)
    first = reports.list_conversations(session=session, outcome="booked").items[0]
    assert first.preview == "I'd like to book a consultation"


def test_transcript_of_an_unknown_conversation_is_none(session, events):
    assert reports.transcript(session=session, conversation_id=12345) is None


def test_no_events_table_yet_means_nothing_to_sync(session, isolated_env, monkeypatch):
    monkeypatch.setenv("RASA_EVENTS_URL", f"sqlite:///{isolated_env / 'not-yet.db'}")
    get_settings.cache_clear()
    SQLModel.metadata.create_all(get_engine())
    assert sync.sync_events(session=session) == 0


def test_analytics_api(api_client, session, events):
    from tests.unit.test_api_auth import add_staff, auth_header

    five_conversations(events)
    headers = auth_header(add_staff(Role.viewer))
    summary = api_client.get(
        "/api/analytics/summary",
        headers=headers,
        params={"start": "2026-11-20", "end": "2026-11-21"},
    )
    assert summary.status_code == 200
    assert summary.json()["conversations"] == 5
    listed = api_client.get(
        "/api/analytics/conversations", headers=headers, params={"outcome": "handed_off"}
    ).json()
    assert [c["sender_id"] for c in listed["items"]] == ["d"]
    transcript = api_client.get(
        f"/api/analytics/conversations/{listed['items'][0]['id']}", headers=headers
    ).json()
    assert [t["outcome"] for t in transcript["turns"] if t["role"] == "visitor"] == [
        "declined",
        "handed_off",
    ]
    backwards = api_client.get(
        "/api/analytics/summary",
        headers=headers,
        params={"start": "2026-11-21", "end": "2026-11-20"},
    )
    assert backwards.status_code == 422
    assert api_client.get("/api/analytics/conversations/999", headers=headers).status_code == 404


def test_extreme_dates_are_answered_not_crashed_on(session, events):
    five_conversations(events)
    sync.sync_events(session=session)
    everything = reports.list_conversations(
        session=session, start=dt.date.min, end=dt.date.max, timezone=ZONE
    )
    assert everything.total == 5
    figures = reports.summary(
        session=session, start=dt.date(9999, 12, 31), end=dt.date.max, timezone=ZONE
    )
    assert figures.conversations == 0


def test_the_start_up_warm_up_question_is_not_counted_as_a_visitor(session, events):
    events.user("warm-up", _t(0), "What are your opening hours?", "ask_question", 0.9)
    events.bot("warm-up", _t(0, 9.5), "Mon–Fri 9:00–18:00.", HOURS_SOURCE)
    events.user("a", _t(1), "hello", "greet", 0.99)
    events.bot("a", _t(1, 0.2), "Hi!")
    sync.sync_events(session=session)
    senders = [c.sender_id for c in session.exec(select(Conversation)).all()]
    assert senders == ["a"]


def test_a_refresh_keeps_the_stored_figures_when_the_event_log_cannot_be_read(
    session, monkeypatch, caplog
):
    def unreadable(**_kwargs):
        raise OSError("Rasa's event log is gone")

    monkeypatch.setattr(sync, "sync_events", unreadable)

    sync.refresh(session)  # the dashboard and the API still answer, from what is stored

    assert "showing what is stored" in caplog.text
    assert reports.summary(session=session, start=reports.today(), end=reports.today())


def test_today_is_the_businesss_day_not_the_servers():
    east, west = reports.today("Pacific/Kiritimati"), reports.today("Pacific/Pago_Pago")

    assert (east - west).days in (1, 2)  # UTC+14 and UTC-11: never the same day
