"""/admin/tasks: what each task asks, when the business is open, blocked dates, services."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import described_by, sr_only
from app.components.admin_ui import card, field_error, loading_rows, section_title, success_callout
from app.components.layout import admin_layout
from app.state.admin_tasks import TasksState
from app.state.auth import AuthState
from app.state.rows import FieldRow, HoursRow, ServiceRow, TaskTab


def _task_picker() -> rx.Component:
    def tab(task: rx.Var[TaskTab]) -> rx.Component:
        chosen = TasksState.selected == task.name
        return rx.button(
            rx.box(
                width="8px",
                height="8px",
                border_radius="999px",
                background=rx.cond(task.enabled, "var(--green-9)", "var(--gray-7)"),
                aria_hidden="true",
            ),
            task.label,
            # The dot's colour says on or off; screen readers hear it in words.
            sr_only(rx.cond(task.enabled, " (on)", " (off)")),
            variant=rx.cond(chosen, "solid", "soft"),
            color_scheme=rx.cond(chosen, "teal", "gray"),
            on_click=TasksState.select_task(task.name),
            # Buttons that pick what the page below shows: "pressed" marks the one shown.
            aria_pressed=rx.cond(chosen, "true", "false"),
        )

    return rx.flex(
        rx.foreach(TasksState.tasks, tab),
        gap="8px",
        wrap="wrap",
        role="group",
        aria_label="Task to edit",
    )


def _enabled_card() -> rx.Component:
    return card(
        rx.hstack(
            rx.vstack(
                rx.heading(TasksState.selected_label, as_="h2", size="5"),
                rx.text(
                    rx.cond(
                        TasksState.enabled,
                        "Visitors can do this in the chat.",
                        "Turned off: the bot politely says it can't do this and offers to help otherwise.",
                    ),
                    size="2",
                    color_scheme="gray",
                ),
                rx.cond(
                    TasksState.updated_at != "",
                    rx.text("Last saved ", TasksState.updated_at, size="1", color_scheme="gray"),
                ),
                spacing="1",
            ),
            rx.spacer(),
            rx.el.label(
                rx.hstack(
                    rx.text("Enabled", size="2", weight="medium"),
                    rx.switch(
                        checked=TasksState.enabled,
                        on_change=TasksState.set_enabled,
                        disabled=~AuthState.can_edit,
                        size="3",
                        id="task-enabled",
                    ),
                    align="center",
                    spacing="2",
                ),
            ),
            width="100%",
            align="center",
        ),
    )


def _field_row(field: rx.Var[FieldRow]) -> rx.Component:
    mode_in_words = rx.match(
        field.mode,
        ("required", rx.badge("Required", variant="soft")),
        ("optional", rx.badge("Optional", variant="soft", color_scheme="gray")),
        rx.badge("Not asked", variant="outline", color_scheme="gray"),
    )
    return rx.table.row(
        rx.table.row_header_cell(rx.text(field.label, weight="medium")),
        rx.table.cell(
            # Viewers read the mode as a badge: the control itself cannot be disabled.
            rx.cond(
                AuthState.can_edit,
                rx.segmented_control.root(
                    rx.segmented_control.item("Required", value="required"),
                    rx.segmented_control.item("Optional", value="optional"),
                    rx.segmented_control.item("Not asked", value="off"),
                    value=field.mode,
                    on_change=lambda mode: TasksState.set_field_mode(field.name, mode),
                    size="1",
                    aria_label=field.label,
                ),
                mode_in_words,
            )
        ),
        align="center",
    )


def _fields_card() -> rx.Component:
    return card(
        section_title(
            "What the bot asks",
            "Required fields must be answered; optional ones are asked but can be skipped.",
        ),
        rx.table.root(
            rx.table.body(rx.foreach(TasksState.fields, _field_row)), size="1", width="100%"
        ),
        field_error(TasksState.errors.get("required_fields", "")),
        field_error(TasksState.errors.get("optional_fields", "")),
    )


def _hours_row(day: rx.Var[HoursRow]) -> rx.Component:
    is_open = ~day.closed
    error = TasksState.errors.get("business_hours." + day.day, "")
    field_id = "hours-" + day.day
    return rx.vstack(
        rx.flex(
            rx.text(day.label, weight="medium", width="110px"),
            rx.el.label(
                rx.hstack(
                    rx.switch(
                        checked=is_open,
                        on_change=lambda v: TasksState.set_day_open(day.day, v),
                        disabled=~AuthState.can_edit,
                        aria_label=day.label + " open",
                    ),
                    rx.text(
                        rx.cond(is_open, "Open", "Closed"),
                        size="2",
                        color_scheme="gray",
                        width="56px",
                    ),
                    align="center",
                )
            ),
            rx.cond(
                is_open,
                rx.hstack(
                    rx.input(
                        type="time",
                        value=day.start,
                        on_change=lambda v: TasksState.set_day_time(day.day, "start", v),
                        disabled=~AuthState.can_edit,
                        aria_label=day.label + " opens",
                        custom_attrs=described_by(field_id, error),
                        width="120px",
                    ),
                    rx.text("to", size="2", color_scheme="gray"),
                    rx.input(
                        type="time",
                        value=day.end,
                        on_change=lambda v: TasksState.set_day_time(day.day, "end", v),
                        disabled=~AuthState.can_edit,
                        aria_label=day.label + " closes",
                        custom_attrs=described_by(field_id, error),
                        width="120px",
                    ),
                    align="center",
                ),
                rx.text("No bookings this day", size="2", color_scheme="gray"),
            ),
            gap="12px",
            align="center",
            wrap="wrap",
        ),
        field_error(error, field_id),
        spacing="1",
        padding_y="6px",
        border_bottom="1px solid var(--gray-a3)",
        width="100%",
    )


def _hours_card() -> rx.Component:
    return card(
        section_title(
            "Business hours",
            "The bot offers times only inside these hours, in the business's timezone.",
        ),
        rx.vstack(rx.foreach(TasksState.hours, _hours_row), spacing="0", width="100%"),
        field_error(TasksState.errors.get("business_hours", "")),
    )


def _blocked_dates_card() -> rx.Component:
    chip = lambda day: rx.badge(  # noqa: E731
        day,
        rx.cond(
            AuthState.can_edit,
            rx.icon_button(
                rx.icon("x", size=12, aria_hidden="true"),
                size="1",
                variant="ghost",
                on_click=TasksState.remove_blocked_date(day),
                aria_label="Unblock " + day.to(str),
            ),
        ),
        size="2",
        variant="surface",
        class_name="blocked-date",
    )
    return card(
        section_title("Blocked dates", "Holidays and closures: the bot never books on these days."),
        rx.cond(
            AuthState.can_edit,
            rx.hstack(
                rx.input(
                    type="date",
                    value=TasksState.new_blocked_date,
                    on_change=TasksState.set_new_blocked_date,
                    aria_label="Date to block",
                    custom_attrs=described_by(
                        "blocked-dates", TasksState.errors.get("blocked_dates", "")
                    ),
                    width="180px",
                ),
                rx.button(
                    rx.icon("plus", size=16, aria_hidden="true"),
                    "Add",
                    on_click=TasksState.add_blocked_date,
                    variant="soft",
                ),
                align="center",
                margin_bottom="10px",
            ),
        ),
        field_error(TasksState.errors.get("blocked_dates", ""), "blocked-dates"),
        rx.cond(
            TasksState.blocked_dates.length() > 0,
            rx.flex(rx.foreach(TasksState.blocked_dates, chip), gap="8px", wrap="wrap"),
            rx.text("No blocked dates.", size="2", color_scheme="gray"),
        ),
    )


def _service_row(service: rx.Var[ServiceRow], index: rx.Var) -> rx.Component:
    error = TasksState.errors.get("services." + index.to_string(), "")
    field_id = "service-" + index.to_string()
    return rx.table.row(
        rx.table.cell(
            rx.vstack(
                rx.input(
                    value=service.name,
                    on_change=lambda v: TasksState.set_service(service.id, "name", v),
                    disabled=~AuthState.can_edit,
                    aria_label="Service name",
                    custom_attrs=described_by(field_id, error),
                ),
                field_error(error, field_id),
                spacing="1",
            )
        ),
        rx.table.cell(
            rx.input(
                rx.input.slot("$"),
                value=service.price,
                on_change=lambda v: TasksState.set_service(service.id, "price", v),
                disabled=~AuthState.can_edit,
                aria_label=service.name + " price",
                width="100px",
                input_mode="decimal",
            )
        ),
        rx.table.cell(
            rx.input(
                rx.input.slot("min", side="right"),
                value=service.duration,
                on_change=lambda v: TasksState.set_service(service.id, "duration", v),
                disabled=~AuthState.can_edit,
                aria_label=service.name + " duration",
                width="100px",
                input_mode="numeric",
            )
        ),
        rx.table.cell(
            rx.switch(
                checked=service.enabled,
                on_change=lambda v: TasksState.set_service(service.id, "enabled", v),
                disabled=~AuthState.can_edit,
                aria_label=service.name + " offered",
            )
        ),
        align="center",
    )


def _services_card() -> rx.Component:
    return card(
        section_title(
            "Services",
            "What visitors can book, with price and length. Turned-off services are not offered.",
        ),
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[
                            rx.table.column_header_cell(h)
                            for h in ("Service", "Price", "Length", "Offered")
                        ]
                    )
                ),
                rx.table.body(rx.foreach(TasksState.services, _service_row)),
                size="1",
                width="100%",
            ),
            overflow_x="auto",
            width="100%",
        ),
        field_error(TasksState.errors.get("services", "")),
        rx.cond(
            AuthState.can_edit,
            rx.hstack(
                rx.input(
                    placeholder="New service name",
                    value=TasksState.new_service_name,
                    on_change=TasksState.set_new_service_name,
                    aria_label="New service name",
                ),
                rx.button(
                    rx.icon("plus", size=16, aria_hidden="true"),
                    "Add service",
                    variant="soft",
                    on_click=TasksState.add_service,
                ),
                margin_top="10px",
            ),
        ),
    )


def _save_bar() -> rx.Component:
    return rx.cond(
        AuthState.can_edit,
        rx.hstack(
            rx.cond(
                TasksState.unsaved,
                rx.text("You have unsaved changes", size="2", color="var(--amber-11)"),
            ),
            rx.spacer(),
            rx.button(
                "Discard",
                variant="soft",
                color_scheme="gray",
                on_click=TasksState.discard,
                disabled=~TasksState.unsaved,
            ),
            rx.button(
                rx.icon("save", size=16, aria_hidden="true"),
                "Save changes",
                on_click=TasksState.save,
                size="3",
            ),
            width="100%",
            align="center",
            position="sticky",
            bottom="0",
            background="var(--gray-2)",
            padding_y="12px",
        ),
        rx.callout(
            "You can look at the settings but not change them (viewer role).",
            icon="eye",
            color_scheme="gray",
            width="100%",
        ),
    )


def _editor() -> rx.Component:
    return rx.vstack(
        success_callout(TasksState.saved_message),
        field_error(TasksState.errors.get("task", "")),
        _enabled_card(),
        rx.grid(
            rx.vstack(
                _fields_card(),
                rx.cond(TasksState.has_services, _services_card()),
                spacing="5",
                width="100%",
            ),
            rx.cond(
                TasksState.has_hours,
                rx.vstack(_hours_card(), _blocked_dates_card(), spacing="5", width="100%"),
            ),
            columns=rx.breakpoints(initial="1", lg="2"),
            spacing="5",
            width="100%",
        ),
        _save_bar(),
        spacing="5",
        width="100%",
    )


@rx.page(
    route="/admin/tasks",
    title="Dashboard · Tasks",
    on_load=[AuthState.require_login, TasksState.load],
)
def tasks() -> rx.Component:
    """Each task's configuration, editable by editors and admins."""
    return admin_layout(
        "Tasks",
        "What the bot does in conversation, and the rules it follows",
        _task_picker(),
        rx.cond(TasksState.loading, card(loading_rows(6)), _editor()),
    )
