"""Pure building blocks of the admin dashboard: cards, KPIs, empty states, field errors, tables."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import error_id, hint_id, sr_only

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
