"""Callback requests (handoff to a person): create, list, mark done, tell staff, promise a time.

The bot creates one when a visitor asks for a person or the bot keeps failing; staff work
through the open ones in the dashboard (or `GET /api/callbacks?status=open`) and mark them done.
Contact and note are encrypted at rest like bookings' contact details.
"""

from __future__ import annotations

import datetime as dt
import logging
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlmodel import Session, col, func, select

from app.core import crypto
from app.core.settings import get_settings
from app.models import CallbackRequest, CallbackStatus, utcnow
from app.models.task_config import WEEKDAYS, BusinessHours
from app.services.mail import send_email

logger = logging.getLogger(__name__)

NOTE_MAX = 300
REASONS = ("asked", "repeated_failures")


class CallbackPublic(BaseModel):
    id: int
    sender_id: str
    contact_kind: str
    contact: str
    note: str
    reason: str
    status: str
    reply_by_text: str
    created_at: dt.datetime
    done_at: dt.datetime | None
    done_by: str | None


def _public(row: CallbackRequest) -> CallbackPublic:
    return CallbackPublic(
        id=row.id or 0,
        sender_id=row.sender_id,
        contact_kind=row.contact_kind,
        contact=crypto.decrypt(row.contact_encrypted) or "(unreadable)",
        note=crypto.decrypt(row.note_encrypted) or "",
        reason=row.reason,
        status=row.status,
        reply_by_text=row.reply_by_text,
        created_at=row.created_at,
        done_at=row.done_at,
        done_by=row.done_by,
    )


def create_callback(
    *,
    session: Session,
    sender_id: str,
    contact_kind: str,
    contact: str,
    note: str,
    reason: str = "asked",
    reply_by_text: str = "",
) -> CallbackPublic:
    """Store an open callback request; the contact must already be validated."""
    if contact_kind not in ("email", "phone"):
        raise ValueError(f"unknown contact kind {contact_kind!r}")
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    row = CallbackRequest(
        sender_id=sender_id[:255],
        contact_kind=contact_kind,
        contact_encrypted=crypto.encrypt(contact) or "",
        note_encrypted=crypto.encrypt(note.strip()[:NOTE_MAX]) or "",
        reason=reason,
        reply_by_text=reply_by_text[:200],
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    logger.info("callback request %s created (%s)", row.id, reason)
    return _public(row)


def list_callbacks(*, session: Session, status: str | None = None) -> list[CallbackPublic]:
    """Open ones oldest first (the queue); otherwise newest first."""
    query = select(CallbackRequest)
    if status:
        query = query.where(CallbackRequest.status == status)
    order = (
        col(CallbackRequest.created_at).asc()
        if status == CallbackStatus.open
        else col(CallbackRequest.created_at).desc()
    )
    rows = session.exec(query.order_by(order, col(CallbackRequest.id)).limit(500)).all()
    return [_public(row) for row in rows]


def count_open(*, session: Session) -> int:
    query = select(func.count()).where(CallbackRequest.status == CallbackStatus.open)
    return int(session.exec(query).one())


def set_status(
    *, session: Session, callback_id: int, status: CallbackStatus, staff_email: str | None
) -> CallbackPublic | None:
    """Mark a request done (or reopen it); None when there is no such request."""
    row = session.get(CallbackRequest, callback_id)
    if row is None:
        return None
    row.status = status
    row.done_at = utcnow() if status == CallbackStatus.done else None
    row.done_by = staff_email if status == CallbackStatus.done else None
    session.add(row)
    session.commit()
    session.refresh(row)
    return _public(row)


# --- when to expect a reply ---------------------------------------------------------------------


def _clock(value: str) -> str:
    """'09:00' → '9am', '13:30' → '1:30pm'."""
    hour, minute = (int(part) for part in value.split(":"))
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}:{minute:02d}{suffix}"


def reply_expectation(
    *,
    hours: BusinessHours,
    blocked_dates: list[dt.date],
    timezone: str,
    now: dt.datetime | None = None,
) -> str:
    """When the visitor can expect a reply, from the business hours, in their words."""
    local = (now or utcnow()).astimezone(ZoneInfo(timezone))
    blocked = set(blocked_dates)
    for offset in range(0, 15):
        day = local.date() + dt.timedelta(days=offset)
        opening = hours.get(WEEKDAYS[day.weekday()])
        if opening is None or day in blocked:
            continue
        start, end = opening.start, opening.end
        now_hhmm = local.strftime("%H:%M")
        if offset == 0 and now_hhmm >= end:
            continue
        if offset == 0 and start <= now_hhmm:
            return "We're open now, so someone from our team will get back to you today."
        if offset == 0:
            when = f"later today after {_clock(start)}"
        elif offset == 1:
            when = f"tomorrow after {_clock(start)}"
        else:
            when = f"on {day.strftime('%A')} after {_clock(start)}"
        return f"We're closed right now; we'll get back to you {when}."
    return "We'll get back to you as soon as we can."


# --- staff email --------------------------------------------------------------------------------


def staff_recipient(contact_email: str | None) -> str | None:
    """STAFF_EMAIL when set, else the business's contact email from the bot settings."""
    return get_settings().staff_email or contact_email


def notify_staff(callback: CallbackPublic, *, recipient: str | None, business: str) -> bool:
    """Email staff about a new request; False (logged, never raised) when not sent."""
    settings = get_settings()
    if not settings.smtp_host:
        logger.info("staff email skipped for callback %s: no SMTP_HOST configured", callback.id)
        return False
    if not recipient:
        logger.info("staff email skipped for callback %s: no STAFF_EMAIL", callback.id)
        return False
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = recipient
    message["Subject"] = f"Callback request #{callback.id}: a visitor asked for a person"
    link = f"{settings.public_url.rstrip('/')}/admin/callbacks"
    message.set_content(
        "\n".join(
            [
                f"A visitor of {business} asked to be contacted.",
                "",
                f"{callback.contact_kind.capitalize()}: {callback.contact}",
                f"Note: {callback.note or '(none)'}",
                f"Why: {'asked for a person' if callback.reason == 'asked' else 'the bot could not help'}",
                f"Promised: {callback.reply_by_text}",
                "",
                f"Open requests and the conversation: {link}",
            ]
        )
    )
    return send_email(message, what=f"staff email for callback {callback.id}")
