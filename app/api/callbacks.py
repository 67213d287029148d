"""Callback requests (a visitor asked for a person): `GET /api/callbacks`, `PATCH /api/callbacks/{id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from pydantic import BaseModel

from app.api.auth_deps import STAFF_ERRORS, CurrentAdmin, EditorAccess
from app.api.deps import SessionDep
from app.models import CallbackStatus
from app.services import callbacks
from app.services.callbacks import CallbackPublic

router = APIRouter(responses=STAFF_ERRORS)


class CallbackList(BaseModel):
    items: list[CallbackPublic]
    open_count: int


class CallbackPatch(BaseModel):
    status: CallbackStatus


@router.get("", summary="Callback requests")
def list_callback_requests(
    _staff: CurrentAdmin,
    session: SessionDep,
    status_filter: CallbackStatus | None = Query(
        None, alias="status", description="open (oldest first) or done; all when omitted"
    ),
) -> CallbackList:
    """Visitors waiting for a person, with their contact, note and conversation id."""
    return CallbackList(
        items=callbacks.list_callbacks(session=session, status=status_filter),
        open_count=callbacks.count_open(session=session),
    )


@router.patch(
    "/{callback_id}",
    summary="Mark a callback request done (or open again)",
    responses={404: {"description": "No such callback request"}},
)
def update_callback_request(
    callback_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    body: CallbackPatch,
    staff: EditorAccess,
    session: SessionDep,
) -> CallbackPublic:
    updated = callbacks.set_status(
        session=session, callback_id=callback_id, status=body.status, staff_email=staff.email
    )
    if updated is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No callback request {callback_id}.")
    return updated
