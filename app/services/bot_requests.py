"""What the action server stores for a visitor: a callback request, a booking kept for staff.

The actions only gather slot values; each function here opens its own session (the action
server has no request session) and does the whole job.
"""

from __future__ import annotations

from typing import Any

from app.core.db import session_scope
from app.models import BookingPublic, BotSettingsPublic
from app.services import callbacks
from app.services.bookings import save_pending_request
from app.services.calendar import BOOKING_TASK
from app.services.config import get_task_config


def request_callback(
    *,
    sender_id: str,
    contact_kind: str,
    contact: str,
    note: str,
    reason: str,
    settings: BotSettingsPublic,
) -> callbacks.CallbackPublic:
    """Store a handoff request with the reply promise from the booking hours, and email staff
    (SMTP failures are logged, never raised)."""
    booking = get_task_config(BOOKING_TASK)
    promise = callbacks.reply_expectation(
        hours=booking.business_hours if booking else {},
        blocked_dates=booking.blocked_dates if booking else [],
        timezone=settings.timezone,
    )
    with session_scope() as session:
        created = callbacks.create_callback(
            session=session,
            sender_id=sender_id,
            contact_kind=contact_kind,
            contact=contact,
            note=note,
            reason=reason,
            reply_by_text=promise,
        )
    callbacks.notify_staff(
        created,
        recipient=callbacks.staff_recipient(settings.contact_email),
        business=settings.business_name,
    )
    return created


def keep_pending_request(**request: Any) -> BookingPublic:
    """`bookings.save_pending_request` in a session of its own: the request the booking API
    could not take, kept for staff (or the booking it had committed after all)."""
    with session_scope() as session:
        return save_pending_request(session=session, **request)
