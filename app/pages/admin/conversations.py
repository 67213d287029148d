"""/admin/conversations: what visitors talked about, transcripts, and unanswered questions."""

from __future__ import annotations

import reflex as rx

from app.components.admin_ui import (
    admin_dialog,
    card,
    date_range,
    empty_state,
    filter_bar,
    paged_table,
    pager,
    section_title,
    select_filter,
    status_badge,
    table_header,
    text_filter,
    transcript_box,
    transcript_turn,
)
from app.components.layout import admin_layout
from app.state.admin_conversations import OUTCOME_FILTERS, ConversationsState
from app.state.auth import AuthState
from app.state.rows import AttachmentRow, ConversationRow, TurnRow

S = ConversationsState


def _filters() -> rx.Component:
    return filter_bar(
        *date_range(S),
        text_filter("Intent", S.intent, lambda v: S.set_filter("intent", v), "e.g. book_service"),
        select_filter(
            "Outcome",
            list(OUTCOME_FILTERS),
            S.outcome_label,
            lambda v: S.set_filter("outcome", v),
        ),
        rx.button("Clear", variant="soft", color_scheme="gray", on_click=S.clear_filters),
    )


def _row(row: rx.Var[ConversationRow]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row.started, size="1", white_space="nowrap")),
        rx.table.cell(
            rx.text(
                row.preview,
                size="2",
                max_width="380px",
                overflow="hidden",
                text_overflow="ellipsis",
                white_space="nowrap",
            )
        ),
        rx.table.cell(rx.text(row.intent, size="1")),
        rx.table.cell(rx.cond(row.outcome != "", status_badge(row.outcome), rx.text("–"))),
        rx.table.cell(row.messages),
        rx.table.cell(
            rx.button("Open", size="1", variant="soft", on_click=S.open_transcript(row.id))
        ),
        cursor="pointer",
        _hover={"background": "var(--gray-2)"},
    )


def _list() -> rx.Component:
    return paged_table(
        S,
        _filters(),
        S.rows,
        table_header("Started", "First message", "Intent", "Outcome", "Messages", ""),
        _row,
        pager(S, S.page_label, previous="Newer", following="Older"),
        empty_state(
            "messages-square",
            "No conversations here",
            "When visitors chat with the bot, their conversations appear here. Try other filters, or open the widget and say hello.",
        ),
    )


def _turn(turn: rx.Var[TurnRow]) -> rx.Component:
    return transcript_turn(
        turn,
        rx.hstack(
            rx.text(turn.time, size="1", color_scheme="gray"),
            rx.cond(
                turn.intent != "",
                rx.badge(turn.intent, " ", turn.confidence, size="1", variant="soft"),
            ),
            rx.cond(turn.outcome != "", status_badge(turn.outcome)),
            rx.cond(turn.latency != "", rx.text(turn.latency, size="1", color_scheme="gray")),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.foreach(
            turn.sources,
            lambda s: rx.link("Source: ", s.title, href=s.url, is_external=True, size="1"),
        ),
    )


def _file(file: rx.Var[AttachmentRow]) -> rx.Component:
    return rx.hstack(
        rx.cond(
            file.is_image,
            rx.link(
                rx.image(
                    src=file.url,
                    alt=file.name,
                    width="48px",
                    height="48px",
                    object_fit="cover",
                    border_radius="6px",
                    loading="lazy",
                ),
                href=file.url,
                is_external=True,
            ),
            rx.center(
                rx.icon("file-text", size=24, aria_hidden="true"), width="48px", height="48px"
            ),
        ),
        rx.vstack(
            rx.link(file.name, href=file.url, is_external=True, size="2"),
            rx.text(
                file.kind,
                " · ",
                file.size,
                " · ",
                file.time,
                size="1",
                color_scheme="gray",
            ),
            spacing="0",
        ),
        align="center",
        spacing="3",
        width="100%",
        class_name="transcript-file",
    )


def _files() -> rx.Component:
    return rx.vstack(
        rx.text("Files the visitor sent", size="2", weight="bold"),
        rx.cond(
            S.files.length() > 0,
            rx.vstack(
                rx.foreach(S.files, _file),
                rx.text(
                    "Links work for 10 minutes; reopen the conversation for fresh ones.",
                    size="1",
                    color_scheme="gray",
                ),
                spacing="2",
                width="100%",
            ),
            rx.text("The visitor sent no files.", size="2", color_scheme="gray"),
        ),
        spacing="2",
        width="100%",
        margin_top="12px",
        padding_top="12px",
        border_top="1px solid var(--gray-a4)",
    )


def _transcript() -> rx.Component:
    return admin_dialog(
        rx.dialog.title(S.transcript_title),
        rx.dialog.description(
            "Personal details (emails, phone numbers) are masked.", size="1", color_scheme="gray"
        ),
        transcript_box(S.turns, _turn),
        _files(),
        is_open=S.open_id != 0,
        on_close=S.close_transcript,
    )


def _unanswered() -> rx.Component:
    return card(
        section_title(
            "Unanswered questions (last 30 days)",
            "Questions the bot declined or did not understand. Add content that answers them.",
        ),
        rx.cond(
            S.unanswered.length() > 0,
            rx.vstack(
                rx.foreach(
                    S.unanswered,
                    lambda u: rx.hstack(
                        rx.text(u.text, size="2"),
                        rx.spacer(),
                        status_badge(u.outcome),
                        rx.badge(u.count, "×", variant="outline"),
                        width="100%",
                        padding_y="6px",
                        border_bottom="1px solid var(--gray-a3)",
                    ),
                ),
                rx.link("Add content", href="/admin/content", size="2"),
                width="100%",
                spacing="1",
            ),
            empty_state("circle-check", "Nothing unanswered", "Every question found an answer."),
        ),
    )


@rx.page(
    route="/admin/conversations",
    title="Dashboard · Conversations",
    on_load=[AuthState.require_login, ConversationsState.load],
)
def conversations() -> rx.Component:
    """Conversation list, transcripts, unanswered questions."""
    return admin_layout(
        "Conversations",
        "What visitors asked, and how the bot answered",
        _list(),
        _unanswered(),
        _transcript(),
    )
