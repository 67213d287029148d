"""The booking lifecycle: bookings and meetings created, found, rescheduled and cancelled,
checked against the task config, with references, staff follow-up and the dashboard's list.

Every function is keyword-only and takes the caller's session; routes, the dashboard and
the action server call these, none writes its own queries. Times and claims are the
calendar's (`app.services.calendar`), retries are made safe by `app.services.idempotency`.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from typing import Any

import phonenumbers
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core import crypto
from app.core.settings import get_settings
from app.models import (
    Booking,
    BookingBase,
    BookingCreate,
    BookingPublic,
    BookingStatus,
    FieldRefused,
    Meeting,
    MeetingCreate,
    RescheduleRequest,
    TaskConfigPublic,
    utcnow,
)
from app.services.audit import record_bot_action
from app.services.booking_lookup import (
    MEETING_PREFIX,
    BookingNotFoundError,
    Record,
    find,
    find_for,
    model_for,
    to_public,
)
from app.services.calendar import (
    BOOKING_TASK,
    MEETING_TASK,
    aware,
    business_zone,
    check_start,
    insert_claimed,
    release,
    task_config,
)
from app.services.config import get_bot_settings, get_task_config
from app.services.idempotency import (
    WriteResult,
    find_key,
    request_fingerprint,
    run_idempotent,
    stored_body,
)
from app.services.outbox import deliver_pending, enqueue_email

logger = logging.getLogger(__name__)

BOOKING_PREFIX, PENDING_PREFIX = "BK", "PB"


class BookingStateError(Exception):
    """The booking cannot change in its status (`code`: booking_cancelled, booking_pending)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _phone(value: str | None, *, required: bool) -> str | None:
    """E.164 form of a phone number read with the business's default region."""
    if value is None:
        if required:
            raise FieldRefused("phone", "a phone number is required")
        return None
    region = get_bot_settings().default_phone_region
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise FieldRefused("phone", "not a phone number we can read") from exc
    if not phonenumbers.is_valid_number(number):
        raise FieldRefused("phone", "not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _next_reference(session: Session, prefix: str) -> str:
    """A new random reference like BK-2026-481390, unused by any booking or meeting.

    Random, not sequential: a sequence lets anyone who knows a visitor's email walk the
    numbers in chat. Six digits keep it easy to read out on the phone; failed lookups are
    throttled per email and per reference (`booking_lookup.find_for`), so guessing does not pay.
    """
    year = utcnow().astimezone(business_zone()).year
    model = model_for(f"{prefix}-")
    while True:
        reference = f"{prefix}-{year}-{secrets.randbelow(1_000_000):06d}"
        if session.exec(select(model.id).where(model.reference == reference)).first() is None:
            return reference


def _check_open_bookings(session: Session, email: str, conversation_id: str | None) -> None:
    """Refuse a new booking past the cap of upcoming ones per email and per conversation.

    Without it one visitor could fill the calendar, or have confirmations sent to any address.
    """
    settings = get_settings()
    now = utcnow()
    checks = [
        ("email", settings.max_open_bookings_per_email, "email_digest", crypto.digest(email)),
        ("conversation_id", settings.max_open_bookings_per_conversation, "conversation_id",
         conversation_id),
    ]  # fmt: skip
    for field, cap, column, value in checks:
        if value is None:
            continue
        open_count = 0
        for model in (Booking, Meeting):
            open_count += session.exec(
                select(func.count())
                .select_from(model)
                .where(
                    getattr(model, column) == value,
                    col(model.status).in_([BookingStatus.confirmed, BookingStatus.pending]),
                    model.start_at > now,
                )
            ).one()
        if open_count >= cap:
            logger.warning("booking refused: %s already has %d upcoming bookings", field, cap)
            raise FieldRefused(
                "email",
                f"there are already {open_count} upcoming bookings for this "
                f"{'email address' if field == 'email' else 'conversation'}; cancel one or "
                "contact us to book more",
            )


def _user_data(contact: BookingBase | None, **extra: Any) -> dict[str, Any]:
    data = dict(extra)
    if contact is not None:
        data.update(name=contact.name, email=contact.email, phone=contact.phone)
    return data


def _create(
    *,
    session: Session,
    model: type[Record],
    contact: BookingBase,
    config: TaskConfigPublic,
    duration: dt.timedelta,
    details: dict[str, Any],
    scope: str,
    idempotency_key: str | None,
) -> WriteResult:
    """Check the start and contact, then write the booking or meeting once per key (201)."""
    start = aware(contact.start, business_zone()).astimezone(dt.UTC)
    check_start(config, start, duration)
    phone = _phone(contact.phone, required="phone" in config.required_fields)
    kind = "meeting" if model is Meeting else "booking"

    def write() -> BookingPublic:
        _check_open_bookings(session, contact.email, contact.conversation_id)
        reference = _next_reference(
            session, MEETING_PREFIX if kind == "meeting" else BOOKING_PREFIX
        )
        record = model(
            reference=reference,
            **details,
            start_at=start,
            end_at=start + duration,
            name_encrypted=crypto.encrypt(contact.name),
            email_encrypted=crypto.encrypt(contact.email),
            phone_encrypted=crypto.encrypt(phone),
            email_digest=crypto.digest(contact.email),
            conversation_id=contact.conversation_id,
        )
        insert_claimed(session, record, config, duration)
        audited = {k: v for k, v in details.items() if k in ("service_id", "topic")}
        record_bot_action(
            session=session,
            action=f"create_{kind}",
            reference=reference,
            user_data=_user_data(contact, **audited, start=start.isoformat()),
            conversation_id=contact.conversation_id,
            status="ok",
            commit=False,
        )
        if kind == "meeting":
            logger.info("meeting %s scheduled", reference)
        else:
            logger.info("booking %s created for %s", reference, details["service_id"])
        public = to_public(record)
        enqueue_email(session, public, "confirmed")  # committed with the booking, or not at all
        return public

    payload = contact.model_dump(mode="json") | {"start": start.isoformat(), "phone": phone}
    return run_idempotent(
        session=session,
        key=idempotency_key,
        scope=scope,
        fingerprint=request_fingerprint(scope, payload),
        status_code=201,
        write=write,
    )


def create_booking(
    *, session: Session, booking_in: BookingCreate, idempotency_key: str | None = None
) -> WriteResult:
    """Book a service (201). Raises FieldRefused, SlotTakenError, IdempotencyKeyReused."""
    config = task_config(BOOKING_TASK, "service_id")
    service = next((s for s in config.services if s.id == booking_in.service_id), None)
    if service is None or not service.enabled:
        offered = ", ".join(s.id for s in config.enabled_services) or "none"
        raise FieldRefused("service_id", f"no such service; we offer: {offered}")
    details = {"service_id": service.id, "service_name": service.name, "price": service.price}
    return _create(
        session=session,
        model=Booking,
        contact=booking_in,
        config=config,
        duration=dt.timedelta(minutes=service.duration_minutes),
        details=details,
        scope="POST /bookings",
        idempotency_key=idempotency_key,
    )


def create_meeting(
    *, session: Session, meeting_in: MeetingCreate, idempotency_key: str | None = None
) -> WriteResult:
    """Schedule a meeting (201); it shares the calendar with bookings."""
    config = task_config(MEETING_TASK, "topic")
    if meeting_in.duration_minutes not in config.durations:
        offered = ", ".join(str(d) for d in config.durations)
        raise FieldRefused("duration_minutes", f"meetings last {offered} minutes")
    details = {
        "topic": " ".join(meeting_in.topic.split()),
        "duration_minutes": meeting_in.duration_minutes,
    }
    return _create(
        session=session,
        model=Meeting,
        contact=meeting_in,
        config=config,
        duration=dt.timedelta(minutes=meeting_in.duration_minutes),
        details=details,
        scope="POST /meetings",
        idempotency_key=idempotency_key,
    )


def save_pending_request(
    *,
    session: Session,
    kind: str,
    start: dt.datetime,
    name: str,
    email: str,
    phone: str | None = None,
    service_id: str | None = None,
    topic: str | None = None,
    duration_minutes: int | None = None,
    conversation_id: str | None = None,
    reason: str | None = None,
    idempotency_key: str | None = None,
) -> BookingPublic:
    """Keep a request the booking API could not take as a pending `PB-` booking for staff.

    Nothing is validated or claimed: whatever the visitor typed is kept so that staff can
    call back; the row shows in the dashboard's list with status pending.

    But first the request's Idempotency-Key is looked up: after a timeout the booking API
    may well have committed the booking. Then that booking is returned (status confirmed)
    and nothing pending is saved, so the visitor is not told "nothing confirmed" and then
    sent a confirmation.
    """
    if idempotency_key:
        record = find_key(session, idempotency_key)
        if record is not None and record.status_code is not None and record.response_body:
            logger.info("pending request not saved: the booking API had committed it")
            return BookingPublic.model_validate(stored_body(record))
    zone = business_zone()
    start = aware(start, zone).astimezone(dt.UTC)
    service_name, price, minutes = "Meeting", 0.0, duration_minutes or 30
    if kind != "meeting":
        config = get_task_config(BOOKING_TASK)
        service = next((s for s in (config.services if config else []) if s.id == service_id), None)
        service_name = service.name if service else (service_id or "unknown service")
        price = service.price if service else 0.0
        minutes = service.duration_minutes if service else minutes
    reference = _next_reference(session, PENDING_PREFIX)
    notes = [f"topic: {topic}"] if topic else []
    notes += [f"reason: {reason}"] if reason else []
    booking = Booking(
        reference=reference,
        service_id=(service_id or "meeting")[:50],
        service_name=service_name[:80],
        price=price,
        start_at=start,
        end_at=start + dt.timedelta(minutes=minutes),
        status=BookingStatus.pending,
        name_encrypted=crypto.encrypt(name),
        email_encrypted=crypto.encrypt(email.strip()),
        phone_encrypted=crypto.encrypt(phone),
        email_digest=crypto.digest(email),
        conversation_id=conversation_id,
        notes="; ".join(notes) or None,
    )
    session.add(booking)
    record_bot_action(
        session=session,
        action="create_meeting" if kind == "meeting" else "create_booking",
        reference=reference,
        user_data={"name": name, "email": email, "phone": phone, "start": start.isoformat()},
        conversation_id=conversation_id,
        status="pending",
        commit=False,
    )
    session.commit()
    logger.warning("booking API unreachable: request kept as pending %s", reference)
    return to_public(booking)


def _task_for(record: Record) -> TaskConfigPublic:
    return task_config(MEETING_TASK if isinstance(record, Meeting) else BOOKING_TASK, "start")


def reschedule(
    *,
    session: Session,
    reference: str,
    change: RescheduleRequest,
    idempotency_key: str | None = None,
) -> WriteResult:
    """Move a live booking or meeting to a new start, moving its claims atomically (200)."""
    start = aware(change.start, business_zone()).astimezone(dt.UTC)
    current = find_for(session, reference, change.email)
    if current.status != BookingStatus.confirmed:
        raise BookingStateError(f"booking_{current.status}")
    config = _task_for(current)
    duration = current.end_at - current.start_at
    check_start(config, start, duration)
    scope = f"PUT {current.reference}"
    payload = {"email": change.email, "start": start.isoformat()}

    def write() -> BookingPublic:
        record = find_for(session, reference, change.email, lock=True)
        if record.status != BookingStatus.confirmed:  # cancelled meanwhile
            session.rollback()
            raise BookingStateError(f"booking_{record.status}")
        previous = record.start_at
        release(session, record.reference)
        record.start_at, record.end_at = start, start + duration
        record.updated_at = utcnow()
        insert_claimed(session, record, config, duration)
        kind = "meeting" if isinstance(record, Meeting) else "booking"
        record_bot_action(
            session=session,
            action=f"reschedule_{kind}",
            reference=record.reference,
            user_data={
                "email": change.email,
                "from": previous.isoformat(),
                "to": start.isoformat(),
            },
            conversation_id=change.conversation_id,
            status="ok",
            commit=False,
        )
        logger.info("%s rescheduled", record.reference)
        public = to_public(record)
        enqueue_email(session, public, "rescheduled")  # committed with the move, or not at all
        return public

    return run_idempotent(
        session=session,
        key=idempotency_key,
        scope=scope,
        fingerprint=request_fingerprint(scope, payload),
        status_code=200,
        write=write,
    )


def _cancel_record(
    session: Session,
    record: Record,
    *,
    action: str,
    conversation_id: str | None,
    detail: str,
    notify: bool = True,
) -> None:
    record.status = BookingStatus.cancelled
    record.cancelled_at = record.updated_at = utcnow()
    release(session, record.reference)
    session.add(record)
    record_bot_action(
        session=session,
        action=action,
        reference=record.reference,
        user_data={"email": crypto.decrypt(record.email_encrypted), "detail": detail},
        conversation_id=conversation_id,
        status="ok",
        commit=False,
    )
    if notify:
        enqueue_email(session, to_public(record), "cancelled")
    session.commit()
    logger.info("%s cancelled (%s)", record.reference, detail)


def cancel(
    *, session: Session, reference: str, email: str, conversation_id: str | None = None
) -> tuple[BookingPublic, bool]:
    """Cancel by reference and email, freeing the time; (record, whether it changed now)."""
    record = find_for(session, reference, email, lock=True)
    if record.status == BookingStatus.cancelled:
        return to_public(record), False
    kind = "meeting" if isinstance(record, Meeting) else "booking"
    _cancel_record(
        session, record, action=f"cancel_{kind}", conversation_id=conversation_id, detail="visitor"
    )
    return to_public(record), True


def cancel_by_staff(
    *, session: Session, reference: str, staff_email: str | None = None, notify: bool = True
) -> BookingPublic:
    """Staff cancel any booking by reference; the visitor gets a cancellation email."""
    record = find(session, reference, lock=True)
    if record is None:
        raise BookingNotFoundError(reference)
    if record.status == BookingStatus.cancelled:
        return to_public(record)
    _cancel_record(
        session,
        record,
        action="staff_cancel",
        conversation_id=record.conversation_id,
        detail=f"staff {staff_email or 'unknown'}",
        notify=notify,
    )
    if notify:
        deliver_pending()  # the cancellation email, written with the cancellation
    return to_public(record)
