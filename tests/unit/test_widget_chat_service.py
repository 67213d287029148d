"""The widget's Rasa client: replies, citations, empty answers, outages, history."""

from __future__ import annotations

import httpx
import pytest
import respx

from app.services import rasa_client

RASA = "http://127.0.0.1:5005"
WEBHOOK = f"{RASA}/webhooks/rest/webhook"
HOURS_URL = "http://localhost:3000/demo-site/hours-contact.html"


@pytest.fixture(autouse=True)
def rasa_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.settings import reset_settings_cache

    monkeypatch.setenv("RASA_URL", RASA)
    monkeypatch.setenv("RASA_TOKEN", "secret-token")
    reset_settings_cache()


@respx.mock
async def test_send_message_reads_the_answer_and_its_sources_from_one_reply() -> None:
    route = respx.post(WEBHOOK).respond(
        json=[
            {
                "recipient_id": "v1",
                "text": "We open at 9:00.",
                "custom": {"sources": [{"title": "Hours and contact", "url": HOURS_URL}]},
            },
        ]
    )

    replies = await rasa_client.send_message("v1", "What are your business hours?")

    assert route.calls.last.request.read() == (
        b'{"sender":"v1","message":"What are your business hours?"}'
    )
    assert len(replies) == 1
    assert replies[0].text == "We open at 9:00."
    assert [(s.title, s.url) for s in replies[0].sources] == [("Hours and contact", HOURS_URL)]


@respx.mock
async def test_buttons_become_quick_replies_and_unsafe_links_are_dropped() -> None:
    respx.post(WEBHOOK).respond(
        json=[
            {
                "text": "Which service?",
                "buttons": [
                    {"title": "Consultation ($50)", "payload": '/inform{"service":"c"}'},
                    {"title": "broken"},
                ],
                "custom": {"sources": [{"title": "x", "url": "javascript:alert(1)"}]},
            }
        ]
    )

    (reply,) = await rasa_client.send_message("v1", "book")

    assert [(b.title, b.payload) for b in reply.buttons] == [
        ("Consultation ($50)", '/inform{"service":"c"}')
    ]
    assert reply.sources == []


@respx.mock
async def test_an_empty_reply_is_no_answer_not_an_error() -> None:
    respx.post(WEBHOOK).respond(json=[])

    assert await rasa_client.send_message("v1", "hello") == []


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("connection refused"),
        httpx.ReadTimeout("timed out"),
    ],
)
@respx.mock
async def test_rasa_down_raises_rasa_unavailable(failure: Exception) -> None:
    respx.post(WEBHOOK).mock(side_effect=failure)

    with pytest.raises(rasa_client.RasaUnavailable):
        await rasa_client.send_message("v1", "hello")


@respx.mock
async def test_rasa_server_error_raises_rasa_unavailable() -> None:
    respx.post(WEBHOOK).respond(status_code=500, text="Internal Server Error")

    with pytest.raises(rasa_client.RasaUnavailable):
        await rasa_client.send_message("v1", "hello")


TRACKER_EVENTS = [
    {"event": "action", "name": "action_session_start", "timestamp": 1_700_000_000.0},
    {"event": "user", "text": "old question", "timestamp": 1_700_000_001.0},
    {"event": "restart", "timestamp": 1_700_000_002.0},
    {"event": "user", "text": "What are your business hours?", "timestamp": 1_700_000_010.0},
    {"event": "bot", "text": "9 to 6.", "data": {}, "timestamp": 1_700_000_011.0},
    {
        "event": "bot",
        "text": None,
        "data": {"custom": {"sources": [{"title": "Hours", "url": HOURS_URL}]}},
        "timestamp": 1_700_000_011.5,
    },
    {"event": "user", "text": "/greet", "timestamp": 1_700_000_012.0},
    {
        "event": "bot",
        "text": "Which service?",
        "data": {"buttons": [{"title": "Demo (free)", "payload": '/inform{"service":"demo"}'}]},
        "timestamp": 1_700_000_013.0,
    },
    {"event": "user", "text": '/inform{"service":"demo"}', "timestamp": 1_700_000_014.0},
    {"event": "slot", "name": "service", "value": "demo", "timestamp": 1_700_000_014.1},
]


@respx.mock
async def test_history_reads_the_tracker_since_the_last_restart_as_the_visitor_saw_it() -> None:
    route = respx.get(f"{RASA}/conversations/visitor%201/tracker").respond(
        json={"sender_id": "visitor 1", "events": TRACKER_EVENTS}
    )

    entries = await rasa_client.history("visitor 1")

    assert route.calls.last.request.url.params["token"] == "secret-token"
    assert [(e.role, e.text) for e in entries] == [
        ("visitor", "What are your business hours?"),
        ("bot", "9 to 6."),
        ("bot", "Which service?"),
        ("visitor", "Demo (free)"),
    ]
    assert [s.url for s in entries[1].sources] == [HOURS_URL]
    assert entries[0].sent_at is not None and entries[0].sent_at.tzinfo is not None


@respx.mock
async def test_history_of_an_unknown_visitor_is_empty_and_an_outage_raises() -> None:
    respx.get(f"{RASA}/conversations/new/tracker").respond(json={"events": []})
    respx.get(f"{RASA}/conversations/down/tracker").mock(side_effect=httpx.ConnectError("x"))

    assert await rasa_client.history("new") == []
    with pytest.raises(rasa_client.RasaUnavailable):
        await rasa_client.history("down")


@respx.mock
async def test_restart_sends_rasas_restart_command_and_tolerates_an_outage() -> None:
    route = respx.post(WEBHOOK).respond(json=[])

    await rasa_client.restart("v1")

    assert route.calls.last.request.read() == b'{"sender":"v1","message":"/restart"}'
    route.mock(side_effect=httpx.ConnectError("down"))
    await rasa_client.restart("v1")  # no exception: a new conversation starts anyway


@respx.mock
async def test_sources_sent_as_their_own_message_hang_under_the_answer_before_them() -> None:
    respx.post(WEBHOOK).respond(
        json=[
            {"text": "We are open 9:00 to 18:00 on weekdays."},
            {"custom": {"sources": [{"title": "Business hours and contact", "url": HOURS_URL}]}},
            {"custom": {"sources": [{"title": "Business hours and contact", "url": HOURS_URL}]}},
        ]
    )

    (answer,) = await rasa_client.send_message("v1", "What are your business hours?")

    assert answer.text == "We are open 9:00 to 18:00 on weekdays."
    assert [s.title for s in answer.sources] == ["Business hours and contact"]


def test_history_shows_separately_sent_sources_as_links_under_their_answer() -> None:
    entries = rasa_client.transcript_from_events(
        [
            {"event": "user", "text": "hours?", "timestamp": 1.0},
            {"event": "bot", "text": "9 to 6.", "data": {}, "timestamp": 2.0},
            {
                "event": "bot",
                "text": None,
                "data": {"custom": {"sources": [{"title": "Hours", "url": HOURS_URL}]}},
                "timestamp": 2.2,
            },
        ]
    )

    assert [(e.role, e.text) for e in entries] == [("visitor", "hours?"), ("bot", "9 to 6.")]
    assert [s.url for s in entries[1].sources] == [HOURS_URL]
