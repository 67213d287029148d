"""Bookings page: bookings and meetings made through the bot, filters, detail, staff cancel."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import reflex as rx

from app.core.db import session_scope
from app.services import booking_lookup, bookings
from app.services.booking_lookup import BookingNotFoundError
from app.state.auth import ALL_ROLES, EDIT_ROLES, AuthState
from app.state.paging import DatedListMixin
from app.state.rows import BookingRow

logger = logging.getLogger(__name__)

STATUSES = {
    "Any status": "",
    "Confirmed": "confirmed",
    "Pending": "pending",
    "Cancelled": "cancelled",
}
KINDS = {"Bookings and meetings": "", "Bookings": "booking", "Meetings": "meeting"}


def booking_row(booking: Any) -> BookingRow:
    """One booking or meeting as the table and the detail panel show it."""
    price = (
        "" if booking.price is None else ("Free" if booking.price == 0 else f"${booking.price:g}")
    )
    return BookingRow(
        reference=booking.reference,
        kind=booking.kind,
        what=booking.service_name or booking.topic or booking.kind,
        when=booking.start.strftime("%a %d %b %Y, %H:%M"),
        until=booking.end.strftime("%H:%M"),
        duration=f"{booking.duration_minutes} min",
        price=price,
        status=booking.status,
        name=booking.name or "",
        email=booking.email or "",
        phone=booking.phone or "",
        conversation=booking.conversation_id or "",
        created=booking.created_at.strftime("%d %b %Y, %H:%M UTC") if booking.created_at else "",
    )


class BookingsState(DatedListMixin, AuthState):
    """Filters, one page of bookings and the one opened in the detail panel."""

    page_size: ClassVar[int] = 25
    status_label: str = "Any status"
    kind_label: str = "Bookings and meetings"
    reference: str = ""
    rows: list[BookingRow] = []
    detail: BookingRow | None = None
    confirm_cancel: bool = False

    def _list_again(self) -> None:
        self._read()
        self.loading = False

    def _read(self) -> None:
        date_from, date_to = self._dates()
        try:
            with session_scope() as session:
                page = booking_lookup.list_bookings(
                    session=session,
                    kind=KINDS.get(self.kind_label) or None,
                    status=STATUSES.get(self.status_label) or None,
                    date_from=date_from,
                    date_to=date_to,
                    reference=self.reference.strip() or None,
                    page=self.page,
                    page_size=self.page_size,
                )
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("listing bookings failed")
            self.error = "Bookings could not be loaded just now. Try again in a minute."
            return
        self.rows = [booking_row(b) for b in page.items]
        self.total = page.total
        self.error = ""

    @rx.event
    def set_filter(self, name: str, value: str) -> None:
        """Change the status, type or reference filter and list again from the first page."""
        if self._current_admin() is None:
            return
        if name == "status" and value in STATUSES:
            self.status_label = value
        elif name == "kind" and value in KINDS:
            self.kind_label = value
        elif name == "reference":
            self.reference = value
        self._from_first_page()

    @rx.event
    def open_detail(self, reference: str) -> None:
        """Show one booking's details."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.detail = next((r for r in self.rows if r.reference == reference), None)
        self.confirm_cancel = False

    @rx.event
    def close_detail(self, _open: bool = False) -> None:
        """Close the detail panel."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.detail = None
        self.confirm_cancel = False

    @rx.event
    def ask_cancel(self, value: bool) -> None:
        """Ask to confirm before cancelling."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.confirm_cancel = value

    @rx.event
    def cancel_booking(self) -> Any:
        """Cancel the open booking; the visitor gets an email saying so."""
        admin = self._require_role(EDIT_ROLES)
        if admin is None:
            return self._refusal()
        reference = self.detail.reference if self.detail is not None else ""
        try:
            with session_scope() as session:
                cancelled = bookings.cancel_by_staff(
                    session=session, reference=reference, staff_email=admin.email, notify=True
                )
        except BookingNotFoundError:
            return rx.toast.error(f"{reference} no longer exists.")
        except Exception:  # noqa: BLE001 - said in words, logged with details
            logger.exception("staff cancel of %s failed", reference)
            return rx.toast.error(f"{reference} could not be cancelled just now. Try again.")
        self.detail = booking_row(cancelled)
        self.confirm_cancel = False
        self._read()
        return rx.toast.success(f"{reference} is cancelled and the visitor has been emailed.")
