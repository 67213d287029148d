"""The booking walk's messages, shared by the load test (`locustfile.py`, which needs Locust
and gevent) and the call counter (`calls.py`, which runs without them), so that both walk the
same conversation.

The walk: an opener, the service (the button's payload), the day, the time, a name, an email, a
phone number, then "yes" on the summary.
"""

from __future__ import annotations

import datetime as dt

BOOKING_OPENERS = [
    "I'd like to book an appointment",
    "Can I book an appointment?",
    "I want to make a booking",
    "I'd like to book a consultation",
    "book a consultation please",
]
SERVICE_ANSWER = '/inform{"service_type":"consultation"}'  # the "Consultation" button
CONFIRM_ANSWER = "/affirm"  # the "Yes" button under the summary


def date_answer(day: dt.date) -> str:
    """'14 December', as a visitor types a day."""
    return f"{day.day} {day:%B}"


def time_answer(hour: int, minute: int) -> str:
    """'2:30pm' for 14, 30."""
    return f"{hour % 12 or 12}:{minute:02d}{'am' if hour < 12 else 'pm'}"


def phone_answer(number: int) -> str:
    """'(212) 555-0123' for 123: a US number in the fictional 555-01xx range."""
    return f"(212) 555-{number:04d}"
