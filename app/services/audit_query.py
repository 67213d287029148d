"""Read the audit trails: staff changes (`admin_audit_log`) and bot actions (`audit_logs`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, func, select

from app.models import AdminAuditLog, AuditLog


def _day_bounds(
    start: dt.date | None, end: dt.date | None
) -> tuple[dt.datetime | None, dt.datetime | None]:
    # Dates are whole UTC days, end included.
    low = dt.datetime.combine(start, dt.time.min, dt.UTC) if start else None
    high = None
    if end and end < dt.date.max:  # the last representable day has no "next day" bound
        high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, dt.UTC)
    return low, high


def _page(session: Session, query, count_query, page: int, page_size: int) -> tuple[list, int]:
    total = session.exec(count_query).one()
    rows = session.exec(query.offset((page - 1) * page_size).limit(page_size)).all()
    return list(rows), total


def list_admin_changes(
    *,
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    admin_email: str | None = None,
    action: str | None = None,
    target: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    """Who changed what, from what to what; newest first."""
    conditions = []
    low, high = _day_bounds(start, end)
    if low:
        conditions.append(AdminAuditLog.created_at >= low)
    if high:
        conditions.append(AdminAuditLog.created_at < high)
    if admin_email:
        conditions.append(AdminAuditLog.admin_email == admin_email.lower())
    if action:
        conditions.append(AdminAuditLog.action == action)
    if target:
        conditions.append(AdminAuditLog.target == target)
    query = (
        select(AdminAuditLog)
        .where(*conditions)
        .order_by(AdminAuditLog.created_at.desc(), AdminAuditLog.id.desc())
    )
    count = select(func.count()).select_from(AdminAuditLog).where(*conditions)
    rows, total = _page(session, query, count, page, page_size)
    return {
        "items": [row.model_dump(mode="json") for row in rows],
        "total": total,
        "page": page,
        "page_size": page_size,
    }


def list_bot_actions(
    *,
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    action: str | None = None,
    booking_reference: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> dict[str, Any]:
    """What the bot did (create_booking, cancel_booking …); newest first. No PII is stored."""
    conditions = []
    low, high = _day_bounds(start, end)
    if low:
        conditions.append(AuditLog.created_at >= low)
    if high:
        conditions.append(AuditLog.created_at < high)
    if action:
        conditions.append(AuditLog.action == action)
    if booking_reference:
        conditions.append(AuditLog.booking_reference == booking_reference.upper())
    query = (
        select(AuditLog).where(*conditions).order_by(AuditLog.created_at.desc(), AuditLog.id.desc())
    )
    count = select(func.count()).select_from(AuditLog).where(*conditions)
    rows, total = _page(session, query, count, page, page_size)
    return {
        "items": [row.model_dump(mode="json") for row in rows],
        "total": total,
        "page": page,
        "page_size": page_size,
    }
