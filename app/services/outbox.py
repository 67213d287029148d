"""Delivering the booking emails the booking service wrote to the outbox (`OutboxEmail`).

At least once: a row is claimed (pending → sending in one conditional UPDATE, so two
deliverers never send the same row), sent, and marked sent. A crash while sending leaves
it "sending"; start-up puts such rows back to pending, so the email may go out twice in
that rare case but is never lost.
"""

from __future__ import annotations

import json
import logging

from sqlmodel import Session, col, select, update

from app.core import crypto
from app.core.db import session_scope
from app.core.settings import get_settings
from app.models import BookingPublic, OutboxEmail, utcnow
from app.services.notifications import send_booking_email

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


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


def recover(*, session: Session) -> int:
    """Rows a crash left "sending" go back to pending; how many."""
    result = session.exec(
        update(OutboxEmail).where(OutboxEmail.status == "sending").values(status="pending")
    )
    session.commit()
    return result.rowcount or 0


def deliver_pending(limit: int = 50) -> int:
    """Send what is pending (oldest first); how many went out. Never raises."""
    sent = 0
    try:
        with session_scope() as session:
            ids = session.exec(
                select(OutboxEmail.id)
                .where(OutboxEmail.status == "pending")
                .order_by(col(OutboxEmail.id))
                .limit(limit)
            ).all()
            for outbox_id in ids:
                sent += _deliver_one(session, outbox_id)
    except Exception:  # noqa: BLE001 - the next round retries; the log says why
        logger.exception("outbox delivery round failed")
    return sent


def _deliver_one(session: Session, outbox_id: int) -> int:
    claimed = session.exec(
        update(OutboxEmail)
        .where(OutboxEmail.id == outbox_id, OutboxEmail.status == "pending")
        .values(status="sending", attempts=OutboxEmail.attempts + 1)
    )
    session.commit()
    if claimed.rowcount != 1:
        return 0  # another deliverer has it
    row = session.get(OutboxEmail, outbox_id)
    booking = BookingPublic.model_validate(json.loads(crypto.decrypt(row.payload_sealed)))
    ok = send_booking_email(booking=booking, event=row.event)
    if ok:
        row.status, row.sent_at, row.last_error = "sent", utcnow(), None
    elif not get_settings().smtp_host or not booking.email:
        row.status, row.last_error = "skipped", "no SMTP_HOST or no address"
    else:
        row.last_error = "the mail server did not take it"
        row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
    session.add(row)
    session.commit()
    return int(ok)
