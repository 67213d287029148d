"""The booking service against the demo business, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session, select

from app.core import crypto
from app.core.settings import get_settings
from app.models import (
    AuditLog,
    Booking,
    BookingCreate,
    FieldRefused,
    IdempotencyRecord,
    MeetingCreate,
    RescheduleRequest,
    SlotClaim,
)
from app.services import booking_lookup, bookings, calendar
from app.services.booking_lookup import BookingNotFoundError
from app.services.bookings import BookingStateError
from app.services.calendar import SlotTakenError
from app.services.idempotency import IdempotencyKeyReused, WriteResult
from app.services.seed import DEMO_HOLIDAYS

NEW_YORK = ZoneInfo("America/New_York")
VISITOR = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+1 212 555 0188"}


def open_day(weekday: int = 0, *, weeks_ahead: int = 1) -> dt.date:
    """A future date on `weekday` (0 Monday) that is not a demo holiday."""
    day = dt.datetime.now(NEW_YORK).date() + dt.timedelta(days=1 + 7 * (weeks_ahead - 1))
    while day.weekday() != weekday or day.isoformat() in DEMO_HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def block_a_wednesday(session: Session) -> dt.date:
    """Add a blocked date (a holiday) to the booking task, as an admin would."""
    from app.services.config import get_task_config, save_task_config

    config = get_task_config("book_service")
    day = open_day(2)
    update = config.model_copy(update={"blocked_dates": [*config.blocked_dates, day]})
    save_task_config(session=session, name="book_service", config_in=update)
    return day


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), NEW_YORK)


def book(session: Session, start: dt.datetime, **overrides) -> WriteResult:
    data = {"service_id": "consultation", "start": start, **VISITOR} | overrides
    return bookings.create_booking(session=session, booking_in=BookingCreate(**data))


def test_booking_gets_a_reference_and_keeps_contact_details_encrypted(seeded: Session) -> None:
    start = at(open_day(), "14:00")
    outcome = book(seeded, start, conversation_id="conv-1")

    body = outcome.body
    assert outcome.status_code == 201
    year = dt.datetime.now(NEW_YORK).year
    assert re.fullmatch(rf"BK-{year}-\d{{6}}", body["reference"])
    assert body["service_name"] == "Consultation" and body["price"] == 50
    assert dt.datetime.fromisoformat(body["start"]) == start
    assert body["start"].endswith(("-05:00", "-04:00"))  # shown in the business's timezone
    assert body["end"] == (start + dt.timedelta(minutes=60)).isoformat()
    assert (body["name"], body["email"], body["phone"]) == (
        "Ada Lovelace",
        "ada@example.com",
        "+12125550188",
    )
    row = seeded.exec(select(Booking)).one()
    assert "Ada Lovelace" not in row.name_encrypted and "ada@example.com" not in row.email_encrypted
    assert crypto.decrypt(row.phone_encrypted) == "+12125550188"
    audit = seeded.exec(select(AuditLog)).one()
    assert (audit.action, audit.booking_reference, audit.conversation_id) == (
        "create_booking",
        body["reference"],
        "conv-1",
    )
    assert "ada" not in (audit.user_data_hash or "") and len(audit.user_data_hash or "") == 64


def test_references_are_not_a_sequence(seeded: Session) -> None:
    day = open_day()
    first = book(seeded, at(day, "09:00")).body["reference"]
    second = book(seeded, at(day, "11:00"), email="grace@example.com").body["reference"]
    assert first != second and abs(int(second[-6:]) - int(first[-6:])) != 1


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"service_id": "massage"}, "service_id", "we offer: consultation, demo, support"),
        ({"start": "past"}, "start", "in the past"),
        ({"start": "sunday"}, "start", "closed on Sundays"),
        ({"start": "holiday"}, "start", "closed on Wednesday "),
        ({"start": "early"}, "start", "outside business hours"),
        ({"start": "too-late-to-fit"}, "start", "must end by 18:00"),
        ({"start": "saturday-late"}, "start", "open 10:00-16:00"),
        ({"start": "misaligned"}, "start", "every 30 minutes"),
        ({"phone": "12"}, "phone", "phone"),
        ({"phone": None}, "phone", "required"),
    ],
)
def test_business_rules_name_the_field(
    seeded: Session, overrides: dict, field: str, words: str
) -> None:
    monday = open_day()
    starts = {
        "past": at(dt.datetime.now(NEW_YORK).date() - dt.timedelta(days=1), "14:00"),
        "sunday": at(open_day(6), "14:00"),
        "holiday": at(block_a_wednesday(seeded), "14:00") if "start" in overrides else None,
        "early": at(monday, "08:30"),
        "too-late-to-fit": at(monday, "17:30"),
        "saturday-late": at(open_day(5), "16:00"),
        "misaligned": at(monday, "14:10"),
    }
    overrides = dict(overrides)
    start = starts[overrides.pop("start")] if "start" in overrides else at(monday, "14:00")
    with pytest.raises(FieldRefused) as refused:
        book(seeded, start, **overrides)
    assert refused.value.field == field
    assert words in refused.value.message
    assert seeded.exec(select(Booking)).first() is None


def test_a_disabled_service_is_refused(seeded: Session) -> None:
    from app.services.config import get_task_config, save_task_config

    config = get_task_config("book_service")
    services = [s.model_copy(update={"enabled": s.id != "support"}) for s in config.services]
    update = config.model_copy(update={"services": services})
    save_task_config(session=seeded, name="book_service", config_in=update)
    with pytest.raises(FieldRefused, match="we offer: consultation, demo$"):
        book(seeded, at(open_day(), "14:00"), service_id="support")


def test_optional_phone_is_not_required(seeded: Session) -> None:
    from app.services.config import get_task_config, save_task_config

    config = get_task_config("book_service")
    update = config.model_copy(
        update={
            "required_fields": [f for f in config.required_fields if f != "phone"],
            "optional_fields": ["phone"],
        }
    )
    save_task_config(session=seeded, name="book_service", config_in=update)
    outcome = book(seeded, at(open_day(), "10:00"), phone=None)
    assert outcome.body["phone"] is None


def test_an_overlapping_booking_is_refused_with_the_nearest_free_starts(seeded: Session) -> None:
    monday = open_day()
    book(seeded, at(monday, "14:00"))  # holds 14:00-15:00
    with pytest.raises(SlotTakenError) as taken:
        book(seeded, at(monday, "14:30"), email="grace@example.com")
    assert taken.value.alternatives == [at(monday, t) for t in ("13:00", "15:00", "15:30")]
    # A demo (30 minutes) fits right after the consultation but not inside it.
    with pytest.raises(SlotTakenError):
        book(seeded, at(monday, "14:30"), service_id="demo")
    assert book(seeded, at(monday, "15:00"), service_id="demo").status_code == 201


def take_appointments_at_once(session: Session, count: int) -> None:
    """Set "appointments at the same time" on the Settings page, as an admin would."""
    from app.models import BotSettingsUpdate
    from app.services.config import get_bot_settings, save_bot_settings

    current = get_bot_settings().model_dump(include=set(BotSettingsUpdate.model_fields))
    settings_in = BotSettingsUpdate(**(current | {"parallel_appointments": count}))
    save_bot_settings(session=session, settings_in=settings_in)


def test_a_business_with_two_practitioners_takes_two_bookings_at_once(seeded: Session) -> None:
    take_appointments_at_once(seeded, 2)
    monday = open_day()
    first = book(seeded, at(monday, "14:00"))
    # Overlapping, not identical: 14:30-15:30 fits on the second calendar.
    second = book(seeded, at(monday, "14:30"), email="grace@example.com")
    assert (first.status_code, second.status_code) == (201, 201)
    free = calendar.availability(session=seeded, service_id="consultation", day=monday)
    assert at(monday, "14:00") not in free and at(monday, "14:30") not in free
    assert at(monday, "13:00") in free and at(monday, "15:30") in free
    # A third at 14:00 finds both calendars taken at 14:30-15:00; 13:30 still fits on the second.
    with pytest.raises(SlotTakenError) as taken:
        book(seeded, at(monday, "14:00"), email="alan@example.com")
    assert at(monday, "13:30") in taken.value.alternatives
    calendars = {c.resource for c in seeded.exec(select(SlotClaim)).all()}
    assert calendars == {"main", "main-2"}
    # Cancelling the first frees its calendar for the 14:00 that was refused.
    bookings.cancel(session=seeded, reference=first.body["reference"], email=VISITOR["email"])
    assert book(seeded, at(monday, "14:00"), email="alan@example.com").status_code == 201


def test_fewer_appointments_at_once_keeps_the_bookings_already_made(seeded: Session) -> None:
    take_appointments_at_once(seeded, 3)
    monday = open_day()
    made = [
        book(seeded, at(monday, "10:00"), email=f"v{n}@example.com").body["reference"]
        for n in range(3)
    ]
    with pytest.raises(SlotTakenError):
        book(seeded, at(monday, "10:00"), email="v4@example.com")
    take_appointments_at_once(seeded, 1)
    for n, reference in enumerate(made):
        found = booking_lookup.get_by_reference(
            session=seeded, reference=reference, email=f"v{n}@example.com"
        )
        assert found.status == "confirmed"
    assert at(monday, "10:00") not in calendar.availability(
        session=seeded, service_id="consultation", day=monday
    )
    # Cancelling a booking on a calendar no longer offered frees nothing visitors can book.
    bookings.cancel(session=seeded, reference=made[2], email="v2@example.com")
    assert at(monday, "10:00") not in calendar.availability(
        session=seeded, service_id="consultation", day=monday
    )
    bookings.cancel(session=seeded, reference=made[0], email="v0@example.com")
    assert book(seeded, at(monday, "10:00"), email="v4@example.com").status_code == 201


def test_meetings_share_the_calendar_with_bookings(seeded: Session) -> None:
    monday = open_day()
    book(seeded, at(monday, "14:00"))
    meeting_in = MeetingCreate(
        topic="Partnership", start=at(monday, "14:30"), duration_minutes=15, **VISITOR
    )
    with pytest.raises(SlotTakenError):
        bookings.create_meeting(session=seeded, meeting_in=meeting_in)
    meeting_in.start = at(monday, "15:00")
    body = bookings.create_meeting(session=seeded, meeting_in=meeting_in).body
    assert body["reference"].startswith("MT-")
    assert (body["kind"], body["topic"], body["duration_minutes"]) == ("meeting", "Partnership", 15)
    meeting_in.duration_minutes = 45
    with pytest.raises(FieldRefused) as refused:
        bookings.create_meeting(session=seeded, meeting_in=meeting_in)
    assert refused.value.field == "duration_minutes"


def test_lookup_needs_the_email_it_was_made_with(seeded: Session) -> None:
    reference = book(seeded, at(open_day(), "14:00")).body["reference"]
    found = booking_lookup.get_by_reference(
        session=seeded, reference=reference, email="ADA@example.com"
    )
    assert found.reference == reference and found.name == "Ada Lovelace"
    with pytest.raises(BookingNotFoundError):
        booking_lookup.get_by_reference(
            session=seeded, reference=reference, email="eve@example.com"
        )
    with pytest.raises(BookingNotFoundError):
        booking_lookup.get_by_reference(
            session=seeded, reference="BK-2020-9999", email=VISITOR["email"]
        )


def test_reschedule_moves_the_claims_and_cancel_frees_them(seeded: Session) -> None:
    monday = open_day()
    reference = book(seeded, at(monday, "14:00")).body["reference"]
    change = RescheduleRequest(email=VISITOR["email"], start=at(monday, "16:00"))
    moved = bookings.reschedule(session=seeded, reference=reference, change=change).body
    assert dt.datetime.fromisoformat(moved["start"]) == at(monday, "16:00")
    # The old time is free again, the new one is held.
    assert book(seeded, at(monday, "14:00"), email="grace@example.com").status_code == 201
    with pytest.raises(SlotTakenError):
        book(seeded, at(monday, "16:30"), email="grace@example.com")

    cancelled, changed = bookings.cancel(
        session=seeded, reference=reference, email=VISITOR["email"]
    )
    assert (cancelled.status, changed) == ("cancelled", True)
    assert bookings.cancel(session=seeded, reference=reference, email=VISITOR["email"])[1] is False
    assert book(seeded, at(monday, "16:30"), email="grace@example.com").status_code == 201
    with pytest.raises(BookingStateError, match="booking_cancelled"):
        bookings.reschedule(session=seeded, reference=reference, change=change)
    actions = seeded.exec(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions.count("reschedule_booking") == 1 and actions.count("cancel_booking") == 1


def test_reschedule_onto_a_taken_time_keeps_the_booking_where_it_was(seeded: Session) -> None:
    monday = open_day()
    reference = book(seeded, at(monday, "10:00")).body["reference"]
    book(seeded, at(monday, "14:00"), email="grace@example.com")
    change = RescheduleRequest(email=VISITOR["email"], start=at(monday, "13:30"))
    with pytest.raises(SlotTakenError):
        bookings.reschedule(session=seeded, reference=reference, change=change)
    kept = booking_lookup.get_by_reference(
        session=seeded, reference=reference, email=VISITOR["email"]
    )
    assert kept.start == at(monday, "10:00")
    claims = seeded.exec(select(SlotClaim).where(SlotClaim.reference == reference)).all()
    assert len(claims) == 12  # 60 minutes in 5-minute cells


def test_idempotency_key_replays_and_refuses_other_parameters(seeded: Session) -> None:
    monday = open_day()
    data = BookingCreate(service_id="consultation", start=at(monday, "14:00"), **VISITOR)
    first = bookings.create_booking(session=seeded, booking_in=data, idempotency_key="k-1")
    again = bookings.create_booking(session=seeded, booking_in=data, idempotency_key="k-1")
    assert (again.replayed, again.status_code, again.body) == (True, 201, first.body)
    assert len(seeded.exec(select(Booking)).all()) == 1
    stored = seeded.exec(select(IdempotencyRecord)).one()
    assert "Ada Lovelace" not in str(stored.response_body)  # the stored answer is sealed too
    other = data.model_copy(update={"start": at(monday, "15:00")})
    with pytest.raises(IdempotencyKeyReused):
        bookings.create_booking(session=seeded, booking_in=other, idempotency_key="k-1")


def test_availability_leaves_out_taken_and_past_times(seeded: Session) -> None:
    monday = open_day()
    book(seeded, at(monday, "14:00"))
    free = calendar.availability(session=seeded, service_id="consultation", day=monday)
    assert free[0] == at(monday, "09:00") and free[-1] == at(monday, "17:00")
    assert at(monday, "13:30") not in free and at(monday, "14:30") not in free
    assert at(monday, "13:00") in free and at(monday, "15:00") in free
    assert calendar.availability(session=seeded, service_id="demo", day=open_day(6)) == []
    meeting_slots = calendar.availability(
        session=seeded, service_id="meeting", day=monday, duration_minutes=15
    )
    assert at(monday, "13:30") in meeting_slots and at(monday, "14:30") not in meeting_slots


def test_pending_request_keeps_what_the_visitor_typed(seeded: Session) -> None:
    start = at(open_day(), "14:00")
    pending = bookings.save_pending_request(
        session=seeded,
        kind="booking",
        service_id="consultation",
        start=start,
        conversation_id="conv-9",
        reason="booking API unreachable",
        **VISITOR,
    )
    assert re.fullmatch(r"PB-\d{4}-\d{6}", pending.reference)
    assert (pending.status, pending.service_name, pending.start) == (
        "pending",
        "Consultation",
        start,
    )
    # It holds no slot: staff confirm it by hand.
    assert book(seeded, start).status_code == 201
    found = booking_lookup.get_by_reference(
        session=seeded, reference=pending.reference, email=VISITOR["email"]
    )
    assert found.phone == VISITOR["phone"]
    audit = seeded.exec(select(AuditLog).where(AuditLog.status == "pending")).one()
    assert audit.booking_reference == pending.reference


def test_list_bookings_filters_and_pages(seeded: Session, monkeypatch) -> None:
    monkeypatch.setenv("MAX_OPEN_BOOKINGS_PER_EMAIL", "10")
    get_settings.cache_clear()
    monday, tuesday = open_day(0), open_day(1)
    refs = [book(seeded, at(monday, t)).body["reference"] for t in ("09:00", "11:00", "13:00")]
    book(seeded, at(tuesday, "10:00"), email="grace@example.com")
    meeting_in = MeetingCreate(
        topic="Intro", start=at(monday, "16:00"), duration_minutes=30, **VISITOR
    )
    bookings.create_meeting(session=seeded, meeting_in=meeting_in)
    bookings.cancel(session=seeded, reference=refs[0], email=VISITOR["email"])

    everything = booking_lookup.list_bookings(session=seeded)
    assert everything.total == 5
    starts = [item.start for item in everything.items]
    assert starts == sorted(starts, reverse=True)
    page = booking_lookup.list_bookings(session=seeded, page=2, page_size=2)
    assert [i.reference for i in page.items] == [i.reference for i in everything.items[2:4]]
    assert (page.total, page.page, page.page_size) == (5, 2, 2)
    assert booking_lookup.list_bookings(session=seeded, kind="meeting").total == 1
    assert (
        booking_lookup.list_bookings(session=seeded, status="cancelled").items[0].reference
        == refs[0]
    )
    assert booking_lookup.list_bookings(session=seeded, email="GRACE@example.com").total == 1
    assert booking_lookup.list_bookings(session=seeded, date_from=monday, date_to=monday).total == 4
    assert (
        booking_lookup.list_bookings(session=seeded, reference=refs[1]).items[0].reference
        == refs[1]
    )


def test_staff_cancel_needs_no_email_and_logs_the_skipped_email(
    seeded: Session, caplog: pytest.LogCaptureFixture
) -> None:
    monday = open_day()
    reference = book(seeded, at(monday, "14:00")).body["reference"]
    with caplog.at_level("INFO"):
        cancelled = bookings.cancel_by_staff(
            session=seeded, reference=reference, staff_email="staff@example.com"
        )
    assert cancelled.status == "cancelled"
    assert f"email skipped for {reference}" in caplog.text
    assert "ada@example.com" not in caplog.text and "Ada Lovelace" not in caplog.text
    assert book(seeded, at(monday, "14:00")).status_code == 201
    with pytest.raises(BookingNotFoundError):
        bookings.cancel_by_staff(session=seeded, reference="BK-2020-0001")
