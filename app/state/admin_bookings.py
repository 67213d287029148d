"""Bookings page: bookings and meetings made through the bot, filters, detail, staff cancel."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import reflex as rx

from app.core.db import session_scope
from app.state.auth import ALL_ROLES, EDIT_ROLES, AuthState

logger = logging.getLogger(__name__)

STATUSES = {
    "Any status": "",
    "Confirmed": "confirmed",
    "Pending": "pending",
    "Cancelled": "cancelled",
}
KINDS = {"Bookings and meetings": "", "Bookings": "booking", "Meetings": "meeting"}
PAGE_SIZE = 25


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def booking_row(booking: Any) -> dict[str, str]:
    """One booking or meeting as the table and the detail panel show it."""
    what = booking.service_name or booking.topic or booking.kind
    price = (
        "" if booking.price is None else ("Free" if booking.price == 0 else f"${booking.price:g}")
    )
    return {
        "reference": booking.reference,
        "kind": booking.kind,
        "what": what,
        "when": booking.start.strftime("%a %d %b %Y, %H:%M"),
        "until": booking.end.strftime("%H:%M"),
        "duration": f"{booking.duration_minutes} min",
        "price": price,
        "status": booking.status,
        "name": booking.name or "",
        "email": booking.email or "",
        "phone": booking.phone or "",
        "conversation": booking.conversation_id or "",
        "created": booking.created_at.strftime("%d %b %Y, %H:%M UTC") if booking.created_at else "",
    }


class BookingsState(AuthState):
    """Filters, one page of bookings and the one opened in the detail panel."""

    status_label: str = "Any status"
    kind_label: str = "Bookings and meetings"
    date_from: str = ""
    date_to: str = ""
    reference: str = ""
    rows: list[dict[str, str]] = []
    total: int = 0
    page: int = 1
    loading: bool = True
    error: str = ""
    detail: dict[str, str] = {}
    confirm_cancel: bool = False

    @rx.var
    def status_options(self) -> list[str]:
        """Statuses to filter by."""
        return list(STATUSES)

    @rx.var
    def kind_options(self) -> list[str]:
        """Bookings, meetings or both."""
        return list(KINDS)

    @rx.var
    def has_next(self) -> bool:
        """More pages after this one."""
        return self.page * PAGE_SIZE < self.total

    def _read(self) -> None:
        from app.services import booking_lookup

        try:
            with session_scope() as session:
                page = booking_lookup.list_bookings(
                    session=session,
                    kind=KINDS.get(self.kind_label) or None,
                    status=STATUSES.get(self.status_label) or None,
                    date_from=_date(self.date_from),
                    date_to=_date(self.date_to),
                    reference=self.reference.strip() or None,
                    page=self.page,
                    page_size=PAGE_SIZE,
                )
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("listing bookings failed")
            self.error = "Bookings could not be loaded just now. Try again in a minute."
            return
        self.rows = [booking_row(b) for b in page.items]
        self.total = page.total
        self.error = ""

    @rx.event
    def load(self) -> None:
        """on_load: the newest bookings."""
        if self._current_admin() is None:
            return
        self._read()
        self.loading = False

    @rx.event
    def set_filter(self, name: str, value: str) -> None:
        """Change a filter and list again from the first page."""
        if self._current_admin() is None:
            return
        if name == "status" and value in STATUSES:
            self.status_label = value
        elif name == "kind" and value in KINDS:
            self.kind_label = value
        elif name in ("date_from", "date_to", "reference"):
            setattr(self, name, value)
        self.page = 1
        self._read()

    @rx.event
    def change_page(self, step: int) -> None:
        """Next (1) or previous (-1) page."""
        if self._current_admin() is None:
            return
        self.page = max(1, self.page + step)
        self._read()

    @rx.event
    def open_detail(self, reference: str) -> None:
        """Show one booking's details."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.detail = next((r for r in self.rows if r["reference"] == reference), {})
        self.confirm_cancel = False

    @rx.event
    def close_detail(self, _open: bool = False) -> None:
        """Close the detail panel."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.detail = {}
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
        from app.services import bookings
        from app.services.booking_lookup import BookingNotFoundError

        admin = self._require_role(EDIT_ROLES)
        if admin is None:
            return self._refusal()
        reference = self.detail.get("reference", "")
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
