"""The booking backend's own records (bookings, meetings, the slots they hold, idempotency)
and the booking API's request and response shapes."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, field_validator
from pydantic import Field as PydanticField
from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.task_config import utcnow


class BookingStatus(StrEnum):
    confirmed = "confirmed"
    cancelled = "cancelled"
    pending = "pending"  # the booking API could not be reached; staff follow up


class Booking(SQLModel, table=True):
    """An appointment for a service. Contact details are Fernet-encrypted at rest."""

    __tablename__ = "bookings"

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=20)
    service_id: str = Field(max_length=50)
    service_name: str = Field(max_length=80)
    price: float = 0.0
    start_at: dt.datetime = Field(index=True)  # aware UTC; shown in the business's timezone
    end_at: dt.datetime
    status: str = Field(default=BookingStatus.confirmed, index=True, max_length=20)
    name_encrypted: str
    email_encrypted: str
    phone_encrypted: str | None = None
    email_digest: str = Field(index=True, max_length=64)  # HMAC, to find by email
    conversation_id: str | None = Field(default=None, index=True, max_length=255)
    notes: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    cancelled_at: dt.datetime | None = None


class Meeting(SQLModel, table=True):
    """A meeting with the business (topic and length chosen by the visitor)."""

    __tablename__ = "meetings"

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=20)
    topic: str = Field(max_length=200)
    start_at: dt.datetime = Field(index=True)
    end_at: dt.datetime
    duration_minutes: int
    status: str = Field(default=BookingStatus.confirmed, index=True, max_length=20)
    name_encrypted: str
    email_encrypted: str
    phone_encrypted: str | None = None
    email_digest: str = Field(index=True, max_length=64)
    conversation_id: str | None = Field(default=None, index=True, max_length=255)
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    cancelled_at: dt.datetime | None = None


class SlotClaim(SQLModel, table=True):
    """One row per (calendar, slot start) held by a live booking or meeting.

    The unique key is what prevents double booking: two concurrent inserts for the same
    slot cannot both commit, on SQLite or PostgreSQL, whatever the application checked.
    """

    __tablename__ = "slot_claims"
    __table_args__ = (UniqueConstraint("resource", "slot_start", name="uq_slot_claim"),)

    id: int | None = Field(default=None, primary_key=True)
    resource: str = Field(default="main", max_length=50)
    slot_start: dt.datetime
    reference: str = Field(index=True, max_length=20)


class IdempotencyRecord(SQLModel, table=True):
    """The first response to a request made under an Idempotency-Key, replayed on retries."""

    __tablename__ = "idempotency_keys"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True, max_length=255)
    endpoint: str = Field(max_length=100)
    request_hash: str = Field(max_length=64)
    status_code: int | None = None
    response_body: dict | None = Field(default=None, sa_column=Column(JSON))
    created_at: dt.datetime = Field(default_factory=utcnow)


class ReferenceCounter(SQLModel, table=True):
    """No longer used: references are random (kept so that old databases migrate unchanged)."""

    __tablename__ = "reference_counters"

    prefix: str = Field(primary_key=True, max_length=20)
    last_value: int = 0


class OutboxEmail(SQLModel, table=True):
    """A booking email to send, written in the same transaction as the change it reports.

    Sent right after the request, retried every minute and at start-up until it goes out
    (or MAX attempts): a crash between the booking's commit and the send loses no email.
    `payload_sealed` is the booking as the email shows it, encrypted like contact details.
    """

    __tablename__ = "email_outbox"

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, max_length=20)
    event: str = Field(max_length=20)  # confirmed | rescheduled | cancelled
    payload_sealed: str
    status: str = Field(
        default="pending", index=True, max_length=20
    )  # pending, sending, sent, skipped, failed
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=200)
    created_at: dt.datetime = Field(default_factory=utcnow)
    sent_at: dt.datetime | None = None


# --- the booking API's shapes ------------------------------------------------------------


def _normalised_email(value: str) -> str:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address: {exc}") from exc


class BookingBase(BaseModel):
    """Who asks for a booking or a meeting, when (naive times are business-local), and from
    which conversation."""

    name: str = PydanticField(min_length=1, max_length=120)
    email: str = PydanticField(max_length=254)
    phone: str | None = PydanticField(default=None, max_length=40)
    conversation_id: str | None = PydanticField(default=None, max_length=255)
    start: dt.datetime

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


class BookingCreate(BookingBase):
    """A visitor's request for a service at a start time."""

    service_id: str = PydanticField(min_length=1, max_length=50)


class MeetingCreate(BookingBase):
    """A visitor's request for a meeting on a topic."""

    topic: str = PydanticField(min_length=1, max_length=200)
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
