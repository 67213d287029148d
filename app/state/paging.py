"""What the admin list pages with a date range and a pager share (bookings, conversations).

A Reflex state mixin: each page's state gets its own copy of these vars and handlers, so the
bookings' filter and page are not the conversations' ones. The page's state says how it lists
again (`_list_again`) and how many rows a page holds (`page_size`); the matching components are
`admin_ui.date_range` and `admin_ui.pager`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import reflex as rx

from app.models.page import Page
from app.state.auth import ALL_ROLES
from app.state.loading import LoadingMixin


def parse_date(value: str) -> dt.date | None:
    """A date picker's value ("YYYY-MM-DD"), or None when empty or not a date."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


class DatedListMixin(LoadingMixin, mixin=True):
    """A date range filter, one page of a list, and how it loads. Use with AuthState:
    `class BookingsState(DatedListMixin, AuthState)`."""

    page_size: ClassVar[int] = 20
    date_from: str = ""
    date_to: str = ""
    page: int = 1
    total: int = 0

    @rx.var
    def has_next(self) -> bool:
        """More pages after this one."""
        return self.page * self.page_size < self.total

    @rx.var
    def page_label(self) -> str:
        """'21–40 of 73' (empty when there is nothing)."""
        if self.total == 0:
            return ""
        first = Page.offset(self.page, self.page_size) + 1
        return f"{first}–{min(self.total, first + self.page_size - 1)} of {self.total}"

    def _list_again(self) -> Any:
        """Read the current page with the current filters (or return the event that does)."""
        raise NotImplementedError

    def _from_first_page(self) -> Any:
        """After a filter changed: list again from the first page."""
        self.page = 1
        return self._list_again()

    def _dates(self) -> tuple[dt.date | None, dt.date | None]:
        return parse_date(self.date_from), parse_date(self.date_to)

    @rx.event
    def load(self) -> Any:
        """on_load: the first page with the current filters."""
        if self._current_admin() is None:
            return None
        return self._list_again()

    @rx.event
    def set_date(self, which: str, value: str) -> Any:
        """Change the start (`date_from`) or the end (`date_to`) of the range."""
        if not self._token_allows(ALL_ROLES):
            return None
        if which == "date_from":
            self.date_from = value
        elif which == "date_to":
            self.date_to = value
        return self._from_first_page()

    @rx.event
    def change_page(self, step: int) -> Any:
        """The next (1) or the previous (-1) page."""
        if not self._token_allows(ALL_ROLES):
            return None
        if step > 0 and self.has_next:
            self.page += 1
        elif step < 0:
            self.page = max(1, self.page - 1)
        return self._list_again()
