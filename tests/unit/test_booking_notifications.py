"""Booking emails through a real SMTP server (aiosmtpd) on a free local port."""

from __future__ import annotations

import datetime as dt
import email
import socket
from collections.abc import Iterator
from email.message import Message
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlmodel import Session

from app.core.security import service_token
from app.core.settings import reset_settings_cache
from app.services.seed import DEMO_HOLIDAYS

NEW_YORK = ZoneInfo("America/New_York")
VISITOR = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+1 212 555 0188"}


class Inbox:
    """An aiosmtpd handler keeping every message it is sent."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd API
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """A running SMTP server, and SMTP_HOST/SMTP_PORT pointing at it."""
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(port))
    reset_settings_cache()
    yield handler
    controller.stop()


def open_monday() -> dt.date:
    day = dt.datetime.now(NEW_YORK).date() + dt.timedelta(days=1)
    while day.weekday() != 0 or day.isoformat() in DEMO_HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), NEW_YORK)


def invite_of(message: Message) -> tuple[Calendar, Message]:
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, "exactly one calendar attachment"
    return Calendar.from_ical(parts[0].get_payload(decode=True)), parts[0]


def the_event(calendar: Calendar):
    return next(c for c in calendar.walk() if c.name == "VEVENT")


@pytest.fixture
def api(api_client: TestClient, seeded: Session) -> TestClient:
    api_client.headers["Authorization"] = f"Bearer {service_token()}"
    return api_client


def test_booking_reschedule_and_cancel_emails_carry_the_invite(
    inbox: Inbox, api: TestClient
) -> None:
    monday = open_monday()
    body = {"service_id": "consultation", "start": at(monday, "14:00").isoformat(), **VISITOR}
    reference = api.post("/api/bookings", json=body).json()["reference"]

    assert len(inbox.messages) == 1
    confirmation = inbox.messages[0]
    assert confirmation["To"] == "ada@example.com"
    assert confirmation["Subject"] == f"Your booking {reference} is confirmed"
    plain = next(p for p in confirmation.walk() if p.get_content_type() == "text/plain")
    assert reference in plain.get_payload(decode=True).decode()
    calendar, part = invite_of(confirmation)
    assert part.get_param("method") == "REQUEST"
    event = the_event(calendar)
    assert event.decoded("dtstart") == at(monday, "14:00")
    assert event.decoded("dtend") == at(monday, "15:00")
    assert str(event["uid"]).startswith(reference)

    api.put(
        f"/api/bookings/{reference}",
        json={"email": "ada@example.com", "start": at(monday, "16:00").isoformat()},
    )
    moved = inbox.messages[1]
    assert moved["Subject"] == f"Your booking {reference} has been moved"
    moved_event = the_event(invite_of(moved)[0])
    assert moved_event.decoded("dtstart") == at(monday, "16:00")
    assert moved_event["uid"] == event["uid"]
    assert int(moved_event["sequence"]) > int(event["sequence"])

    api.delete(f"/api/bookings/{reference}", params={"email": "ada@example.com"})
    cancelled = inbox.messages[2]
    assert cancelled["Subject"] == f"Your booking {reference} has been cancelled"
    calendar, part = invite_of(cancelled)
    assert part.get_param("method") == "CANCEL"
    assert str(the_event(calendar)["status"]) == "CANCELLED"
    # A replayed or repeated request sends nothing more.
    api.delete(f"/api/bookings/{reference}", params={"email": "ada@example.com"})
    assert len(inbox.messages) == 3


def test_meeting_confirmation(inbox: Inbox, api: TestClient) -> None:
    monday = open_monday()
    body = {
        "topic": "Partnership",
        "start": at(monday, "10:30").isoformat(),
        "duration_minutes": 15,
        "name": "Ada",
        "email": "ada@example.com",
    }
    reference = api.post("/api/meetings", json=body).json()["reference"]
    message = inbox.messages[0]
    assert message["Subject"] == f"Your meeting {reference} is confirmed"
    event = the_event(invite_of(message)[0])
    assert "Partnership" in str(event["summary"])
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=15)


def test_no_smtp_host_skips_the_email_and_keeps_the_booking(
    api: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"service_id": "demo", "start": at(open_monday(), "09:30").isoformat(), **VISITOR}
    with caplog.at_level("INFO"):
        response = api.post("/api/bookings", json=body)
    assert response.status_code == 201
    assert f"email skipped for {response.json()['reference']}" in caplog.text


def test_a_mail_server_that_is_down_never_fails_the_booking(
    api: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(free_port()))  # nothing listens there
    reset_settings_cache()
    body = {"service_id": "demo", "start": at(open_monday(), "10:00").isoformat(), **VISITOR}
    with caplog.at_level("INFO"):
        response = api.post("/api/bookings", json=body)
    reference = response.json()["reference"]
    assert response.status_code == 201
    assert f"email for {reference} not sent" in caplog.text
    assert "ada@example.com" not in caplog.text
