"""/admin/bookings: every booking and meeting, filters, detail, cancel."""

from __future__ import annotations

import reflex as rx

from app.components.admin_ui import (
    admin_dialog,
    date_range,
    empty_state,
    filter_bar,
    paged_table,
    pager,
    select_filter,
    status_badge,
    table_header,
    text_filter,
)
from app.components.layout import admin_layout
from app.state.admin_bookings import KINDS, STATUSES, BookingsState
from app.state.auth import AuthState
from app.state.rows import BookingRow

S = BookingsState


def _filters() -> rx.Component:
    return filter_bar(
        text_filter("Reference", S.reference, lambda v: S.set_filter("reference", v), "BK-2026-…"),
        select_filter("Type", list(KINDS), S.kind_label, lambda v: S.set_filter("kind", v)),
        select_filter(
            "Status", list(STATUSES), S.status_label, lambda v: S.set_filter("status", v)
        ),
        *date_range(S),
    )


def _row(row: rx.Var[BookingRow]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.reference, weight="medium", font_family="monospace")),
        rx.table.cell(row.what),
        rx.table.cell(rx.text(row.when, size="2", white_space="nowrap")),
        rx.table.cell(row.name),
        rx.table.cell(status_badge(row.status)),
        rx.table.cell(
            rx.button("Details", size="1", variant="soft", on_click=S.open_detail(row.reference))
        ),
    )


def _detail_line(label: str, value: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.text(label, size="2", color_scheme="gray", width="120px"),
        rx.text(value, size="2"),
        width="100%",
    )


def _detail() -> rx.Component:
    d = S.detail
    cancel_area = rx.cond(
        AuthState.can_edit & (d.status != "cancelled"),
        rx.cond(
            S.confirm_cancel,
            rx.callout(
                rx.vstack(
                    rx.text(
                        "Cancel ",
                        d.reference,
                        "? The visitor will get an email saying it is cancelled.",
                    ),
                    rx.hstack(
                        rx.button("Yes, cancel it", color_scheme="red", on_click=S.cancel_booking),
                        rx.button(
                            "Keep it",
                            variant="soft",
                            color_scheme="gray",
                            on_click=S.ask_cancel(False),
                        ),
                    ),
                ),
                color_scheme="red",
                icon="triangle-alert",
            ),
            rx.button(
                rx.icon("calendar-x", size=16, aria_hidden="true"),
                "Cancel booking",
                color_scheme="red",
                variant="soft",
                on_click=S.ask_cancel(True),
            ),
        ),
    )
    return admin_dialog(
        rx.dialog.title(rx.hstack(rx.text(d.reference), status_badge(d.status), align="center")),
        rx.dialog.description(d.what, " · ", d.when, "–", d.until, size="2", color_scheme="gray"),
        rx.vstack(
            _detail_line("Visitor", d.name),
            _detail_line("Email", d.email),
            _detail_line("Phone", rx.cond(d.phone != "", d.phone, "not given")),
            _detail_line("Length", d.duration),
            _detail_line("Price", d.price),
            _detail_line("Booked on", d.created),
            _detail_line("Conversation", d.conversation),
            spacing="2",
            margin_y="16px",
            width="100%",
        ),
        cancel_area,
        is_open=d.is_not_none(),
        on_close=S.close_detail,
        max_width="560px",
    )


@rx.page(
    route="/admin/bookings",
    title="Dashboard · Bookings",
    on_load=[AuthState.require_login, BookingsState.load],
)
def bookings() -> rx.Component:
    """Bookings made through the bot."""
    return admin_layout(
        "Bookings",
        "Appointments and meetings visitors booked through the bot",
        paged_table(
            S,
            _filters(),
            S.rows,
            table_header("Reference", "Service", "When", "Visitor", "Status", ""),
            _row,
            pager(S, S.total, " in total"),
            empty_state(
                "calendar",
                "No bookings here",
                "Bookings made in the chat appear here. Try other filters.",
            ),
        ),
        _detail(),
    )
