"""Emails to visitors: confirmation, reschedule and cancellation, each with an .ics invite.

Sent over SMTP from settings. A missing SMTP_HOST or a mail server that fails is logged and
never fails the booking: the booking is the promise, the email only tells about it.
"""

from __future__ import annotations

import datetime as dt
import logging
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Literal
from urllib.parse import urlparse

from icalendar import Calendar, Event

from app.core.settings import get_settings
from app.models import BookingPublic
from app.services.config import get_bot_settings
from app.services.mail import send_email

logger = logging.getLogger(__name__)

EmailEvent = Literal["confirmed", "rescheduled", "cancelled"]

_SUBJECTS: dict[str, str] = {
    "confirmed": "Your {what} {reference} is confirmed",
    "rescheduled": "Your {what} {reference} has been moved",
    "cancelled": "Your {what} {reference} has been cancelled",
}


def _title(booking: BookingPublic) -> str:
    if booking.kind == "meeting":
        return f"Meeting: {booking.topic}"
    return booking.service_name or "Appointment"


def _sequence(booking: BookingPublic, event: EmailEvent) -> int:
    """0 for the first invite; later ones count seconds since the booking, so each is higher."""
    if event == "confirmed" or booking.created_at is None:
        return 0
    created = booking.created_at
    created = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
    return max(1, int((dt.datetime.now(dt.UTC) - created).total_seconds()))


def calendar_invite(booking: BookingPublic, event: EmailEvent) -> bytes:
    """The .ics for the booking: REQUEST for a new or moved time, CANCEL for a cancellation."""
    business = get_bot_settings()
    cancelled = event == "cancelled"
    calendar = Calendar()
    calendar.add("prodid", "-//Business chatbot//bookings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    invite = Event()
    host = urlparse(get_settings().public_url).hostname or "localhost"
    invite.add("uid", f"{booking.reference}@{host}")
    invite.add("summary", f"{_title(booking)} with {business.business_name}")
    # UTC times are read the same way by every calendar client, with no VTIMEZONE needed.
    invite.add("dtstart", booking.start.astimezone(dt.UTC))
    invite.add("dtend", booking.end.astimezone(dt.UTC))
    invite.add("dtstamp", dt.datetime.now(dt.UTC))
    # Each change must carry a higher SEQUENCE for clients to replace the earlier invite.
    invite.add("sequence", _sequence(booking, event))
    invite.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    invite.add("description", f"Reference {booking.reference}")
    if business.contact_email:
        invite.add("organizer", f"mailto:{business.contact_email}")
    if booking.email:
        invite.add("attendee", f"mailto:{booking.email}")
    calendar.add_component(invite)
    return calendar.to_ical()


def _body(booking: BookingPublic, event: EmailEvent) -> str:
    business = get_bot_settings()
    when = f"{booking.start:%A %d %B %Y at %H:%M} ({business.timezone})"
    lines = [f"Hello {booking.name or ''},".replace(" ,", ","), ""]
    if event == "cancelled":
        lines.append(f"Your {_title(booking)} on {when} has been cancelled.")
    else:
        verb = "is confirmed" if event == "confirmed" else "has been moved"
        lines.append(f"Your {_title(booking)} {verb}: {when}, {booking.duration_minutes} minutes.")
        if booking.price:
            lines.append(f"Price: ${booking.price:,.2f}")
        lines += ["", "The attached invitation adds it to your calendar."]
    lines += ["", f"Reference: {booking.reference}"]
    if event != "cancelled":
        lines.append("To reschedule or cancel, tell our assistant this reference and your email.")
    if business.contact_line:
        lines += ["", f"Questions? {business.contact_line[0].upper()}{business.contact_line[1:]}."]
    lines += ["", business.business_name]
    return "\n".join(lines)


def build_booking_email(*, booking: BookingPublic, event: EmailEvent) -> EmailMessage:
    """The message for a booking event, with its invite attached as text/calendar."""
    settings = get_settings()
    what = "meeting" if booking.kind == "meeting" else "booking"
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = booking.email or ""
    message["Subject"] = _SUBJECTS[event].format(what=what, reference=booking.reference)
    message["Message-ID"] = make_msgid(domain=urlparse(settings.public_url).hostname or None)
    message.set_content(_body(booking, event))
    method = "CANCEL" if event == "cancelled" else "REQUEST"
    message.add_attachment(
        calendar_invite(booking, event),
        maintype="text",
        subtype="calendar",
        filename="invite.ics",
        params={"method": method},
    )
    return message


def send_booking_email(*, booking: BookingPublic, event: EmailEvent) -> bool:
    """Send the email for a booking event; False (logged, never raised) when it was not sent."""
    settings = get_settings()
    if not settings.smtp_host:
        logger.info("email skipped for %s: no SMTP_HOST configured", booking.reference)
        return False
    if not booking.email:
        logger.info("email skipped for %s: no address", booking.reference)
        return False
    message = build_booking_email(booking=booking, event=event)
    # When it fails the booking stands; staff see the reference in the log and can resend.
    return send_email(message, what=f"{event} email for {booking.reference}")
