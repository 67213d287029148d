"""Finding bookings and meetings: by reference and email (throttled), or filtered and paged
for the dashboard, in their public shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core import crypto, rate_limit
from app.core.settings import get_settings
from app.models import Booking, BookingPublic, Meeting, Page
from app.services.calendar import business_zone

MEETING_PREFIX = "MT"

Record = Booking | Meeting


class BookingNotFoundError(LookupError):
    """No booking with that reference and email (the two are never told apart)."""


class LookupThrottledError(Exception):
    """Too many failed lookups for this email or reference; retry after `retry_after` s."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("too_many_lookups")
        self.retry_after = retry_after


def kind_of(reference: str) -> str:
    return "meeting" if reference.upper().startswith(MEETING_PREFIX + "-") else "booking"


def model_for(reference: str) -> type[Record]:
    return Meeting if kind_of(reference) == "meeting" else Booking


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


def find(session: Session, reference: str, *, lock: bool = False) -> Record | None:
    model = model_for(reference)
    query = select(model).where(model.reference == reference.strip().upper())
    if lock:
        query = query.with_for_update()
    return session.exec(query).first()


def find_for(session: Session, reference: str, email: str, *, lock: bool = False) -> Record:
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
    record = find(session, reference, lock=lock)
    if record is None or record.email_digest != crypto.digest(email):
        for key in keys:
            rate_limit.hit(limits, *key)
        raise BookingNotFoundError(reference)
    return record


def get_by_reference(*, session: Session, reference: str, email: str) -> BookingPublic:
    """A booking or meeting (BK-, MT-, PB-) if `email` is the one it was made with."""
    return to_public(find_for(session, reference, email))


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
    page: int = 1,
    page_size: int = 50,
) -> Page[BookingPublic]:
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
    offset = Page.offset(page, page_size)
    total = 0
    rows: list[Record] = []
    for model in models:
        conditions = _filtered(model, **filters)
        total += session.exec(select(func.count()).select_from(model).where(*conditions)).one()
        rows += session.exec(
            select(model)
            .where(*conditions)
            .order_by(col(model.start_at).desc())
            .limit(offset + page_size)
        ).all()
    rows.sort(key=lambda r: r.start_at, reverse=True)
    items = [to_public(r) for r in rows[offset : offset + page_size]]
    return Page[BookingPublic](items=items, total=total, page=page, page_size=page_size)
