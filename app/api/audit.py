"""GET /api/audit: staff changes (who changed what from what to what) or bot actions."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Query

from app.api.auth_deps import STAFF_ERRORS, AdminAccess
from app.api.deps import SessionDep
from app.models import AdminChangePublic, BotActionPublic, Page
from app.services import audit_query

router = APIRouter(responses=STAFF_ERRORS)


class AuditPage(Page[AdminChangePublic | BotActionPublic]):
    """A page of the log `log`: staff changes (admin) or bot actions (bot)."""

    log: Literal["admin", "bot"]


@router.get("", summary="Audit log (admin only)", response_model=AuditPage)
def read_audit_log(
    admin: AdminAccess,
    session: SessionDep,
    log: Literal["admin", "bot"] = Query(
        "admin", description="admin: staff changes; bot: bot actions"
    ),
    start: dt.date | None = Query(None, description="first day (UTC), inclusive"),
    end: dt.date | None = Query(None, description="last day (UTC), inclusive"),
    action: str | None = Query(None, max_length=50),
    admin_email: str | None = Query(None, max_length=255, description="admin log only"),
    target: str | None = Query(
        None, max_length=255, description="admin log only, e.g. book_service"
    ),
    booking_reference: str | None = Query(None, max_length=20, description="bot log only"),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
) -> AuditPage:
    """Newest first, paged."""
    if log == "admin":
        changes = audit_query.list_admin_changes(
            session=session,
            start=start,
            end=end,
            admin_email=admin_email,
            action=action,
            target=target,
            page=page,
            page_size=page_size,
        )
        return AuditPage(log=log, **dict(changes))
    actions = audit_query.list_bot_actions(
        session=session,
        start=start,
        end=end,
        action=action,
        booking_reference=booking_reference,
        page=page,
        page_size=page_size,
    )
    return AuditPage(log=log, **dict(actions))
