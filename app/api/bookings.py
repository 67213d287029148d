"""The booking API: bookings, meetings and availability, for the action server (or any
service holding a service token). A business can point BOOKING_API_URL at its own system
that honours the same contract.

- Auth: `Authorization: Bearer <service JWT>` on every route.
- Reading, moving or cancelling needs the email the booking was made with; a wrong email
  is answered exactly like an unknown reference (404), so references cannot be probed.
  GET and DELETE take it as `?email=` or, to keep it out of access logs, `X-Booking-Email`.
- `Idempotency-Key` on POST and PUT: the first success is stored and replayed (same status
  and body, header `Idempotent-Replayed: true`); the same key with other parameters is 422.
- 422 bodies have FastAPI's shape, naming the field; a taken slot is
  409 `{"detail": "slot_taken", "alternatives": [ISO starts]}`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Header, HTTPException, Query, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.deps import SessionDep
from app.core.security import TokenError, decode_token
from app.models import (
    BookingCreate,
    BookingPublic,
    FieldRefused,
    MeetingCreate,
    RescheduleRequest,
)
from app.services import bookings as booking_service
from app.services.booking_lookup import (
    BookingNotFoundError,
    LookupThrottledError,
    get_by_reference,
)
from app.services.bookings import BookingStateError
from app.services.calendar import SlotTakenError, availability
from app.services.idempotency import IdempotencyInProgress, IdempotencyKeyReused, WriteResult
from app.services.outbox import deliver_pending

_service_bearer = HTTPBearer(auto_error=False, description="Service token (token_type service)")


def service_caller(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_service_bearer)],
) -> str:
    """The calling service's name from its JWT; 401 for a missing or wrong token."""
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "send 'Authorization: Bearer <service token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    try:
        payload = decode_token(credentials.credentials, token_type="service")
    except TokenError as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, str(exc), headers={"WWW-Authenticate": "Bearer"}
        ) from exc
    return str(payload["sub"])


router = APIRouter(dependencies=[Depends(service_caller)])

IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", max_length=255)]
ConversationHeader = Annotated[str | None, Header(alias="X-Conversation-Id", max_length=255)]
EmailQuery = Annotated[str | None, Query(max_length=254)]
EmailHeader = Annotated[str | None, Header(alias="X-Booking-Email", max_length=254)]

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or invalid service token"},
    404: {"description": "No booking with that reference and email"},
    409: {"description": "Slot taken (with alternatives), or the booking cannot change"},
    422: {"description": "A field is invalid; `detail[].loc` names it"},
    429: {"description": "Too many failed lookups for this email or reference (Retry-After)"},
}


def _field_error(
    location: str, field: str, message: str, kind: str = "value_error"
) -> JSONResponse:
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": [{"loc": [location, field], "msg": message, "type": kind}]},
    )


def _refusal(exc: Exception, *, location: str = "body") -> JSONResponse:
    """The API's answer to what the booking service refused."""
    if isinstance(exc, FieldRefused):
        return _field_error(location, exc.field, exc.message)
    if isinstance(exc, SlotTakenError):
        return JSONResponse(
            status_code=status.HTTP_409_CONFLICT,
            content={
                "detail": "slot_taken",
                "alternatives": [start.isoformat() for start in exc.alternatives],
            },
        )
    if isinstance(exc, BookingNotFoundError):
        return JSONResponse(status_code=404, content={"detail": "booking_not_found"})
    if isinstance(exc, LookupThrottledError):
        return JSONResponse(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            content={"detail": "too_many_lookups"},
            headers={"Retry-After": str(exc.retry_after)},
        )
    if isinstance(exc, BookingStateError):
        return JSONResponse(status_code=409, content={"detail": exc.code})
    if isinstance(exc, IdempotencyKeyReused):
        return _field_error(
            "header",
            "Idempotency-Key",
            "this key was already used with different parameters",
            "idempotency_key_reused",
        )
    if isinstance(exc, IdempotencyInProgress):
        return JSONResponse(status_code=409, content={"detail": "request_in_progress"})
    raise exc


_REFUSED = (
    FieldRefused,
    SlotTakenError,
    BookingNotFoundError,
    LookupThrottledError,
    BookingStateError,
    IdempotencyKeyReused,
    IdempotencyInProgress,
)


def _answer(outcome: WriteResult, background: BackgroundTasks, event: str) -> JSONResponse:
    """The stored or fresh response; a fresh one also sends the visitor's email."""
    headers = {"Idempotent-Replayed": "true"} if outcome.replayed else {}
    if not outcome.replayed:
        # The email was written to the outbox with the booking; send it now.
        background.add_task(deliver_pending)
    return JSONResponse(status_code=outcome.status_code, content=outcome.body, headers=headers)


def _email(query: str | None, header: str | None) -> str:
    email = (query or header or "").strip()
    if not email:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            [
                {
                    "loc": ["query", "email"],
                    "msg": "the booking's email is required",
                    "type": "missing",
                }
            ],
        )
    return email


@router.post(
    "/bookings",
    status_code=201,
    response_model=BookingPublic,
    responses=_ERRORS,
    summary="Book a service",
)
def create_booking(
    booking_in: BookingCreate,
    session: SessionDep,
    background: BackgroundTasks,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    try:
        outcome = booking_service.create_booking(
            session=session, booking_in=booking_in, idempotency_key=idempotency_key
        )
    except _REFUSED as exc:
        return _refusal(exc)
    return _answer(outcome, background, "confirmed")


@router.post(
    "/meetings",
    status_code=201,
    response_model=BookingPublic,
    responses=_ERRORS,
    summary="Schedule a meeting",
)
def create_meeting(
    meeting_in: MeetingCreate,
    session: SessionDep,
    background: BackgroundTasks,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    try:
        outcome = booking_service.create_meeting(
            session=session, meeting_in=meeting_in, idempotency_key=idempotency_key
        )
    except _REFUSED as exc:
        return _refusal(exc)
    return _answer(outcome, background, "confirmed")


def get_booking(
    reference: str, session: SessionDep, email: EmailQuery = None, x_email: EmailHeader = None
) -> BookingPublic | JSONResponse:
    try:
        return get_by_reference(session=session, reference=reference, email=_email(email, x_email))
    except (BookingNotFoundError, LookupThrottledError) as exc:
        return _refusal(exc)


def reschedule_booking(
    reference: str,
    change: RescheduleRequest,
    session: SessionDep,
    background: BackgroundTasks,
    idempotency_key: IdempotencyKey = None,
    conversation_id: ConversationHeader = None,
) -> JSONResponse:
    if change.conversation_id is None and conversation_id:
        change = change.model_copy(update={"conversation_id": conversation_id})
    try:
        outcome = booking_service.reschedule(
            session=session, reference=reference, change=change, idempotency_key=idempotency_key
        )
    except _REFUSED as exc:
        return _refusal(exc)
    return _answer(outcome, background, "rescheduled")


def cancel_booking(
    reference: str,
    session: SessionDep,
    background: BackgroundTasks,
    email: EmailQuery = None,
    x_email: EmailHeader = None,
    conversation_id: ConversationHeader = None,
) -> BookingPublic | JSONResponse:
    try:
        booking, changed = booking_service.cancel(
            session=session,
            reference=reference,
            email=_email(email, x_email),
            conversation_id=conversation_id,
        )
    except (BookingNotFoundError, LookupThrottledError) as exc:
        return _refusal(exc)
    if changed:
        background.add_task(deliver_pending)
    return booking


def _add_reference_routes(collection: str, noun: str) -> None:
    """GET, PUT and DELETE /{collection}/{reference}: bookings and meetings are read, moved
    and cancelled alike (the reference says which it is)."""
    for endpoint, method, summary in (
        (get_booking, "GET", f"A {noun}"),
        (reschedule_booking, "PUT", f"Move a {noun} to a new start"),
        (cancel_booking, "DELETE", f"Cancel a {noun} (repeating it is harmless)"),
    ):
        router.add_api_route(
            f"/{collection}/{{reference}}",
            endpoint,
            methods=[method],
            name=endpoint.__name__.replace("booking", noun),
            summary=summary,
            response_model=BookingPublic,
            responses=_ERRORS,
        )


_add_reference_routes("bookings", "booking")
_add_reference_routes("meetings", "meeting")


@router.get(
    "/availability",
    response_model=list[dt.datetime],
    responses=_ERRORS,
    summary="Free starts on a date (business timezone)",
)
def get_availability(
    session: SessionDep,
    service: Annotated[
        str, Query(min_length=1, max_length=50, description="service id or 'meeting'")
    ],
    date: dt.date,
    duration: Annotated[int | None, Query(ge=5, le=480, description="meetings only")] = None,
) -> list[dt.datetime] | JSONResponse:
    try:
        return availability(
            session=session, service_id=service, day=date, duration_minutes=duration
        )
    except FieldRefused as exc:
        return _refusal(exc, location="query")
