"""The action server's client for the booking API (contract; implemented by the tasks issue).

Talks HTTP to `BOOKING_API_URL` so a business can point it at its own system with the same
contract. Retries 3 times with exponential backoff on timeouts and 5xx only, under one
Idempotency-Key, so a lost response never makes a second booking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class BookingError(Exception):
    """Base class of what the booking API can refuse."""


class SlotTaken(BookingError):
    """The slot is held by another booking; `alternatives` are the nearest free starts."""

    def __init__(self, alternatives: list[dt.datetime]) -> None:
        super().__init__("slot taken")
        self.alternatives = alternatives


class BookingNotFound(BookingError):
    """No booking with that reference and email."""


class BookingRejected(BookingError):
    """The API refused a field (422); `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class BookingApiUnavailable(BookingError):
    """Still failing after the retries (timeouts, 5xx, connection refused)."""


@dataclass
class BookingRecord:
    reference: str
    kind: str  # booking | meeting
    status: str
    start: dt.datetime  # aware, business timezone
    end: dt.datetime
    service_id: str | None = None
    service_name: str | None = None
    topic: str | None = None
    price: float | None = None
    name: str | None = None
    email: str | None = None
    extra: dict = field(default_factory=dict)
