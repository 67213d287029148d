"""/admin/content: what the bot knows, adding pages and files, and trying a question."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import described_by, label_file_input
from app.components.admin_ui import (
    card,
    data_table,
    empty_state,
    error_callout,
    field_error,
    loading_rows,
    section_title,
    status_badge,
    table_header,
)
from app.components.layout import admin_layout
from app.state.admin_content import COLLECTION_LABELS, UPLOAD_ID, ContentState
from app.state.auth import AuthState
from app.state.rows import JobRow, PassageRow, SourceRow


def _add_card() -> rx.Component:
    return card(
        section_title(
            "Add content",
            "A page, a sitemap (…/sitemap.xml) or a whole site; or upload PDF, Markdown, text or HTML files.",
        ),
        rx.flex(
            rx.box(
                rx.input(
                    placeholder="https://www.example.com/prices",
                    value=ContentState.new_target,
                    on_change=ContentState.set_new_target,
                    aria_label="Page or sitemap address",
                    custom_attrs=described_by("content-target", ContentState.target_error),
                    width="100%",
                    size="3",
                ),
                flex="1",
                min_width="240px",
            ),
            rx.select.root(
                rx.select.trigger(aria_label="Collection"),
                rx.select.content(
                    *[rx.select.item(label, value=key) for key, label in COLLECTION_LABELS.items()]
                ),
                value=ContentState.new_collection,
                on_change=ContentState.set_new_collection,
                size="3",
            ),
            rx.button(
                rx.icon("plus", size=16, aria_hidden="true"),
                "Add",
                size="3",
                on_click=ContentState.add_url,
                loading=ContentState.starting,
            ),
            gap="8px",
            wrap="wrap",
            width="100%",
        ),
        field_error(ContentState.target_error, "content-target"),
        rx.flex(
            label_file_input(
                rx.upload.root(
                    rx.hstack(
                        rx.icon("upload", size=18, aria_hidden="true"),
                        rx.text("Drop files here or click to choose", size="2"),
                        color="var(--gray-11)",
                        align="center",
                    ),
                    id=UPLOAD_ID,
                    multiple=True,
                    max_size=10 * 1024 * 1024,
                    accept={
                        "application/pdf": [".pdf"],
                        "text/markdown": [".md", ".markdown"],
                        "text/plain": [".txt"],
                        "text/html": [".html", ".htm"],
                        "application/json": [".json"],
                        "text/csv": [".csv"],
                    },
                    border="1px dashed var(--gray-a7)",
                    border_radius="10px",
                    padding="14px",
                    flex="1",
                    min_width="240px",
                    cursor="pointer",
                ),
                "Files to add (PDF, Markdown, text, HTML, JSON or CSV)",
            ),
            rx.vstack(
                rx.foreach(
                    rx.selected_files(UPLOAD_ID),
                    lambda name: rx.text(name, size="1", color_scheme="gray"),
                ),
                rx.button(
                    rx.icon("file-up", size=16, aria_hidden="true"),
                    "Upload and add",
                    variant="soft",
                    on_click=ContentState.upload_files(rx.upload_files_chunk(upload_id=UPLOAD_ID)),
                ),
                spacing="1",
            ),
            gap="12px",
            wrap="wrap",
            align="center",
            margin_top="14px",
            width="100%",
        ),
    )


def _job(job: rx.Var[JobRow]) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.cond(~job.finished, rx.spinner(size="1")),
            rx.text(
                job.target,
                size="2",
                weight="medium",
                trim="both",
                overflow="hidden",
                text_overflow="ellipsis",
                white_space="nowrap",
                max_width="60%",
            ),
            status_badge(job.status),
            rx.spacer(),
            rx.text(job.pages, size="1", color_scheme="gray"),
            width="100%",
            align="center",
        ),
        rx.progress(
            value=job.percent,
            max=100,
            aria_label="Import of " + job.target,
            width="100%",
            color_scheme=rx.cond(job.status == "failed", "red", "teal"),
        ),
        rx.text(job.message, size="1", color_scheme="gray", class_name="job-message"),
        spacing="1",
        width="100%",
        padding_y="8px",
        border_bottom="1px solid var(--gray-a3)",
        class_name="ingest-job",
    )


def _jobs_card() -> rx.Component:
    return rx.cond(
        ContentState.jobs.length() > 0,
        card(
            section_title("Recent imports", "Live progress of pages being read and added."),
            rx.vstack(rx.foreach(ContentState.jobs, _job), spacing="0", width="100%"),
        ),
    )


def _source_actions(row: rx.Var[SourceRow]) -> rx.Component:
    return rx.cond(
        ContentState.confirm_delete == row.id,
        rx.hstack(
            rx.text("Delete?", size="1"),
            rx.button(
                "Yes, delete", size="1", color_scheme="red", on_click=ContentState.delete(row.id)
            ),
            rx.button(
                "Keep",
                size="1",
                variant="soft",
                color_scheme="gray",
                on_click=ContentState.ask_delete(0),
            ),
            align="center",
        ),
        rx.hstack(
            rx.button(
                rx.icon("refresh-cw", size=14, aria_hidden="true"),
                "Re-sync",
                size="1",
                variant="soft",
                on_click=ContentState.resync(row.id),
            ),
            rx.button(
                rx.icon("trash-2", size=14, aria_hidden="true"),
                "Delete",
                size="1",
                variant="soft",
                color_scheme="red",
                on_click=ContentState.ask_delete(row.id),
            ),
        ),
    )


def _source_row(row: rx.Var[SourceRow]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.vstack(
                rx.text(row.title, weight="medium", size="2"),
                rx.cond(
                    row.is_link,
                    rx.link(row.source, href=row.source, is_external=True, size="1"),
                    rx.text(row.source, size="1", color_scheme="gray"),
                ),
                spacing="0",
                max_width="360px",
                overflow="hidden",
            )
        ),
        rx.table.cell(row.collection),
        rx.table.cell(row.chunks),
        rx.table.cell(rx.text(row.ingested, size="1")),
        rx.table.cell(
            rx.vstack(
                status_badge(row.status),
                rx.cond(row.error != "", rx.text(row.error, size="1", color="var(--red-11)")),
                spacing="1",
            )
        ),
        rx.cond(AuthState.can_edit, rx.table.cell(_source_actions(row))),
    )


def _sources_card() -> rx.Component:
    header = rx.cond(
        AuthState.can_edit,
        table_header("Source", "Collection", "Passages", "Last read", "Status", ""),
        table_header("Source", "Collection", "Passages", "Last read", "Status"),
    )
    return card(
        section_title("What the bot knows", "Each page or file the bot answers from."),
        error_callout(ContentState.error),
        rx.cond(
            ContentState.loading,
            loading_rows(5),
            rx.cond(
                ContentState.sources.length() > 0,
                data_table(header, rx.table.body(rx.foreach(ContentState.sources, _source_row))),
                empty_state(
                    "book-open",
                    "No content yet",
                    "Add your website's address above: the bot will read it and answer visitors' questions from it.",
                ),
            ),
        ),
    )


def _passage(p: rx.Var[PassageRow]) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.badge("score ", p.score, variant="soft", color_scheme="teal"),
            rx.link(p.title, href=p.url, is_external=True, size="2", weight="medium"),
            rx.cond(p.section != "", rx.text("· ", p.section, size="1", color_scheme="gray")),
            rx.spacer(),
            rx.text(p.collection, size="1", color_scheme="gray"),
            width="100%",
            align="center",
            wrap="wrap",
        ),
        rx.text(p.text, size="2", color_scheme="gray", margin_top="6px"),
        padding="10px 12px",
        border="1px solid var(--gray-a4)",
        border_radius="8px",
        width="100%",
        class_name="passage",
    )


def _try_card() -> rx.Component:
    return card(
        section_title(
            "Try a question",
            "See the passages the bot would use, their scores, and the answer it would give.",
        ),
        rx.form(
            rx.hstack(
                rx.input(
                    placeholder="e.g. How much is a consultation?",
                    value=ContentState.question,
                    on_change=ContentState.set_question,
                    aria_label="Question to try",
                    width="100%",
                    size="3",
                ),
                rx.button(
                    rx.icon("search", size=16, aria_hidden="true"),
                    "Ask",
                    size="3",
                    type="submit",
                    loading=ContentState.asking,
                ),
                width="100%",
            ),
            on_submit=lambda _: ContentState.try_question(),
            width="100%",
        ),
        rx.cond(
            ContentState.asked,
            rx.vstack(
                rx.box(
                    rx.text(
                        rx.cond(
                            ContentState.answer_declined,
                            "The bot would decline:",
                            "The bot would answer:",
                        ),
                        size="1",
                        weight="bold",
                        color_scheme="gray",
                    ),
                    rx.text(ContentState.answer_text, size="3", class_name="tried-answer"),
                    rx.foreach(
                        ContentState.answer_sources,
                        lambda s: rx.link(
                            "Source: ", s.title, href=s.url, is_external=True, size="1"
                        ),
                    ),
                    background=rx.cond(
                        ContentState.answer_declined, "var(--amber-2)", "var(--accent-2)"
                    ),
                    padding="12px",
                    border_radius="8px",
                    width="100%",
                ),
                rx.cond(
                    ContentState.passages.length() > 0,
                    rx.vstack(
                        rx.text("Passages found", size="2", weight="bold"),
                        rx.foreach(ContentState.passages, _passage),
                        width="100%",
                        spacing="2",
                    ),
                    rx.text("No passage matched this question.", size="2", color_scheme="gray"),
                ),
                spacing="3",
                width="100%",
                margin_top="12px",
            ),
        ),
    )


@rx.page(
    route="/admin/content",
    title="Dashboard · Content",
    on_load=[AuthState.require_login, ContentState.load],
)
def content() -> rx.Component:
    """Sources, imports and the question tester."""
    return admin_layout(
        "Content",
        "The pages and files your bot answers from",
        rx.cond(AuthState.can_edit, _add_card()),
        _jobs_card(),
        _sources_card(),
        _try_card(),
    )
