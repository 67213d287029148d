"""The audit trails. The bot's: one `audit_logs` row per booking action, with an HMAC of the
visitor's data (proof of what was sent, useless without the key), never the data itself.
The staff's: one `admin_audit_log` row per change, with the value before and after."""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlmodel import Session

from app.core import crypto
from app.models import AdminAuditLog, AdminUser, AuditLog

logger = logging.getLogger(__name__)


def user_data_digest(user_data: dict[str, Any]) -> str:
    """Keyed digest of the visitor's data; key order does not change it."""
    return crypto.digest(json.dumps(user_data, sort_keys=True, default=str))


def record_bot_action(
    *,
    session: Session,
    action: str,
    reference: str | None,
    user_data: dict[str, Any],
    conversation_id: str | None,
    status: str,
    detail: str | None = None,
    commit: bool = True,
) -> AuditLog:
    """Write one audit row (create_booking, cancel_booking ...).

    `commit=False` leaves the row in the caller's transaction, so that a booking and its
    audit row are stored together or not at all.
    """
    entry = AuditLog(
        action=action,
        booking_reference=reference,
        user_data_hash=user_data_digest(user_data),
        conversation_id=conversation_id,
        status=status,
        detail=detail,
    )
    session.add(entry)
    if commit:
        session.commit()
        session.refresh(entry)
    logger.info("audit %s %s %s", action, reference or "-", status)
    return entry


def record_admin_change(
    session: Session,
    *,
    actor: AdminUser | None,
    action: str,
    target: str,
    previous: Any,
    new: Any,
) -> None:
    """Add who changed what, from what to what, to the caller's transaction."""
    session.add(
        AdminAuditLog(
            admin_id=actor.id if actor else None,
            admin_email=actor.email if actor else None,
            action=action,
            target=target,
            previous_value=previous,
            new_value=new,
        )
    )
