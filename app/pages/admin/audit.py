"""/admin/audit (admins only): staff changes with before and after, and the bot's actions."""

from __future__ import annotations

import reflex as rx

from app.components.admin_ui import (
    card,
    data_table,
    empty_state,
    error_callout,
    loading_rows,
    status_badge,
    table_header,
)
from app.components.layout import admin_layout
from app.state.admin_audit import AuditState
from app.state.auth import AuthState
from app.state.rows import BotActionRow, FieldChange, StaffChangeRow

S = AuditState


def _change(change: rx.Var[FieldChange]) -> rx.Component:
    return rx.hstack(
        rx.text(change.field, size="1", weight="bold", min_width="110px"),
        rx.code(change.before, size="1", color_scheme="red", variant="soft"),
        rx.icon("arrow-right", size=12, aria_hidden="true"),
        rx.code(change.after, size="1", color_scheme="green", variant="soft"),
        wrap="wrap",
        align="center",
        spacing="2",
    )


def _staff_row(row: rx.Var[StaffChangeRow]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.when, size="1", white_space="nowrap")),
        rx.table.cell(row.who),
        rx.table.cell(
            rx.vstack(
                rx.text(row.action, weight="medium", size="2"),
                rx.text(row.target, size="1", color_scheme="gray"),
                spacing="0",
            )
        ),
        rx.table.cell(rx.vstack(rx.foreach(row.changes, _change), spacing="1")),
    )


def _bot_row(row: rx.Var[BotActionRow]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.when, size="1", white_space="nowrap")),
        rx.table.cell(row.action),
        rx.table.cell(rx.text(row.reference, font_family="monospace")),
        rx.table.cell(status_badge(row.status)),
        rx.table.cell(rx.text(row.detail, size="1")),
    )


@rx.page(
    route="/admin/audit",
    title="Dashboard · Audit log",
    on_load=[AuthState.require_login, AuditState.load],
)
def audit() -> rx.Component:
    """Both audit trails."""
    return admin_layout(
        "Audit log",
        "Who changed what, and what the bot did (no personal data is kept here)",
        error_callout(S.error),
        card(
            rx.tabs.root(
                rx.tabs.list(
                    rx.tabs.trigger(rx.text("Staff changes (", S.staff_total, ")"), value="staff"),
                    rx.tabs.trigger(rx.text("Bot actions (", S.bot_total, ")"), value="bot"),
                ),
                rx.tabs.content(
                    rx.cond(
                        S.loading,
                        loading_rows(),
                        rx.cond(
                            S.staff_rows.length() > 0,
                            data_table(
                                table_header("When", "Who", "What", "Changes"),
                                rx.table.body(rx.foreach(S.staff_rows, _staff_row)),
                            ),
                            empty_state(
                                "scroll-text",
                                "No changes yet",
                                "Every save on the Tasks, Settings and Users pages is recorded here.",
                            ),
                        ),
                    ),
                    value="staff",
                    padding_top="12px",
                ),
                rx.tabs.content(
                    rx.cond(
                        S.bot_rows.length() > 0,
                        data_table(
                            table_header("When", "Action", "Reference", "Status", "Detail"),
                            rx.table.body(rx.foreach(S.bot_rows, _bot_row)),
                        ),
                        empty_state(
                            "bot",
                            "No bot actions yet",
                            "Bookings, reschedules and cancellations made by the bot are recorded here.",
                        ),
                    ),
                    value="bot",
                    padding_top="12px",
                ),
                value=S.tab,
                on_change=S.set_tab,
            ),
        ),
    )
