"""The action server's client for the booking API.

Talks HTTP to `BOOKING_API_URL` so a business can point it at its own system with the same
contract. Retries 3 times with exponential backoff on timeouts and 5xx only, under one
Idempotency-Key, so a lost response never makes a second booking.
"""

from __future__ import annotations

import datetime as dt
import logging
import ssl
from functools import lru_cache
from typing import Any

import httpx
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryError,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)
from typing_extensions import TypedDict, Unpack

from app.core.security import service_token
from app.core.settings import get_settings
from app.models import (
    BookingCreate,
    BookingPublic,
    FieldRefused,
    MeetingCreate,
    RescheduleRequest,
)

logger = logging.getLogger(__name__)


class BookingError(Exception):
    """Base class of what the booking API can refuse."""


class SlotTaken(BookingError):
    """The slot is held by another booking; `alternatives` are the nearest free starts."""

    def __init__(self, alternatives: list[dt.datetime]) -> None:
        super().__init__("slot taken")
        self.alternatives = alternatives


class BookingNotFound(BookingError):
    """No booking with that reference and email."""


class LookupThrottled(BookingError):
    """Too many failed lookups for that email or reference; try again later."""


class BookingApiUnavailable(BookingError):
    """Still failing after the retries (timeouts, 5xx, connection refused)."""


class NewRecord(TypedDict):
    """What every new booking or meeting takes: when, and the visitor's contact."""

    start: dt.datetime
    name: str
    email: str
    phone: str | None
    conversation_id: str | None


def _body(schema: type[BaseModel], **values: Any) -> dict[str, Any]:
    """A request body written by the API's own schema. A value the schema refuses raises
    FieldRefused, as the API's 422 would, without sending the request."""
    try:
        return schema(**values).model_dump(mode="json")
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str((first.get("loc") or ["body"])[-1])
        raise FieldRefused(field, str(first.get("msg", "invalid value"))) from None


class _TransientStatus(Exception):
    """A 5xx answer, or a duplicate still in progress: worth another attempt."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def _is_transient(exc: BaseException) -> bool:
    # TransportError covers timeouts, refused and reset connections; 4xx is never retried.
    return isinstance(exc, httpx.TransportError | _TransientStatus)


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle for every client cost more than the request itself."""
    return ssl.create_default_context()


class BookingClient:
    """Async client of the booking API, with retries under one Idempotency-Key per request.

    Each call opens its own connection pool, so one client can be shared by actions running
    on any event loop. Every method raises FieldRefused for a refused field, another
    `BookingError` subclass for other refusals, and `BookingApiUnavailable` after the last failed attempt.
    """

    def __init__(
        self,
        *,
        base_url: str | None = None,
        timeout_seconds: float | None = None,
        attempts: int = 3,
        backoff_seconds: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        settings = get_settings()
        self.base_url = (base_url or settings.booking_api_url).rstrip("/")
        self.timeout_seconds = timeout_seconds or settings.booking_api_timeout_seconds
        self.attempts = attempts
        self.backoff_seconds = backoff_seconds
        self._transport = transport

    async def create_booking(
        self, *, service_id: str, idempotency_key: str, **visitor: Unpack[NewRecord]
    ) -> BookingPublic:
        """Book a service; SlotTaken carries the nearest free starts."""
        body = _body(BookingCreate, service_id=service_id, **visitor)
        return await self._create("/bookings", body, idempotency_key)

    async def create_meeting(
        self,
        *,
        topic: str,
        duration_minutes: int,
        idempotency_key: str,
        **visitor: Unpack[NewRecord],
    ) -> BookingPublic:
        """Schedule a meeting; SlotTaken carries the nearest free starts."""
        body = _body(MeetingCreate, topic=topic, duration_minutes=duration_minutes, **visitor)
        return await self._create("/meetings", body, idempotency_key)

    async def _create(self, path: str, body: dict[str, Any], idempotency_key: str) -> BookingPublic:
        response = await self._send("POST", path, json=body, idempotency_key=idempotency_key)
        return BookingPublic.model_validate(response.json())

    async def get_booking(self, reference: str, email: str) -> BookingPublic:
        """The booking or meeting with that reference; BookingNotFound for a wrong email."""
        response = await self._send(
            "GET", self._path(reference), headers={"X-Booking-Email": email}
        )
        return BookingPublic.model_validate(response.json())

    async def reschedule_booking(
        self,
        *,
        reference: str,
        email: str,
        start: dt.datetime,
        idempotency_key: str,
        conversation_id: str | None = None,
    ) -> BookingPublic:
        """Move a booking or meeting to `start`; SlotTaken carries alternatives."""
        body = _body(RescheduleRequest, email=email, start=start, conversation_id=conversation_id)
        response = await self._send(
            "PUT", self._path(reference), json=body, idempotency_key=idempotency_key
        )
        return BookingPublic.model_validate(response.json())

    async def cancel_booking(
        self, *, reference: str, email: str, conversation_id: str | None = None
    ) -> BookingPublic:
        """Cancel a booking or meeting (cancelling twice is harmless)."""
        headers = {"X-Booking-Email": email}
        if conversation_id:
            headers["X-Conversation-Id"] = conversation_id
        response = await self._send("DELETE", self._path(reference), headers=headers)
        return BookingPublic.model_validate(response.json())

    async def availability(
        self, *, service_id: str, date: dt.date, duration_minutes: int | None = None
    ) -> list[dt.datetime]:
        """Free starts on `date` for a service (or `meeting` with `duration_minutes`)."""
        params: dict[str, Any] = {"service": service_id, "date": date.isoformat()}
        if duration_minutes:
            params["duration"] = duration_minutes
        response = await self._send("GET", "/availability", params=params)
        return [dt.datetime.fromisoformat(value) for value in response.json()]

    @staticmethod
    def _path(reference: str) -> str:
        reference = reference.strip().upper()
        collection = "meetings" if reference.startswith("MT-") else "bookings"
        return f"/{collection}/{reference}"

    async def _send(
        self,
        method: str,
        path: str,
        *,
        json: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> httpx.Response:
        """One request with retries; every attempt carries the same Idempotency-Key."""
        all_headers = {"Authorization": f"Bearer {service_token()}", **(headers or {})}
        if idempotency_key:
            all_headers["Idempotency-Key"] = idempotency_key
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential(multiplier=self.backoff_seconds, max=10),
            retry=retry_if_exception(_is_transient),
            reraise=False,
        )
        async with httpx.AsyncClient(
            base_url=self.base_url,
            timeout=self.timeout_seconds,
            transport=self._transport,
            verify=_tls_context(),
        ) as http:
            try:
                async for attempt in retrying:
                    with attempt:
                        number = attempt.retry_state.attempt_number
                        response = await http.request(
                            method, path, json=json, params=params, headers=all_headers
                        )
                        if response.status_code >= 500 or _in_progress(response):
                            logger.warning(
                                "booking API %s %s: HTTP %d (attempt %d)",
                                method, path, response.status_code, number,
                            )  # fmt: skip
                            raise _TransientStatus(response)
            except RetryError as exc:
                cause = exc.last_attempt.exception()
                logger.error("booking API unavailable after %d attempts: %r", self.attempts, cause)
                raise BookingApiUnavailable(str(cause)) from cause
        return _checked(response)


def _in_progress(response: httpx.Response) -> bool:
    return response.status_code == 409 and _detail(response) == "request_in_progress"


def _detail(response: httpx.Response) -> Any:
    try:
        return response.json().get("detail")
    except (ValueError, AttributeError):
        return None


def _checked(response: httpx.Response) -> httpx.Response:
    """The response if it succeeded; otherwise the BookingError it stands for."""
    if response.status_code < 400:
        return response
    detail = _detail(response)
    if response.status_code == 409 and detail == "slot_taken":
        alternatives = response.json().get("alternatives", [])
        raise SlotTaken([dt.datetime.fromisoformat(a) for a in alternatives])
    if response.status_code == 404:
        raise BookingNotFound()
    if response.status_code == 429 and detail == "too_many_lookups":
        raise LookupThrottled()
    if response.status_code == 422 and isinstance(detail, list) and detail:
        first = detail[0]
        rejected_field = str((first.get("loc") or ["body"])[-1])
        raise FieldRefused(rejected_field, str(first.get("msg", "invalid value")))
    if response.status_code == 409:
        raise FieldRefused("reference", str(detail))
    # 401/403 and anything else unexpected: the visitor cannot fix it, staff must.
    logger.error("booking API refused the call: HTTP %d", response.status_code)
    raise BookingApiUnavailable(f"HTTP {response.status_code}")
