"""Pure building blocks of the admin dashboard: cards, KPIs, empty states, field errors, tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import reflex as rx

from app.components.a11y import error_id, hint_id, sr_only

if TYPE_CHECKING:
    from app.state.paging import DatedListMixin

CARD_STYLE = {
    "background": "white",
    "border": "1px solid var(--gray-a5)",
    "border_radius": "12px",
    "padding": "20px",
    "width": "100%",
    "box_shadow": "0 1px 2px rgba(16, 24, 40, 0.04)",
}

STATUS_COLOURS = {
    "ok": "green",
    "done": "green",
    "confirmed": "green",
    "answered": "green",
    "booked": "teal",
    "running": "blue",
    "queued": "gray",
    "pending": "amber",
    "declined": "amber",
    "handed_off": "violet",
    "fallback": "orange",
    "failed": "red",
    "cancelled": "red",
    "removed": "gray",
    "abandoned": "gray",
    "admin": "teal",
    "editor": "blue",
    "viewer": "gray",
}


def card(*children: rx.Component, **props) -> rx.Component:
    """A white panel with a soft border: the dashboard's basic surface."""
    style = {**CARD_STYLE, **props.pop("style", {})}
    return rx.box(*children, style=style, **props)


def section_title(title: str, description: str = "") -> rx.Component:
    """A card's heading (h2, under the page's h1) with an optional explanation under it."""
    return rx.vstack(
        rx.heading(title, as_="h2", size="4", weight="bold"),
        rx.cond(description != "", rx.text(description, size="2", color_scheme="gray")),
        spacing="1",
        margin_bottom="12px",
    )


def kpi_card(
    label: str, value: rx.Var | str, hint: str = "", icon: str = "activity"
) -> rx.Component:
    """One number the owner watches, with its label and what it means."""
    return card(
        rx.hstack(
            rx.text(label, size="2", color_scheme="gray", weight="medium"),
            rx.spacer(),
            rx.icon(icon, size=18, color="var(--accent-9)", aria_hidden="true"),
            width="100%",
        ),
        rx.text(value, size="7", weight="bold", margin_top="6px"),
        rx.cond(hint != "", rx.text(hint, size="1", color_scheme="gray")),
        style={"padding": "16px"},
    )


def empty_state(
    icon: str, title: str, message: str, action: rx.Component | None = None
) -> rx.Component:
    """What a table shows when there is nothing yet, and what to do about it."""
    return rx.center(
        rx.vstack(
            rx.center(
                rx.icon(icon, size=26, color="var(--accent-11)", aria_hidden="true"),
                background="var(--accent-3)",
                border_radius="999px",
                width="52px",
                height="52px",
            ),
            rx.text(title, weight="bold", size="3"),
            rx.text(message, size="2", color_scheme="gray", text_align="center", max_width="420px"),
            action if action is not None else rx.fragment(),
            align="center",
            spacing="2",
        ),
        padding="40px 16px",
        width="100%",
    )


def loading_rows(rows: int = 4) -> rx.Component:
    """Grey placeholders while a table loads."""
    return rx.vstack(
        *[rx.skeleton(height="28px", width="100%", loading=True) for _ in range(rows)],
        width="100%",
        spacing="2",
        padding_y="8px",
    )


def field_error(message: rx.Var, field_id: str | rx.Var = "") -> rx.Component:
    """The error for one field, in red, right under it; nothing when there is none.

    With a `field_id`, the message gets the id the field's `aria-describedby` points at
    (see `a11y.described_by`), so a screen reader reads the error with the field.
    """
    id_props = {} if isinstance(field_id, str) and not field_id else {"id": error_id(field_id)}
    return rx.cond(
        message != "",
        rx.hstack(
            rx.icon("circle-alert", size=14, color="var(--red-11)", aria_hidden="true"),
            rx.text(message, size="1", color="var(--red-11)", class_name="field-error", **id_props),
            spacing="1",
            align="center",
        ),
    )


def labelled(
    label: str,
    control: rx.Component,
    error: rx.Var | None = None,
    hint: str = "",
    field_id: str = "",
) -> rx.Component:
    """A form field: label above, the control, a hint or its error below.

    Give `field_id` (and `custom_attrs=a11y.described_by(field_id, error, a11y.hint_id(...))`
    to the control) to tie the hint and the error to the control for screen readers.
    """
    hint_props = {"id": hint_id(field_id)} if field_id else {}
    return rx.vstack(
        rx.text(label, as_="label", size="2", weight="medium"),
        control,
        rx.cond(hint != "", rx.text(hint, size="1", color_scheme="gray", **hint_props)),
        field_error(error, field_id) if error is not None else rx.fragment(),
        spacing="1",
        width="100%",
        align="stretch",
    )


def status_badge(status: rx.Var) -> rx.Component:
    """A coloured pill for a status word (ok, failed, confirmed, viewer …)."""
    return rx.match(
        status,
        *[
            (name, rx.badge(name.replace("_", " "), color_scheme=colour, variant="soft"))
            for name, colour in STATUS_COLOURS.items()
        ],
        rx.badge(status, color_scheme="gray", variant="soft"),
    )


def error_callout(message: rx.Var) -> rx.Component:
    """A red box with a problem in plain words; nothing when there is no problem."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle-alert", color_scheme="red", width="100%", role="alert"),
    )


def success_callout(message: rx.Var) -> rx.Component:
    """A green box confirming what just happened; nothing when empty."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="circle-check", color_scheme="green", width="100%", role="status"),
    )


def table_header(*labels: str) -> rx.Component:
    """A table's header row; a column of buttons without a title is named "Actions" for
    screen readers (an empty header cell leaves its column unnamed)."""
    return rx.table.header(
        rx.table.row(
            *[rx.table.column_header_cell(label or sr_only("Actions")) for label in labels]
        )
    )


def data_table(header: rx.Component, body: rx.Component) -> rx.Component:
    """A table that scrolls sideways on narrow screens instead of breaking the layout."""
    return rx.box(
        rx.table.root(header, body, variant="surface", size="2", width="100%"),
        overflow_x="auto",
        width="100%",
    )


def filter_bar(*controls: rx.Component) -> rx.Component:
    """A row of filters that wraps on tablets."""
    return rx.flex(
        *[rx.box(control, flex="1 1 150px", max_width="240px") for control in controls],
        gap="12px",
        wrap="wrap",
        align="end",
        width="100%",
        margin_bottom="12px",
    )


def date_range(state: type[DatedListMixin]) -> list[rx.Component]:
    """The From and To date fields of a filter bar, for a state with `paging.DatedListMixin`."""
    return [
        labelled(
            label,
            rx.input(
                type="date",
                value=getattr(state, which),
                on_change=lambda value, which=which: state.set_date(which, value),
                aria_label=f"{label} date",
            ),
        )
        for label, which in (("From", "date_from"), ("To", "date_to"))
    ]


def pager(
    state: type[DatedListMixin],
    *summary: rx.Var | str,
    previous: str = "Previous",
    following: str = "Next",
) -> rx.Component:
    """Under a table: what is shown (`summary`), and buttons to the previous and next page,
    for a state with `paging.DatedListMixin`."""
    return rx.hstack(
        rx.text(*summary, size="2", color_scheme="gray"),
        rx.spacer(),
        rx.button(
            previous,
            size="1",
            variant="soft",
            on_click=state.change_page(-1),
            disabled=state.page <= 1,
        ),
        rx.button(
            following,
            size="1",
            variant="soft",
            on_click=state.change_page(1),
            disabled=~state.has_next,
        ),
        width="100%",
        align="center",
    )


def paged_table(
    state: type[DatedListMixin],
    filters: rx.Component,
    rows: rx.Var[list],
    header: rx.Component,
    render_row: Callable[[rx.Var], rx.Component],
    footer: rx.Component,
    empty: rx.Component,
) -> rx.Component:
    """A list page's card: its filters, a problem if any, then one page of `rows` with a
    `footer` (its `pager`), or placeholders while the first rows load, or `empty`."""
    return card(
        filters,
        error_callout(state.error),
        rx.cond(
            state.loading & (rows.length() == 0),
            loading_rows(6),
            rx.cond(
                rows.length() > 0,
                rx.vstack(
                    data_table(header, rx.table.body(rx.foreach(rows, render_row))),
                    footer,
                    width="100%",
                ),
                empty,
            ),
        ),
    )


def transcript_turn(turn: rx.Var, *below: rx.Component) -> rx.Component:
    """One message of a transcript as a chat bubble (the visitor's on the right), with what
    goes under it (its time, what the bot understood …)."""
    is_visitor = turn.role == "visitor"
    return rx.vstack(
        rx.box(
            rx.text(turn.text, size="2", white_space="pre-wrap"),
            background=rx.cond(is_visitor, "var(--accent-9)", "var(--gray-3)"),
            color=rx.cond(is_visitor, "white", "var(--gray-12)"),
            padding="8px 12px",
            border_radius="12px",
            max_width="85%",
        ),
        *below,
        align=rx.cond(is_visitor, "end", "start"),
        spacing="1",
        width="100%",
        class_name="transcript-turn",
    )


def admin_dialog(
    *children: rx.Component,
    is_open: rx.Var[bool],
    on_close: rx.EventHandler,
    max_width: str = "720px",
) -> rx.Component:
    """A dialog shown while `is_open`, its content then a Close button on the right; closing it
    (button, Escape or a click outside) calls `on_close`."""
    return rx.dialog.root(
        rx.dialog.content(
            *children,
            rx.hstack(
                rx.spacer(),
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                margin_top="12px",
            ),
            max_width=max_width,
        ),
        open=is_open,
        on_open_change=on_close,
    )


def transcript_box(
    turns: rx.Var[list], render_turn: Callable[[rx.Var], rx.Component]
) -> rx.Component:
    """A transcript's messages in a box that scrolls.

    A plain scrolling box that takes the focus, so the arrow keys can scroll it (Radix's scroll
    area viewport cannot be focused).
    """
    return rx.box(
        rx.vstack(rx.foreach(turns, render_turn), spacing="3", width="100%", padding_right="12px"),
        max_height="60vh",
        overflow_y="auto",
        tab_index=0,
        role="region",
        aria_label="Transcript",
    )


def text_filter(
    label: str, value: rx.Var[str], on_change: Callable[[rx.Var], Any], placeholder: str
) -> rx.Component:
    """A filter typed as text; the list follows once typing pauses."""
    return labelled(
        label,
        rx.input(
            placeholder=placeholder,
            value=value,
            on_change=on_change,
            debounce_timeout=400,
            aria_label=label,
        ),
    )


def select_filter(
    label: str, options: list[str], value: rx.Var[str], on_change: Callable[[rx.Var], Any]
) -> rx.Component:
    """A filter picked from a few options."""
    return labelled(
        label,
        rx.select(
            options,
            value=value,
            on_change=on_change,
            # The high-level select gives custom_attrs to its trigger button.
            custom_attrs={"aria-label": label},
        ),
    )
