"""Read the audit trails: staff changes (`admin_audit_log`) and bot actions (`audit_logs`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlmodel import Session, col

from app.models import AdminAuditLog, AdminChangePublic, AuditLog, BotActionPublic, Page
from app.services.paging import read_page

Entry = TypeVar("Entry", AdminChangePublic, BotActionPublic)


def _newest_first(
    session: Session,
    model: type[AdminAuditLog] | type[AuditLog],
    public: type[Entry],
    conditions: list[Any],
    *,
    start: dt.date | None,
    end: dt.date | None,
    page: int,
    page_size: int,
) -> Page[Entry]:
    """A page of an audit table's rows matching `conditions` and created on the days
    start..end (whole UTC days, end included), newest first."""
    created = col(model.created_at)
    if start:
        conditions.append(created >= dt.datetime.combine(start, dt.time.min, dt.UTC))
    if end and end < dt.date.max:  # the last representable day has no "next day" bound
        next_day = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, dt.UTC)
        conditions.append(created < next_day)
    return read_page(
        session,
        model,
        where=conditions,
        order_by=[created.desc(), col(model.id).desc()],
        page=page,
        page_size=page_size,
        public=lambda rows: [public.model_validate(row, from_attributes=True) for row in rows],
    )


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
) -> Page[AdminChangePublic]:
    """Who changed what, from what to what; newest first."""
    conditions = []
    if admin_email:
        conditions.append(AdminAuditLog.admin_email == admin_email.lower())
    if action:
        conditions.append(AdminAuditLog.action == action)
    if target:
        conditions.append(AdminAuditLog.target == target)
    return _newest_first(
        session,
        AdminAuditLog,
        AdminChangePublic,
        conditions,
        start=start,
        end=end,
        page=page,
        page_size=page_size,
    )


def list_bot_actions(
    *,
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    action: str | None = None,
    booking_reference: str | None = None,
    page: int = 1,
    page_size: int = 50,
) -> Page[BotActionPublic]:
    """What the bot did (create_booking, cancel_booking …); newest first. No PII is stored."""
    conditions = []
    if action:
        conditions.append(AuditLog.action == action)
    if booking_reference:
        conditions.append(AuditLog.booking_reference == booking_reference.upper())
    return _newest_first(
        session,
        AuditLog,
        BotActionPublic,
        conditions,
        start=start,
        end=end,
        page=page,
        page_size=page_size,
    )
