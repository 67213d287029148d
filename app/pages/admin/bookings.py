"""/admin/bookings: every booking and meeting, filters, detail, cancel."""

from __future__ import annotations

import reflex as rx

from app.components.admin_ui import (
    card,
    data_table,
    empty_state,
    error_callout,
    filter_bar,
    labelled,
    loading_rows,
    status_badge,
    table_header,
)
from app.components.layout import admin_layout
from app.state.admin_bookings import BookingsState
from app.state.auth import AuthState

S = BookingsState


def _filters() -> rx.Component:
    return filter_bar(
        labelled(
            "Reference",
            rx.input(
                placeholder="BK-2026-…",
                value=S.reference,
                on_change=lambda v: S.set_filter("reference", v),
                debounce_timeout=400,
                aria_label="Reference",
            ),
        ),
        labelled(
            "Type",
            rx.select(
                S.kind_options,
                value=S.kind_label,
                on_change=lambda v: S.set_filter("kind", v),
                # The high-level select gives custom_attrs to its trigger button.
                custom_attrs={"aria-label": "Type"},
            ),
        ),
        labelled(
            "Status",
            rx.select(
                S.status_options,
                value=S.status_label,
                on_change=lambda v: S.set_filter("status", v),
                # The high-level select gives custom_attrs to its trigger button.
                custom_attrs={"aria-label": "Status"},
            ),
        ),
        labelled(
            "From",
            rx.input(
                type="date",
                value=S.date_from,
                on_change=lambda v: S.set_filter("date_from", v),
                aria_label="From date",
            ),
        ),
        labelled(
            "To",
            rx.input(
                type="date",
                value=S.date_to,
                on_change=lambda v: S.set_filter("date_to", v),
                aria_label="To date",
            ),
        ),
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row["reference"], weight="medium", font_family="monospace")),
        rx.table.cell(row["what"]),
        rx.table.cell(rx.text(row["when"], size="2", white_space="nowrap")),
        rx.table.cell(row["name"]),
        rx.table.cell(status_badge(row["status"])),
        rx.table.cell(
            rx.button("Details", size="1", variant="soft", on_click=S.open_detail(row["reference"]))
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
        AuthState.can_edit & (d["status"] != "cancelled"),
        rx.cond(
            S.confirm_cancel,
            rx.callout(
                rx.vstack(
                    rx.text(
                        "Cancel ",
                        d["reference"],
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
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(
                rx.hstack(rx.text(d["reference"]), status_badge(d["status"]), align="center")
            ),
            rx.dialog.description(
                d["what"], " · ", d["when"], "–", d["until"], size="2", color_scheme="gray"
            ),
            rx.vstack(
                _detail_line("Visitor", d["name"]),
                _detail_line("Email", d["email"]),
                _detail_line("Phone", rx.cond(d["phone"] != "", d["phone"], "not given")),
                _detail_line("Length", d["duration"]),
                _detail_line("Price", d["price"]),
                _detail_line("Booked on", d["created"]),
                _detail_line("Conversation", d["conversation"]),
                spacing="2",
                margin_y="16px",
                width="100%",
            ),
            cancel_area,
            rx.hstack(
                rx.spacer(),
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                margin_top="12px",
            ),
            max_width="560px",
        ),
        open=d.length() > 0,
        on_open_change=S.close_detail,
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
        card(
            _filters(),
            error_callout(S.error),
            rx.cond(
                S.loading,
                loading_rows(6),
                rx.cond(
                    S.rows.length() > 0,
                    rx.vstack(
                        data_table(
                            table_header("Reference", "Service", "When", "Visitor", "Status", ""),
                            rx.table.body(rx.foreach(S.rows, _row)),
                        ),
                        rx.hstack(
                            rx.text(S.total, " in total", size="2", color_scheme="gray"),
                            rx.spacer(),
                            rx.button(
                                "Previous",
                                size="1",
                                variant="soft",
                                on_click=S.change_page(-1),
                                disabled=S.page <= 1,
                            ),
                            rx.button(
                                "Next",
                                size="1",
                                variant="soft",
                                on_click=S.change_page(1),
                                disabled=~S.has_next,
                            ),
                            width="100%",
                        ),
                        width="100%",
                    ),
                    empty_state(
                        "calendar",
                        "No bookings here",
                        "Bookings made in the chat appear here. Try other filters.",
                    ),
                ),
            ),
        ),
        _detail(),
    )
