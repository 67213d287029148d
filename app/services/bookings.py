"""The booking backend: bookings and meetings checked against the task config, references,
slot claims that make double booking impossible, idempotent retries and staff follow-up.

Every function is keyword-only and takes the caller's session; routes, the dashboard and
the action server call these, none writes its own queries.

How double booking is prevented: a booking or meeting inserts one `slot_claims` row per
`CLAIM_STEP` cell of calendar time it covers, in the same transaction as the booking. The
UNIQUE(resource, slot_start) key lets only one of two concurrent inserts for the same cell
commit, on SQLite and PostgreSQL alike, whatever either request read before. A fixed 5-minute
cell (rather than each task's own slot length) makes a 15-minute meeting and a 60-minute
consultation collide whenever they overlap, even if an admin gives the tasks different slot
lengths.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, field_validator
from pydantic import Field as PydanticField
from sqlalchemy import delete, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.core import crypto, rate_limit
from app.core.settings import get_settings
from app.models import (
    Booking,
    BookingStatus,
    IdempotencyRecord,
    Meeting,
    OutboxEmail,
    SlotClaim,
    TaskConfigPublic,
    utcnow,
)
from app.services.audit import record_bot_action
from app.services.config import get_bot_settings, get_task_config

logger = logging.getLogger(__name__)

RESOURCE = "main"  # one calendar: bookings and meetings share the business's time
CLAIM_STEP = dt.timedelta(minutes=5)
ALTERNATIVE_COUNT = 3
ALTERNATIVE_SEARCH_DAYS = 14
BOOKING_TASK = "book_service"
MEETING_TASK = "schedule_meeting"
BOOKING_PREFIX, MEETING_PREFIX, PENDING_PREFIX = "BK", "MT", "PB"

Record = Booking | Meeting


# --- errors ---------------------------------------------------------------------------------


class BookingRuleError(ValueError):
    """A value the business rules refuse; `field` names it (422 in the API)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class SlotTakenError(Exception):
    """The time overlaps a live booking; `alternatives` are the nearest free starts."""

    def __init__(self, alternatives: list[dt.datetime]) -> None:
        super().__init__("slot_taken")
        self.alternatives = alternatives


class BookingNotFoundError(LookupError):
    """No booking with that reference and email (the two are never told apart)."""


class BookingStateError(Exception):
    """The booking cannot change in its status (`code`: booking_cancelled, booking_pending)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class LookupThrottledError(Exception):
    """Too many failed lookups for this email or reference; retry after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("too_many_lookups")
        self.retry_after = retry_after


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key was first used with different parameters."""


class IdempotencyInProgress(Exception):
    """A request with the same Idempotency-Key is still being processed."""


# --- shapes ---------------------------------------------------------------------------------


def _normalised_email(value: str) -> str:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address: {exc}") from exc


class _Contact(BaseModel):
    name: str = PydanticField(min_length=1, max_length=120)
    email: str = PydanticField(max_length=254)
    phone: str | None = PydanticField(default=None, max_length=40)
    conversation_id: str | None = PydanticField(default=None, max_length=255)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("a name is required")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return _normalised_email(value)

    @field_validator("phone")
    @classmethod
    def _blank_phone(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None


class BookingCreate(_Contact):
    """A visitor's request for a service at a start time (naive times are business-local)."""

    service_id: str = PydanticField(min_length=1, max_length=50)
    start: dt.datetime


class MeetingCreate(_Contact):
    """A visitor's request for a meeting on a topic."""

    topic: str = PydanticField(min_length=1, max_length=200)
    start: dt.datetime
    duration_minutes: int


class RescheduleRequest(BaseModel):
    """A new start for an existing booking, proven by the email it was made with."""

    email: str = PydanticField(max_length=254)
    start: dt.datetime
    conversation_id: str | None = PydanticField(default=None, max_length=255)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return _normalised_email(value)


class BookingPublic(BaseModel):
    """A booking or meeting as it leaves the server (contact details decrypted)."""

    reference: str
    kind: str  # booking | meeting
    status: str
    service_id: str | None = None
    service_name: str | None = None
    price: float | None = None
    start: dt.datetime  # business timezone, with offset
    end: dt.datetime
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    topic: str | None = None
    duration_minutes: int
    conversation_id: str | None = None
    created_at: dt.datetime | None = None


@dataclass
class Outcome:
    """What a write returned, and whether it is the replay of an earlier identical request."""

    status_code: int
    body: dict[str, Any]
    replayed: bool = False


@dataclass
class BookingPage:
    """One page of bookings and meetings for the dashboard, newest start first."""

    items: list[BookingPublic]
    total: int
    offset: int
    limit: int


# --- small helpers --------------------------------------------------------------------------


def business_zone() -> ZoneInfo:
    """The business's timezone (bot settings), in which hours and dates are meant."""
    return ZoneInfo(get_bot_settings().timezone)


def _aware(start: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A naive start is business-local time; anything else keeps its offset."""
    return start.replace(tzinfo=zone) if start.tzinfo is None else start


def _kind_of(reference: str) -> str:
    return "meeting" if reference.upper().startswith(MEETING_PREFIX + "-") else "booking"


def _model_for(reference: str) -> type[Record]:
    return Meeting if _kind_of(reference) == "meeting" else Booking


def to_public(record: Record) -> BookingPublic:
    """The public shape of a stored booking or meeting, times in the business's timezone."""
    zone = business_zone()
    is_meeting = isinstance(record, Meeting)
    minutes = int((record.end_at - record.start_at).total_seconds() // 60)
    return BookingPublic(
        reference=record.reference,
        kind="meeting" if is_meeting else "booking",
        status=record.status,
        service_id=None if is_meeting else record.service_id,
        service_name=None if is_meeting else record.service_name,
        price=None if is_meeting else record.price,
        start=record.start_at.astimezone(zone),
        end=record.end_at.astimezone(zone),
        name=crypto.decrypt(record.name_encrypted),
        email=crypto.decrypt(record.email_encrypted),
        phone=crypto.decrypt(record.phone_encrypted),
        topic=record.topic if is_meeting else None,
        duration_minutes=record.duration_minutes if is_meeting else minutes,
        conversation_id=record.conversation_id,
        created_at=record.created_at,
    )


def _task(name: str, field: str) -> TaskConfigPublic:
    config = get_task_config(name)
    if config is None:
        raise BookingRuleError(field, f"the business has no {name} task configured")
    return config


def _phone(value: str | None, *, required: bool) -> str | None:
    """E.164 form of a phone number read with the business's default region."""
    if value is None:
        if required:
            raise BookingRuleError("phone", "a phone number is required")
        return None
    region = get_bot_settings().default_phone_region
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise BookingRuleError("phone", "not a phone number we can read") from exc
    if not phonenumbers.is_valid_number(number):
        raise BookingRuleError("phone", "not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_start(
    config: TaskConfigPublic, start: dt.datetime, duration: dt.timedelta, *, field: str = "start"
) -> None:
    """Raise BookingRuleError unless `start` is a bookable future slot of that length."""
    zone = business_zone()
    local = start.astimezone(zone)
    if start <= utcnow():
        raise BookingRuleError(field, "that time is in the past")
    day = local.date()
    hours = config.hours_on(day)
    if hours is None:
        if day in config.blocked_dates:
            raise BookingRuleError(field, f"we are closed on {day:%A %d %B %Y}")
        raise BookingRuleError(field, f"we are closed on {day:%A}s")
    opens = dt.datetime.combine(day, dt.time.fromisoformat(hours.start), zone)
    closes = dt.datetime.combine(day, dt.time.fromisoformat(hours.end), zone)
    if local < opens or local + duration > closes:
        minutes = int(duration.total_seconds() // 60)
        raise BookingRuleError(
            field,
            f"outside business hours: on {day:%A}s we are open {hours.start}-{hours.end} "
            f"and a {minutes}-minute appointment must end by {hours.end}",
        )
    offset = local - opens
    if offset % dt.timedelta(minutes=config.slot_minutes) or local.second or local.microsecond:
        raise BookingRuleError(
            field, f"appointments start every {config.slot_minutes} minutes from {hours.start}"
        )


def _cells(start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """The CLAIM_STEP cells (aware UTC) that [start, end) touches."""
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    first = epoch + ((start.astimezone(dt.UTC) - epoch) // CLAIM_STEP) * CLAIM_STEP
    cells = []
    cell = first
    while cell < end:
        cells.append(cell)
        cell += CLAIM_STEP
    return cells


def _claim(session: Session, reference: str, start: dt.datetime, end: dt.datetime) -> None:
    """Insert the claims in ascending order and flush; IntegrityError means the time is taken."""
    session.add_all(
        SlotClaim(resource=RESOURCE, slot_start=cell, reference=reference)
        for cell in _cells(start, end)
    )
    session.flush()


def _release(session: Session, reference: str) -> None:
    session.execute(delete(SlotClaim).where(col(SlotClaim.reference) == reference))


def _claimed_cells(session: Session, start: dt.datetime, end: dt.datetime) -> set[dt.datetime]:
    rows = session.exec(
        select(SlotClaim.slot_start).where(
            SlotClaim.resource == RESOURCE,
            col(SlotClaim.slot_start) >= start - CLAIM_STEP,
            col(SlotClaim.slot_start) < end,
        )
    ).all()
    return {row.astimezone(dt.UTC) for row in rows}


def _candidate_starts(
    config: TaskConfigPublic, day: dt.date, duration: dt.timedelta
) -> list[dt.datetime]:
    """Every slot start on `day` where an appointment of `duration` fits in the hours."""
    hours = config.hours_on(day)
    if hours is None:
        return []
    zone = business_zone()
    opens = dt.datetime.combine(day, dt.time.fromisoformat(hours.start), zone)
    closes = dt.datetime.combine(day, dt.time.fromisoformat(hours.end), zone)
    step = dt.timedelta(minutes=config.slot_minutes)
    starts = []
    start = opens
    while start + duration <= closes:
        starts.append(start)
        start += step
    return starts


def free_starts(
    *, session: Session, config: TaskConfigPublic, day: dt.date, duration: dt.timedelta
) -> list[dt.datetime]:
    """The future starts on `day` (business-local date) that are open and not taken."""
    candidates = [s for s in _candidate_starts(config, day, duration) if s > utcnow()]
    if not candidates:
        return []
    taken = _claimed_cells(session, candidates[0], candidates[-1] + duration)
    return [s for s in candidates if not taken.intersection(_cells(s, s + duration))]


def nearest_free_starts(
    *,
    session: Session,
    config: TaskConfigPublic,
    wanted: dt.datetime,
    duration: dt.timedelta,
    count: int = ALTERNATIVE_COUNT,
) -> list[dt.datetime]:
    """The `count` free starts closest to `wanted` (same day first, then the days after)."""
    zone = business_zone()
    first_day = wanted.astimezone(zone).date()
    found: list[dt.datetime] = []
    for offset in range(ALTERNATIVE_SEARCH_DAYS):
        found += free_starts(
            session=session,
            config=config,
            day=first_day + dt.timedelta(days=offset),
            duration=duration,
        )
        if len(found) >= count * 3:
            break
    nearest = sorted(found, key=lambda s: abs(s - wanted))[:count]
    return sorted(nearest)


def _next_reference(session: Session, prefix: str) -> str:
    """A new random reference like BK-2026-481390, unused by any booking or meeting.

    Random, not sequential: a sequence lets anyone who knows a visitor's email walk the
    numbers in chat. Six digits keep it easy to read out on the phone; failed lookups are
    throttled per email and per reference (`_find_for`), so guessing does not pay.
    """
    year = utcnow().astimezone(business_zone()).year
    model = _model_for(f"{prefix}-")
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
            raise BookingRuleError(
                "email",
                f"there are already {open_count} upcoming bookings for this "
                f"{'email address' if field == 'email' else 'conversation'}; cancel one or "
                "contact us to book more",
            )


# --- idempotency ----------------------------------------------------------------------------


def request_fingerprint(scope: str, payload: dict[str, Any]) -> str:
    """HMAC of the request's parameters (keyed: the payload holds the visitor's details)."""
    return crypto.digest(scope, json.dumps(payload, sort_keys=True, default=str))


def _find_key(session: Session, key: str) -> IdempotencyRecord | None:
    return session.exec(select(IdempotencyRecord).where(IdempotencyRecord.key == key)).first()


def _replay(record: IdempotencyRecord, fingerprint: str) -> Outcome:
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused
    if record.status_code is None or not record.response_body:
        raise IdempotencyInProgress
    # The stored body holds the visitor's details, so it is sealed like the booking's.
    body = json.loads(crypto.decrypt(record.response_body["sealed"]) or "{}")
    return Outcome(status_code=record.status_code, body=body, replayed=True)


def _replay_committed(session: Session, key: str, fingerprint: str) -> Outcome:
    """After losing the race for a key: replay what the winner stored."""
    for _ in range(50):  # SQLite: the winner may still be committing
        session.rollback()
        record = _find_key(session, key)
        if record is not None and record.status_code is not None:
            return _replay(record, fingerprint)
        time.sleep(0.1)
    raise IdempotencyInProgress


def enqueue_email(session: Session, booking: BookingPublic, event: str) -> None:
    """Write the booking's email to the outbox, in the caller's transaction (it commits)."""
    body = booking.model_dump(mode="json")
    session.add(
        OutboxEmail(
            reference=booking.reference,
            event=event,
            payload_sealed=crypto.encrypt(json.dumps(body)),
        )
    )


def run_idempotent(
    *,
    session: Session,
    key: str | None,
    scope: str,
    fingerprint: str,
    status_code: int,
    write: Callable[[], BookingPublic],
    email_event: str | None = None,
) -> Outcome:
    """Run `write` once per Idempotency-Key: the key row is inserted first, so a concurrent
    duplicate waits on it and then replays; the response is stored in the same transaction
    as the booking, so a retry after a lost response replays it. Only successes are stored:
    a refused request changed nothing and may be retried as it is."""
    record = None
    if key:
        existing = _find_key(session, key)
        if existing is not None:
            return _replay(existing, fingerprint)
        record = IdempotencyRecord(key=key, endpoint=scope, request_hash=fingerprint)
        session.add(record)
        try:
            session.flush()
        except IntegrityError:
            return _replay_committed(session, key, fingerprint)
    public = write()
    body = public.model_dump(mode="json")
    if email_event:
        enqueue_email(session, public, email_event)  # committed with the booking, or not at all
    if record is not None:
        record.status_code = status_code
        record.response_body = {"sealed": crypto.encrypt(json.dumps(body))}
        session.add(record)
    session.commit()
    return Outcome(status_code=status_code, body=body)


# --- creating -------------------------------------------------------------------------------


def _user_data(contact: _Contact | None, **extra: Any) -> dict[str, Any]:
    data = dict(extra)
    if contact is not None:
        data.update(name=contact.name, email=contact.email, phone=contact.phone)
    return data


def _insert_claimed(
    session: Session, record: Record, config: TaskConfigPublic, duration: dt.timedelta
) -> None:
    """Add the record with its claims; on a clash roll back and raise SlotTakenError."""
    session.add(record)
    try:
        _claim(session, record.reference, record.start_at, record.end_at)
    except IntegrityError:
        session.rollback()
        alternatives = nearest_free_starts(
            session=session, config=config, wanted=record.start_at, duration=duration
        )
        logger.info(
            "slot taken at %s; offering %d alternatives", record.start_at, len(alternatives)
        )
        raise SlotTakenError(alternatives) from None


def create_booking(
    *, session: Session, booking_in: BookingCreate, idempotency_key: str | None = None
) -> Outcome:
    """Book a service (201). Raises BookingRuleError, SlotTakenError, IdempotencyKeyReused."""
    config = _task(BOOKING_TASK, "service_id")
    service = next((s for s in config.services if s.id == booking_in.service_id), None)
    if service is None or not service.enabled:
        offered = ", ".join(s.id for s in config.enabled_services) or "none"
        raise BookingRuleError("service_id", f"no such service; we offer: {offered}")
    start = _aware(booking_in.start, business_zone()).astimezone(dt.UTC)
    duration = dt.timedelta(minutes=service.duration_minutes)
    check_start(config, start, duration)
    phone = _phone(booking_in.phone, required="phone" in config.required_fields)

    def write() -> BookingPublic:
        _check_open_bookings(session, booking_in.email, booking_in.conversation_id)
        reference = _next_reference(session, BOOKING_PREFIX)
        booking = Booking(
            reference=reference,
            service_id=service.id,
            service_name=service.name,
            price=service.price,
            start_at=start,
            end_at=start + duration,
            name_encrypted=crypto.encrypt(booking_in.name),
            email_encrypted=crypto.encrypt(booking_in.email),
            phone_encrypted=crypto.encrypt(phone),
            email_digest=crypto.digest(booking_in.email),
            conversation_id=booking_in.conversation_id,
        )
        _insert_claimed(session, booking, config, duration)
        record_bot_action(
            session=session,
            action="create_booking",
            reference=reference,
            user_data=_user_data(booking_in, service_id=service.id, start=start.isoformat()),
            conversation_id=booking_in.conversation_id,
            status="ok",
            commit=False,
        )
        logger.info("booking %s created for %s", reference, service.id)
        return to_public(booking)

    payload = booking_in.model_dump(mode="json") | {"start": start.isoformat(), "phone": phone}
    return run_idempotent(
        session=session,
        key=idempotency_key,
        scope="POST /bookings",
        fingerprint=request_fingerprint("POST /bookings", payload),
        status_code=201,
        write=write,
        email_event="confirmed",
    )


def create_meeting(
    *, session: Session, meeting_in: MeetingCreate, idempotency_key: str | None = None
) -> Outcome:
    """Schedule a meeting (201); it shares the calendar with bookings."""
    config = _task(MEETING_TASK, "topic")
    if meeting_in.duration_minutes not in config.durations:
        offered = ", ".join(str(d) for d in config.durations)
        raise BookingRuleError("duration_minutes", f"meetings last {offered} minutes")
    start = _aware(meeting_in.start, business_zone()).astimezone(dt.UTC)
    duration = dt.timedelta(minutes=meeting_in.duration_minutes)
    check_start(config, start, duration)
    phone = _phone(meeting_in.phone, required="phone" in config.required_fields)
    topic = " ".join(meeting_in.topic.split())

    def write() -> BookingPublic:
        _check_open_bookings(session, meeting_in.email, meeting_in.conversation_id)
        reference = _next_reference(session, MEETING_PREFIX)
        meeting = Meeting(
            reference=reference,
            topic=topic,
            start_at=start,
            end_at=start + duration,
            duration_minutes=meeting_in.duration_minutes,
            name_encrypted=crypto.encrypt(meeting_in.name),
            email_encrypted=crypto.encrypt(meeting_in.email),
            phone_encrypted=crypto.encrypt(phone),
            email_digest=crypto.digest(meeting_in.email),
            conversation_id=meeting_in.conversation_id,
        )
        _insert_claimed(session, meeting, config, duration)
        record_bot_action(
            session=session,
            action="create_meeting",
            reference=reference,
            user_data=_user_data(meeting_in, topic=topic, start=start.isoformat()),
            conversation_id=meeting_in.conversation_id,
            status="ok",
            commit=False,
        )
        logger.info("meeting %s scheduled", reference)
        return to_public(meeting)

    payload = meeting_in.model_dump(mode="json") | {"start": start.isoformat(), "phone": phone}
    return run_idempotent(
        session=session,
        key=idempotency_key,
        scope="POST /meetings",
        fingerprint=request_fingerprint("POST /meetings", payload),
        status_code=201,
        write=write,
        email_event="confirmed",
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
        record = _find_key(session, idempotency_key)
        if record is not None and record.status_code is not None and record.response_body:
            body = json.loads(crypto.decrypt(record.response_body["sealed"]) or "{}")
            logger.info("pending request not saved: the booking API had committed it")
            return BookingPublic.model_validate(body)
    zone = business_zone()
    start = _aware(start, zone).astimezone(dt.UTC)
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


# --- finding, rescheduling, cancelling ------------------------------------------------------


def _find(session: Session, reference: str, *, lock: bool = False) -> Record | None:
    model = _model_for(reference)
    query = select(model).where(model.reference == reference.strip().upper())
    if lock:
        query = query.with_for_update()
    return session.exec(query).first()


def _find_for(session: Session, reference: str, email: str, *, lock: bool = False) -> Record:
    """The record with that reference made with that email; else BookingNotFoundError.

    Failed lookups are counted per email and per reference (LookupThrottledError past the
    BOOKING_LOOKUP_FAILURE_LIMITS): knowing an email must not allow walking references,
    nor knowing a reference guessing its email.
    """
    limits = get_settings().booking_lookup_failure_limits
    keys = [("lookup-fail-email", crypto.digest(email)), ("lookup-fail-ref", reference.upper())]
    waits = [rate_limit.exceeded(limits, *key) for key in keys]
    if any(waits):
        raise LookupThrottledError(max(w for w in waits if w))
    record = _find(session, reference, lock=lock)
    if record is None or record.email_digest != crypto.digest(email):
        for key in keys:
            rate_limit.hit(limits, *key)
        raise BookingNotFoundError(reference)
    return record


def get_by_reference(*, session: Session, reference: str, email: str) -> BookingPublic:
    """A booking or meeting (BK-, MT-, PB-) if `email` is the one it was made with."""
    return to_public(_find_for(session, reference, email))


def _task_for(record: Record) -> TaskConfigPublic:
    return _task(MEETING_TASK if isinstance(record, Meeting) else BOOKING_TASK, "start")


def reschedule(
    *,
    session: Session,
    reference: str,
    change: RescheduleRequest,
    idempotency_key: str | None = None,
) -> Outcome:
    """Move a live booking or meeting to a new start, moving its claims atomically (200)."""
    start = _aware(change.start, business_zone()).astimezone(dt.UTC)
    current = _find_for(session, reference, change.email)
    if current.status != BookingStatus.confirmed:
        raise BookingStateError(f"booking_{current.status}")
    config = _task_for(current)
    duration = current.end_at - current.start_at
    check_start(config, start, duration)
    scope = f"PUT {current.reference}"
    payload = {"email": change.email, "start": start.isoformat()}

    def write() -> BookingPublic:
        record = _find_for(session, reference, change.email, lock=True)
        if record.status != BookingStatus.confirmed:  # cancelled meanwhile
            session.rollback()
            raise BookingStateError(f"booking_{record.status}")
        previous = record.start_at
        _release(session, record.reference)
        record.start_at, record.end_at = start, start + duration
        record.updated_at = utcnow()
        _insert_claimed(session, record, config, duration)
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
        return to_public(record)

    return run_idempotent(
        session=session,
        key=idempotency_key,
        scope=scope,
        fingerprint=request_fingerprint(scope, payload),
        status_code=200,
        write=write,
        email_event="rescheduled",
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
    _release(session, record.reference)
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
    record = _find_for(session, reference, email, lock=True)
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
    record = _find(session, reference, lock=True)
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
        from app.services.outbox import deliver_pending  # outbox builds on this module

        deliver_pending()  # the cancellation email, written with the cancellation
    return to_public(record)


# --- availability and lists -----------------------------------------------------------------


def availability(
    *, session: Session, service_id: str, day: dt.date, duration_minutes: int | None = None
) -> list[dt.datetime]:
    """Free starts (business timezone) on `day` for a service, or for `meeting` of a length."""
    if service_id == "meeting":
        config = _task(MEETING_TASK, "service")
        minutes = duration_minutes or min(config.durations)
        if minutes not in config.durations:
            raise BookingRuleError("duration", f"meetings last {config.durations} minutes")
    else:
        config = _task(BOOKING_TASK, "service")
        service = next((s for s in config.enabled_services if s.id == service_id), None)
        if service is None:
            offered = ", ".join(s.id for s in config.enabled_services) or "none"
            raise BookingRuleError("service", f"no such service; we offer: {offered}")
        minutes = service.duration_minutes
    return free_starts(
        session=session, config=config, day=day, duration=dt.timedelta(minutes=minutes)
    )


def _filtered(
    model: type[Record],
    *,
    status: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    email: str | None,
    reference: str | None,
) -> list[Any]:
    zone = business_zone()
    conditions: list[Any] = []
    if status:
        conditions.append(model.status == status)
    if date_from:
        conditions.append(model.start_at >= dt.datetime.combine(date_from, dt.time(), zone))
    if date_to:
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone)
        conditions.append(model.start_at < end)
    if email:
        conditions.append(model.email_digest == crypto.digest(email))
    if reference:
        conditions.append(col(model.reference).startswith(reference.strip().upper()))
    return conditions


def list_bookings(
    *,
    session: Session,
    kind: str | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    email: str | None = None,
    reference: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> BookingPage:
    """Bookings and meetings (kind None: both), newest start first, filtered and paged."""
    models: list[type[Record]] = {"booking": [Booking], "meeting": [Meeting]}.get(
        kind or "", [Booking, Meeting]
    )
    filters = {
        "status": status,
        "date_from": date_from,
        "date_to": date_to,
        "email": email,
        "reference": reference,
    }
    total = 0
    rows: list[Record] = []
    for model in models:
        conditions = _filtered(model, **filters)
        total += session.exec(select(func.count()).select_from(model).where(*conditions)).one()
        rows += session.exec(
            select(model)
            .where(*conditions)
            .order_by(col(model.start_at).desc())
            .limit(offset + limit)
        ).all()
    rows.sort(key=lambda r: r.start_at, reverse=True)
    items = [to_public(r) for r in rows[offset : offset + limit]]
    return BookingPage(items=items, total=total, offset=offset, limit=limit)


def purge_idempotency_keys(*, session: Session, older_than: dt.timedelta | None = None) -> int:
    """Forget stored responses older than `older_than` (default IDEMPOTENCY_KEY_DAYS).

    Retries come within minutes (Stripe keeps keys 24 hours); a kept response is only
    sealed visitor details. Run at every start and by `python -m app.cli purge`.
    """
    cutoff = utcnow() - (older_than or dt.timedelta(days=get_settings().idempotency_key_days))
    result = session.execute(
        delete(IdempotencyRecord).where(col(IdempotencyRecord.created_at) < cutoff)
    )
    session.commit()
    return result.rowcount or 0


__all__ = [
    "BookingCreate",
    "BookingNotFoundError",
    "BookingPage",
    "BookingPublic",
    "BookingRuleError",
    "BookingStateError",
    "IdempotencyInProgress",
    "IdempotencyKeyReused",
    "LookupThrottledError",
    "MeetingCreate",
    "Outcome",
    "RescheduleRequest",
    "SlotTakenError",
    "availability",
    "business_zone",
    "cancel",
    "cancel_by_staff",
    "check_start",
    "create_booking",
    "create_meeting",
    "free_starts",
    "get_by_reference",
    "list_bookings",
    "nearest_free_starts",
    "purge_idempotency_keys",
    "reschedule",
    "save_pending_request",
    "to_public",
]
