"""Callback requests: stored encrypted, listed and marked done over the admin API, staff emailed,
and the visitor told when to expect a reply from the business hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from app.core.db import get_engine
from app.core.settings import reset_settings_cache
from app.models import CallbackRequest, OpeningHours, Role
from app.services import callbacks
from tests.unit.test_api_auth import add_staff, auth_header
from tests.unit.test_booking_notifications import Inbox, inbox  # noqa: F401 - fixture

NEW_YORK = ZoneInfo("America/New_York")
NINE_TO_SIX = OpeningHours(start="09:00", end="18:00")
HOURS = {
    "monday": NINE_TO_SIX,
    "tuesday": NINE_TO_SIX,
    "wednesday": NINE_TO_SIX,
    "thursday": NINE_TO_SIX,
    "friday": NINE_TO_SIX,
    "saturday": OpeningHours(start="10:00", end="16:00"),
    "sunday": None,
}


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """New York time in the week from Monday 30 November 2026 (30 = Monday, 4 = Friday)."""
    month = 11 if day >= 30 else 12
    return dt.datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (_at(30, 11), "We're open now, so someone from our team will get back to you today."),
        (_at(30, 7, 30), "We're closed right now; we'll get back to you later today after 9am."),
        (_at(30, 19), "We're closed right now; we'll get back to you tomorrow after 9am."),
        # Friday evening → Saturday opens at 10
        (_at(4, 20), "We're closed right now; we'll get back to you tomorrow after 10am."),
        # Saturday evening → closed Sunday → Monday
        (_at(5, 17), "We're closed right now; we'll get back to you on Monday after 9am."),
    ],
)
def test_reply_expectation_follows_business_hours(now, expected):
    text = callbacks.reply_expectation(
        hours=HOURS, blocked_dates=[], timezone="America/New_York", now=now
    )
    assert text == expected


def test_reply_expectation_skips_blocked_days_and_copes_without_hours():
    tuesday = dt.date(2026, 12, 1)
    text = callbacks.reply_expectation(
        hours=HOURS, blocked_dates=[tuesday], timezone="America/New_York", now=_at(30, 19)
    )
    assert text == "We're closed right now; we'll get back to you on Wednesday after 9am."
    assert (
        callbacks.reply_expectation(hours={}, blocked_dates=[], timezone="UTC", now=_at(30, 19))
        == "We'll get back to you as soon as we can."
    )


def _create(session: Session, contact: str = "ada@example.com", note: str = "about pricing"):
    return callbacks.create_callback(
        session=session,
        sender_id="visitor-1",
        contact_kind="email" if "@" in contact else "phone",
        contact=contact,
        note=note,
        reply_by_text="We're open now, so someone from our team will get back to you today.",
    )


def test_contact_and_note_are_encrypted_at_rest(session: Session):
    created = _create(session)
    assert (created.contact, created.note, created.status) == (
        "ada@example.com",
        "about pricing",
        "open",
    )
    row = session.exec(select(CallbackRequest)).one()
    assert "ada@example.com" not in row.contact_encrypted
    assert "pricing" not in row.note_encrypted


def test_admin_api_lists_open_requests_and_marks_one_done(api_client):
    with Session(get_engine()) as session:
        first = _create(session, "ada@example.com", "pricing question")
        second = _create(session, "+1 212 555 0188", "call me after lunch")
    editor = add_staff(Role.editor, email="ed@example.com")
    headers = auth_header(editor)

    listed = api_client.get("/api/callbacks", params={"status": "open"}, headers=headers)
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["open_count"] == 2
    assert [(i["contact"], i["note"]) for i in body["items"]] == [
        ("ada@example.com", "pricing question"),
        ("+1 212 555 0188", "call me after lunch"),
    ]
    assert body["items"][0]["sender_id"] == "visitor-1"

    done = api_client.patch(f"/api/callbacks/{first.id}", json={"status": "done"}, headers=headers)
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["done_by"]) == ("done", "ed@example.com")

    still_open = api_client.get("/api/callbacks?status=open", headers=headers).json()
    assert [i["id"] for i in still_open["items"]] == [second.id]
    assert still_open["open_count"] == 1
    finished = api_client.get("/api/callbacks?status=done", headers=headers).json()
    assert [i["id"] for i in finished["items"]] == [first.id]


def test_api_refuses_strangers_viewers_unknown_ids_and_bad_status(api_client):
    with Session(get_engine()) as session:
        created = _create(session)
    assert api_client.get("/api/callbacks").status_code == 401
    viewer = auth_header(add_staff(Role.viewer, email="v@example.com"))
    assert api_client.get("/api/callbacks", headers=viewer).status_code == 200
    refused = api_client.patch(
        f"/api/callbacks/{created.id}", json={"status": "done"}, headers=viewer
    )
    assert refused.status_code == 403
    admin = auth_header(add_staff(Role.admin))
    missing = api_client.patch("/api/callbacks/9999", json={"status": "done"}, headers=admin)
    assert missing.status_code == 404
    assert "No callback request 9999" in missing.text
    bad = api_client.patch(f"/api/callbacks/{created.id}", json={"status": "maybe"}, headers=admin)
    assert bad.status_code == 422
    assert api_client.get("/api/callbacks?status=maybe", headers=admin).status_code == 422


def test_staff_are_emailed_when_smtp_is_configured(session, inbox: Inbox, monkeypatch):  # noqa: F811
    monkeypatch.setenv("STAFF_EMAIL", "team@example.com")
    reset_settings_cache()
    created = _create(session, "+1 212 555 0188", "wants a quote")
    recipient = callbacks.staff_recipient("contact@example.com")
    assert callbacks.notify_staff(created, recipient=recipient, business="Brightpath") is True
    (message,) = inbox.messages
    assert message["To"] == "team@example.com"
    assert f"#{created.id}" in message["Subject"]
    text = message.get_payload(decode=True).decode()
    assert "+1 212 555 0188" in text and "wants a quote" in text
    assert "/admin/callbacks" in text


def test_no_smtp_host_skips_the_staff_email(session, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    reset_settings_cache()
    created = _create(session)
    assert callbacks.notify_staff(created, recipient="team@example.com", business="B") is False
