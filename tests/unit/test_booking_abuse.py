"""Finding 8: references that cannot be walked, caps on open bookings, no "nothing confirmed"
for a booking that was confirmed, and what a crash leaves behind tidied at start-up."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from actions.submit import ActionCreateBooking
from app import cli
from app.core.db import get_engine
from app.core.security import service_token
from app.models import Booking, BookingCreate, IdempotencyRecord, IngestJob, utcnow
from app.services import bookings, calendar
from app.services.booking_client import BookingApiUnavailable
from tests.unit.test_actions_submit import CONFIRMED, KEY, booking_api, run
from tests.unit.test_booking_api import VISITOR, at, open_day, post_booking


@pytest.fixture
def api(api_client: TestClient, seeded: Session) -> TestClient:
    """The booking API with the demo business, called as the action server."""
    api_client.headers["Authorization"] = f"Bearer {service_token()}"
    return api_client


def lookup(api: TestClient, reference: str, email: str):
    return api.get(f"/api/bookings/{reference}", headers={"X-Booking-Email": email})


def test_walking_references_with_a_known_email_is_cut_off(api: TestClient) -> None:
    reference = post_booking(api, at(open_day(), "14:00")).json()["reference"]
    year = reference.split("-")[1]
    guesses = [f"BK-{year}-{n:06d}" for n in range(10) if f"BK-{year}-{n:06d}" != reference]
    codes = [lookup(api, guess, VISITOR["email"]).status_code for guess in guesses[:10]]
    assert codes == [404] * len(codes[:10])

    found = lookup(api, reference, VISITOR["email"])  # the right one, guessed at last
    assert found.status_code == 429
    assert found.json()["detail"] == "too_many_lookups"
    assert int(found.headers["Retry-After"]) > 0


def test_guessing_the_email_of_a_known_reference_is_cut_off(api: TestClient) -> None:
    reference = post_booking(api, at(open_day(), "15:00")).json()["reference"]
    codes = [lookup(api, reference, f"guess{n}@example.com").status_code for n in range(10)]
    assert codes == [404] * 10
    assert lookup(api, reference, VISITOR["email"]).status_code == 429


def test_the_owner_is_not_held_back_by_a_few_typos(api: TestClient) -> None:
    reference = post_booking(api, at(open_day(), "16:00")).json()["reference"]
    assert lookup(api, reference, "ada@exmaple.com").status_code == 404
    assert lookup(api, reference, VISITOR["email"]).status_code == 200


def test_one_email_cannot_fill_the_calendar(api: TestClient) -> None:
    day = open_day()
    made = [post_booking(api, at(day, hhmm)) for hhmm in ("09:00", "11:00", "13:00")]
    assert [r.status_code for r in made] == [201, 201, 201]

    fourth = post_booking(api, at(day, "15:00"), email="ADA@example.com")
    assert fourth.status_code == 422
    error = fourth.json()["detail"][0]
    assert error["loc"][-1] == "email"
    assert "already 3 upcoming bookings for this email address" in error["msg"]

    first = made[0].json()["reference"]
    cancelled = api.delete(f"/api/bookings/{first}", headers={"X-Booking-Email": VISITOR["email"]})
    assert cancelled.status_code == 200
    assert post_booking(api, at(day, "15:00")).status_code == 201


def test_one_conversation_cannot_book_for_many_addresses(api: TestClient) -> None:
    day = open_day()
    codes = [
        post_booking(
            api, at(day, hhmm), email=f"victim{n}@example.com", conversation_id="c-1"
        ).status_code
        for n, hhmm in enumerate(("09:00", "11:00", "13:00", "15:00"))
    ]
    assert codes == [201, 201, 201, 422]


async def test_a_booking_committed_before_the_timeout_is_confirmed_not_pending(
    seeded: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The booking API committed the booking under the request's key; its answer was lost.
    day = open_day()
    slots = {**CONFIRMED, "date": day.isoformat()}
    booking_in = BookingCreate(
        service_id="consultation",
        start=dt.datetime.combine(day, dt.time(14), calendar.business_zone()),
        name="Jane Smith",
        email="jane@example.com",
        phone="+1 212 555 0142",
        conversation_id="visitor-9",
    )
    committed = bookings.create_booking(session=seeded, booking_in=booking_in, idempotency_key=KEY)
    reference = committed.body["reference"]
    booking_api(monkeypatch, BookingApiUnavailable("timeout"))  # third timeout

    events, messages = await run(ActionCreateBooking(), slots, sender_id="visitor-9")

    seeded.expire_all()
    rows = seeded.exec(select(Booking).where(Booking.conversation_id == "visitor-9")).all()
    assert [(r.reference, r.status) for r in rows] == [(reference, "confirmed")]  # no PB- row
    assert "nothing is confirmed" not in messages[0]["text"]
    assert f"confirmed, reference {reference}" in messages[0]["text"]


def test_start_up_fails_jobs_a_crash_left_running_and_purges_old_keys(seeded: Session) -> None:
    seeded.add(IngestJob(target="https://shop.example/", status="running"))
    seeded.add(IngestJob(target="https://shop.example/faq", status="queued"))
    seeded.add(IngestJob(target="https://shop.example/old", status="done"))
    old = utcnow() - dt.timedelta(days=3)
    seeded.add(
        IdempotencyRecord(key="old", endpoint="POST /bookings", request_hash="x", created_at=old)
    )
    seeded.add(IdempotencyRecord(key="new", endpoint="POST /bookings", request_hash="y"))
    seeded.commit()

    assert cli.main(["init"]) == 0

    with Session(get_engine()) as session:
        jobs = {job.target.rsplit("/", 1)[-1]: job for job in session.exec(select(IngestJob))}
        assert {name: job.status for name, job in jobs.items()} == {
            "": "failed",
            "faq": "failed",
            "old": "done",
        }
        assert jobs[""].message == "Interrupted by a restart of the server; start it again."
        keys = [record.key for record in session.exec(select(IdempotencyRecord))]
        assert keys == ["new"]


# --- confirmation emails through the outbox -------------------------------------------------


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch):
    from app.core.settings import reset_settings_cache
    from tests.conftest import SmtpInbox

    server = SmtpInbox()
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(server.port))
    reset_settings_cache()
    yield server
    server.stop()


def _book_without_sending(session: Session, hhmm: str = "10:00") -> str:
    """The booking committed, and the process died before its email went out."""
    booking_in = BookingCreate(
        service_id="consultation",
        start=dt.datetime.combine(
            open_day(), dt.time.fromisoformat(hhmm), calendar.business_zone()
        ),
        name="Ada Lovelace",
        email="ada@example.com",
        phone="+1 212 555 0188",
    )
    return bookings.create_booking(session=session, booking_in=booking_in).body["reference"]


def test_an_email_a_crash_kept_from_going_out_is_sent_at_start_up(seeded: Session, inbox) -> None:
    reference = _book_without_sending(seeded)
    assert inbox.messages == []

    assert cli.main(["init"]) == 0  # the restart

    assert [m["To"] for m in inbox.messages] == ["ada@example.com"]
    assert reference in inbox.messages[0]["Subject"] + str(inbox.messages[0])
    assert cli.main(["init"]) == 0  # and only once
    assert len(inbox.messages) == 1


def test_an_email_cut_off_mid_send_is_sent_again(seeded: Session, inbox) -> None:
    from app.models import OutboxEmail

    _book_without_sending(seeded)
    row = seeded.exec(select(OutboxEmail)).one()
    row.status = "sending"  # the process died while talking to the mail server
    seeded.add(row)
    seeded.commit()

    assert cli.main(["init"]) == 0
    assert len(inbox.messages) == 1


def test_a_mail_server_that_was_down_gets_the_email_later(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.settings import reset_settings_cache
    from app.services.outbox import deliver_pending
    from tests.conftest import SmtpInbox

    server = SmtpInbox()
    server.stop()  # nothing listens on its port now
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(server.port))
    reset_settings_cache()
    assert post_booking(api, at(open_day(), "11:00")).status_code == 201

    later = SmtpInbox()
    try:
        monkeypatch.setenv("SMTP_PORT", str(later.port))
        reset_settings_cache()
        assert deliver_pending() == 1  # the minute's retry
        assert [m["To"] for m in later.messages] == [VISITOR["email"]]
    finally:
        later.stop()
