"""/admin/callbacks: visitors who asked for a person (or whom the bot could not help).

Staff call or email them back, mark the request done, and can read the conversation first.
"""

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
from app.state.admin_callbacks import CallbacksState
from app.state.auth import AuthState

S = CallbacksState


def _contact(row: rx.Var) -> rx.Component:
    href = rx.cond(row["kind"] == "email", "mailto:" + row["contact"], "tel:" + row["contact"])
    return rx.hstack(
        rx.icon(rx.cond(row["kind"] == "email", "mail", "phone"), size=14),
        rx.link(row["contact"], href=href, size="2"),
        spacing="1",
        align="center",
    )


def _actions(row: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.button(
            "Conversation",
            size="1",
            variant="soft",
            on_click=S.open_transcript(row["id"]),
            aria_label="Open the conversation of request " + row["id"],
        ),
        rx.cond(
            AuthState.can_edit,
            rx.cond(
                row["status"] == "open",
                rx.button(
                    "Mark done",
                    size="1",
                    on_click=S.set_status(row["id"], "done"),
                    aria_label="Mark request " + row["id"] + " done",
                ),
                rx.button(
                    "Reopen",
                    size="1",
                    variant="outline",
                    color_scheme="gray",
                    on_click=S.set_status(row["id"], "open"),
                    aria_label="Reopen request " + row["id"],
                ),
            ),
        ),
        spacing="2",
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text("#", row["id"], size="1", color_scheme="gray")),
        rx.table.cell(rx.text(row["created"], size="1", white_space="nowrap")),
        rx.table.cell(_contact(row)),
        rx.table.cell(
            rx.vstack(
                rx.text(row["note"], size="2"),
                rx.text(row["reason"], size="1", color_scheme="gray"),
                spacing="0",
            ),
            max_width="360px",
        ),
        rx.table.cell(
            rx.vstack(
                status_badge(row["status"]),
                rx.cond(row["done"] != "", rx.text(row["done"], size="1", color_scheme="gray")),
                spacing="1",
            )
        ),
        rx.table.cell(_actions(row)),
        class_name="callback-row",
    )


def _list() -> rx.Component:
    return card(
        filter_bar(
            labelled(
                "Show",
                rx.select(S.view_options, value=S.view, on_change=S.set_view, aria_label="Show"),
            ),
        ),
        error_callout(S.error),
        rx.cond(
            S.loading & (S.rows.length() == 0),
            loading_rows(4),
            rx.cond(
                S.rows.length() > 0,
                data_table(
                    table_header("", "Asked", "Contact", "Note", "Status", ""),
                    rx.table.body(rx.foreach(S.rows, _row)),
                ),
                empty_state(
                    "phone-call",
                    "Nobody is waiting",
                    "When a visitor asks for a person, or the bot cannot help them, their contact and note appear here.",
                ),
            ),
        ),
    )


def _turn(turn: rx.Var) -> rx.Component:
    is_visitor = turn["role"] == "visitor"
    return rx.vstack(
        rx.box(
            rx.text(turn["text"], size="2", white_space="pre-wrap"),
            background=rx.cond(is_visitor, "var(--accent-9)", "var(--gray-3)"),
            color=rx.cond(is_visitor, "white", "var(--gray-12)"),
            padding="8px 12px",
            border_radius="12px",
            max_width="85%",
        ),
        rx.text(turn["time"], size="1", color_scheme="gray"),
        align=rx.cond(is_visitor, "end", "start"),
        spacing="1",
        width="100%",
        class_name="transcript-turn",
    )


def _transcript() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Conversation of request #", S.transcript_for),
            rx.dialog.description(
                "Note: ",
                S.transcript_note,
                ". Personal details (emails, phone numbers) are masked.",
                size="1",
                color_scheme="gray",
            ),
            rx.scroll_area(
                rx.vstack(
                    rx.foreach(S.turns, _turn), spacing="3", width="100%", padding_right="12px"
                ),
                max_height="60vh",
                type="auto",
            ),
            rx.hstack(
                rx.spacer(),
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                margin_top="12px",
            ),
            max_width="720px",
        ),
        open=S.transcript_for != "",
        on_open_change=S.close_transcript,
    )


@rx.page(
    route="/admin/callbacks",
    title="Dashboard · Callbacks",
    on_load=[AuthState.require_login, CallbacksState.load],
)
def callbacks() -> rx.Component:
    """Callback requests: contact, note, status; mark done; open the conversation."""
    return admin_layout(
        "Callbacks",
        "Visitors waiting for someone from your team to get back to them",
        _list(),
        _transcript(),
    )
