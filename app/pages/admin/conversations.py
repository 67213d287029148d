"""/admin/conversations: what visitors talked about, transcripts, and unanswered questions."""

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
    section_title,
    status_badge,
    table_header,
)
from app.components.layout import admin_layout
from app.state.admin_conversations import ConversationsState
from app.state.auth import AuthState

S = ConversationsState


def _filters() -> rx.Component:
    return filter_bar(
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
        labelled(
            "Intent",
            rx.input(
                placeholder="e.g. book_service",
                value=S.intent,
                on_change=lambda v: S.set_filter("intent", v),
                debounce_timeout=400,
                aria_label="Intent",
            ),
        ),
        labelled(
            "Outcome",
            rx.select(
                S.outcome_options,
                value=S.outcome_label,
                on_change=lambda v: S.set_filter("outcome", v),
                # The high-level select gives custom_attrs to its trigger button.
                custom_attrs={"aria-label": "Outcome"},
            ),
        ),
        rx.button("Clear", variant="soft", color_scheme="gray", on_click=S.clear_filters),
    )


def _row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(row["started"], size="1", white_space="nowrap")),
        rx.table.cell(
            rx.text(
                row["preview"],
                size="2",
                max_width="380px",
                overflow="hidden",
                text_overflow="ellipsis",
                white_space="nowrap",
            )
        ),
        rx.table.cell(rx.text(row["intent"], size="1")),
        rx.table.cell(rx.cond(row["outcome"] != "", status_badge(row["outcome"]), rx.text("–"))),
        rx.table.cell(row["messages"]),
        rx.table.cell(
            rx.button("Open", size="1", variant="soft", on_click=S.open_transcript(row["id"]))
        ),
        cursor="pointer",
        _hover={"background": "var(--gray-2)"},
    )


def _list() -> rx.Component:
    return card(
        _filters(),
        error_callout(S.error),
        rx.cond(
            S.loading & (S.rows.length() == 0),
            loading_rows(6),
            rx.cond(
                S.rows.length() > 0,
                rx.vstack(
                    data_table(
                        table_header(
                            "Started", "First message", "Intent", "Outcome", "Messages", ""
                        ),
                        rx.table.body(rx.foreach(S.rows, _row)),
                    ),
                    rx.hstack(
                        rx.text(S.page_label, size="2", color_scheme="gray"),
                        rx.spacer(),
                        rx.button(
                            "Newer",
                            variant="soft",
                            size="1",
                            on_click=S.previous_page,
                            disabled=S.page <= 1,
                        ),
                        rx.button(
                            "Older",
                            variant="soft",
                            size="1",
                            on_click=S.next_page,
                            disabled=~S.has_next,
                        ),
                        width="100%",
                        align="center",
                    ),
                    width="100%",
                ),
                empty_state(
                    "messages-square",
                    "No conversations here",
                    "When visitors chat with the bot, their conversations appear here. Try other filters, or open the widget and say hello.",
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
        rx.hstack(
            rx.text(turn["time"], size="1", color_scheme="gray"),
            rx.cond(
                turn["intent"] != "",
                rx.badge(turn["intent"], " ", turn["confidence"], size="1", variant="soft"),
            ),
            rx.cond(turn["outcome"] != "", status_badge(turn["outcome"])),
            rx.cond(turn["latency"] != "", rx.text(turn["latency"], size="1", color_scheme="gray")),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.foreach(
            turn["sources"].to(list[dict[str, str]]),
            lambda s: rx.link("Source: ", s["title"], href=s["url"], is_external=True, size="1"),
        ),
        align=rx.cond(is_visitor, "end", "start"),
        spacing="1",
        width="100%",
        class_name="transcript-turn",
    )


def _file(file: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.cond(
            file["is_image"],
            rx.link(
                rx.image(
                    src=file["url"].to(str),
                    alt=file["name"].to(str),
                    width="48px",
                    height="48px",
                    object_fit="cover",
                    border_radius="6px",
                    loading="lazy",
                ),
                href=file["url"].to(str),
                is_external=True,
            ),
            rx.center(
                rx.icon("file-text", size=24, aria_hidden="true"), width="48px", height="48px"
            ),
        ),
        rx.vstack(
            rx.link(file["name"], href=file["url"].to(str), is_external=True, size="2"),
            rx.text(
                file["kind"],
                " · ",
                file["size"],
                " · ",
                file["time"],
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
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(S.transcript_title),
            rx.dialog.description(
                "Personal details (emails, phone numbers) are masked.",
                size="1",
                color_scheme="gray",
            ),
            # A plain scrolling box that takes the focus, so the arrow keys can scroll it
            # (Radix's scroll area viewport cannot be focused).
            rx.box(
                rx.vstack(
                    rx.foreach(S.turns, _turn), spacing="3", width="100%", padding_right="12px"
                ),
                max_height="60vh",
                overflow_y="auto",
                tab_index=0,
                role="region",
                aria_label="Transcript",
            ),
            _files(),
            rx.hstack(
                rx.spacer(),
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                margin_top="12px",
            ),
            max_width="720px",
        ),
        open=S.open_id != "",
        on_open_change=S.close_transcript,
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
                        rx.text(u["text"], size="2"),
                        rx.spacer(),
                        status_badge(u["outcome"]),
                        rx.badge(u["count"], "×", variant="outline"),
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
