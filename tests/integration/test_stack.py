"""The product as started by `make up`: every part healthy, the thin slice (a question through
Rasa, the action server and LanceDB with the source cited), and recovery from a crash."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

pytestmark = pytest.mark.integration


def say(live_stack, sender: str, text: str) -> list[dict]:
    response = httpx.post(
        f"{live_stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_every_part_reports_up(live_stack):
    code, body = live_stack.health()
    assert code == 200, body
    assert {"database", "rasa", "action_server", "vector_store"} <= set(body["parts"])
    assert all(part["status"] == "up" for part in body["parts"].values()), body


def test_hours_question_is_answered_from_the_demo_site_with_its_source(live_stack):
    reply = say(live_stack, f"t-{uuid.uuid4().hex[:8]}", "What are your business hours?")
    answer = texts(reply)
    assert "9" in answer and "6" in answer, answer  # Mon–Fri 9:00–18:00 on the hours page
    sources = [s for m in reply for s in (m.get("custom") or {}).get("sources", [])]
    assert sources, reply
    assert any("/demo-site/" in s["url"] for s in sources), sources
    assert "Source" not in answer  # cited once, as data the widget shows as links


def test_a_blank_message_gets_a_reply_and_the_form_asks_its_question_again(live_stack):
    # The widget never sends one, but Rasa's public webhook lets a blank message in: the
    # intent classifier raised on it and the visitor got no reply at all.
    sender = f"t-{uuid.uuid4().hex[:8]}"
    for blank in ("", "   ", "\n"):
        reply = say(live_stack, sender, blank)
        assert texts(reply) == "That message was empty. What would you like to ask, or do?", reply
        assert {"title": "Book an appointment", "payload": "/book_service"} in reply[0]["buttons"]
    asked = texts(say(live_stack, sender, "I'd like to book an appointment"))
    assert "Which service" in asked, asked
    # In a form: said so, the question asked again, and not counted as a wrong answer (three
    # wrong answers hand the visitor to a person).
    for _ in range(3):
        reply = texts(say(live_stack, sender, " "))
        assert reply == f"That message was empty.\n{asked}", reply
    assert "Which day" in texts(say(live_stack, sender, "Consultation"))


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"message": "hi"}, '"sender" is required'),
        ({"sender": "  ", "message": "hi"}, '"sender" is required'),
        ({"sender": ["a"], "message": "hi"}, '"sender" must be a string'),
        ({"sender": "x" * 256, "message": "hi"}, '"sender" is too long: at most 255'),
        ({"sender": "t-malformed"}, '"message" is required'),
        ({"sender": "t-malformed", "message": 42}, '"message" must be a string'),
        ({"sender": "t-malformed", "message": "a" * 2001}, '"message" is too long: at most 2000'),
        (["sender", "message"], "must be a JSON object"),
    ],
)
def test_a_malformed_webhook_request_is_refused_with_400_saying_why(live_stack, body, says):
    # Without a sender Rasa put every such caller in one shared conversation ("default"), and
    # a message that was not text got an empty reply with status 200.
    response = httpx.post(f"{live_stack.rasa_url}/webhooks/rest/webhook", json=body, timeout=30)
    assert response.status_code == 400, response.text
    assert says in response.json()["message"], response.text


def test_a_numeric_sender_is_still_its_conversation(live_stack):
    response = httpx.post(
        f"{live_stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": 4242, "message": "What are your business hours?"},
        timeout=30,
    )
    reply = response.json()
    assert (
        response.status_code == 200 and reply and all(m["recipient_id"] == "4242" for m in reply)
    ), reply


def test_a_crashed_rasa_is_reported_down_then_restarted_and_the_conversation_continues(live_stack):
    sender = f"t-{uuid.uuid4().hex[:8]}"
    first = texts(say(live_stack, sender, "I'd like to book an appointment"))
    assert first  # the booking form asked its first question

    pid = int(live_stack.ctl("pid", "rasa").strip())
    import os
    import signal

    os.kill(pid, signal.SIGKILL)
    down_seen = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        code, body = live_stack.health()
        rasa = body["parts"]["rasa"]
        if rasa["status"] == "down":
            down_seen = (code, rasa)
            break
        time.sleep(0.2)
    assert down_seen is not None, "health never showed rasa down after the kill"
    assert down_seen[0] == 503 and down_seen[1] == {"status": "down"}  # why: health/details

    live_stack.wait_healthy(timeout=180)
    log = (live_stack.var_dir / "log" / "supervisord.log").read_text()
    assert "exited: rasa (terminated by SIGKILL" in log, log[-2000:]

    # The conversation is reloaded from the event log, so the form picks up where it was.
    after = texts(say(live_stack, sender, "stop"))
    assert after
