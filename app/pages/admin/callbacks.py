"""/admin/callbacks: visitors who asked for a person (or whom the bot could not help).

Staff call or email them back, mark the request done, and can read the conversation first.
"""

from __future__ import annotations

import reflex as rx

from app.components.admin_ui import (
    admin_dialog,
    card,
    data_table,
    empty_state,
    error_callout,
    filter_bar,
    labelled,
    loading_rows,
    status_badge,
    table_header,
    transcript_box,
    transcript_turn,
)
from app.components.layout import admin_layout
from app.state.admin_callbacks import VIEWS, CallbacksState
from app.state.auth import AuthState
from app.state.rows import CallbackRow, TurnRow

S = CallbacksState


def _contact(row: rx.Var[CallbackRow]) -> rx.Component:
    href = rx.cond(row.kind == "email", "mailto:" + row.contact, "tel:" + row.contact)
    return rx.hstack(
        rx.icon(rx.cond(row.kind == "email", "mail", "phone"), size=14),
        rx.link(row.contact, href=href, size="2"),
        spacing="1",
        align="center",
    )


def _actions(row: rx.Var[CallbackRow]) -> rx.Component:
    return rx.hstack(
        rx.button(
            "Conversation",
            size="1",
            variant="soft",
            on_click=S.open_transcript(row.id),
            aria_label="Open the conversation of request " + row.id.to_string(),
        ),
        rx.cond(
            AuthState.can_edit,
            rx.cond(
                row.status == "open",
                rx.button(
                    "Mark done",
                    size="1",
                    on_click=S.set_status(row.id, "done"),
                    aria_label="Mark request " + row.id.to_string() + " done",
                ),
                rx.button(
                    "Reopen",
                    size="1",
                    variant="outline",
                    color_scheme="gray",
                    on_click=S.set_status(row.id, "open"),
                    aria_label="Reopen request " + row.id.to_string(),
                ),
            ),
        ),
        spacing="2",
    )


def _row(row: rx.Var[CallbackRow]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text("#", row.id, size="1", color_scheme="gray")),
        rx.table.cell(rx.text(row.created, size="1", white_space="nowrap")),
        rx.table.cell(_contact(row)),
        rx.table.cell(
            rx.vstack(
                rx.text(row.note, size="2"),
                rx.text(row.reason, size="1", color_scheme="gray"),
                spacing="0",
            ),
            max_width="360px",
        ),
        rx.table.cell(
            rx.vstack(
                status_badge(row.status),
                rx.cond(row.done != "", rx.text(row.done, size="1", color_scheme="gray")),
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
                rx.select(list(VIEWS), value=S.view, on_change=S.set_view, aria_label="Show"),
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


def _turn(turn: rx.Var[TurnRow]) -> rx.Component:
    return transcript_turn(turn, rx.text(turn.time, size="1", color_scheme="gray"))


def _transcript() -> rx.Component:
    return admin_dialog(
        rx.dialog.title("Conversation of request #", S.transcript_for),
        rx.dialog.description(
            "Note: ",
            S.transcript_note,
            ". Personal details (emails, phone numbers) are masked.",
            size="1",
            color_scheme="gray",
        ),
        transcript_box(S.turns, _turn),
        is_open=S.transcript_for != 0,
        on_close=S.close_transcript,
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
