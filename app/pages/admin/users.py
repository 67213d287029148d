"""/admin/users (admins only): staff accounts and their roles."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import described_by, hint_id
from app.components.admin_ui import (
    card,
    data_table,
    field_error,
    labelled,
    loading_rows,
    status_badge,
    table_header,
)
from app.components.layout import admin_layout
from app.state.admin_users import ROLE_HELP, UsersState
from app.state.auth import AuthState

S = UsersState


def _row(row: rx.Var) -> rx.Component:
    is_me = row["email"] == AuthState.admin_email
    return rx.table.row(
        rx.table.cell(
            rx.vstack(
                rx.text(row["email"], weight="medium", size="2"),
                rx.text(row["name"], size="1", color_scheme="gray"),
                spacing="0",
            )
        ),
        rx.table.cell(
            rx.select(
                S.role_options,
                value=row["role"],
                on_change=lambda v: S.set_role(row["id"], v),
                size="1",
                # The high-level select gives custom_attrs to its trigger button.
                custom_attrs={"aria-label": "Role of " + row["email"].to(str)},
            )
        ),
        rx.table.cell(
            rx.switch(
                checked=row["active"] == "yes",
                on_change=lambda v: S.set_active(row["id"], v),
                disabled=is_me,
                aria_label="Active " + row["email"].to(str),
            )
        ),
        rx.table.cell(rx.text(row["last_login"], size="1")),
        rx.table.cell(
            rx.cond(
                is_me,
                rx.badge("you", variant="outline"),
                rx.cond(
                    S.confirm_delete == row["id"],
                    rx.hstack(
                        rx.button(
                            "Yes, remove",
                            size="1",
                            color_scheme="red",
                            on_click=S.delete(row["id"]),
                        ),
                        rx.button(
                            "Keep",
                            size="1",
                            variant="soft",
                            color_scheme="gray",
                            on_click=S.ask_delete(""),
                        ),
                    ),
                    rx.button(
                        rx.icon("trash-2", size=14, aria_hidden="true"),
                        "Remove",
                        size="1",
                        variant="soft",
                        color_scheme="red",
                        on_click=S.ask_delete(row["id"]),
                    ),
                ),
            )
        ),
    )


def _add_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Add a team member"),
            rx.dialog.description(
                "They sign in at /admin with this email and password.",
                size="2",
                color_scheme="gray",
            ),
            rx.vstack(
                labelled(
                    "Email",
                    rx.input(
                        type="email",
                        value=S.new_user["email"],
                        on_change=lambda v: S.set_new("email", v),
                        aria_label="New member email",
                        custom_attrs=described_by("new-member-email", S.errors.get("email", "")),
                    ),
                    S.errors.get("email", ""),
                    field_id="new-member-email",
                ),
                labelled(
                    "Name",
                    rx.input(
                        value=S.new_user["full_name"],
                        on_change=lambda v: S.set_new("full_name", v),
                        aria_label="New member name",
                        custom_attrs=described_by(
                            "new-member-full-name", S.errors.get("full_name", "")
                        ),
                    ),
                    S.errors.get("full_name", ""),
                    field_id="new-member-full-name",
                ),
                labelled(
                    "Role",
                    rx.select(
                        S.role_options,
                        value=S.new_user["role"],
                        on_change=lambda v: S.set_new("role", v),
                        # The high-level select gives custom_attrs to its trigger button.
                        custom_attrs={"aria-label": "New member role"},
                    ),
                    S.errors.get("role", ""),
                    field_id="new-member-role",
                ),
                labelled(
                    "Password",
                    rx.input(
                        type="password",
                        value=S.new_user["password"],
                        on_change=lambda v: S.set_new("password", v),
                        aria_label="New member password",
                        custom_attrs=described_by(
                            "new-member-password",
                            S.errors.get("password", ""),
                            hint_id("new-member-password"),
                        ),
                    ),
                    S.errors.get("password", ""),
                    "At least 10 characters.",
                    field_id="new-member-password",
                ),
                field_error(S.errors.get("form", ""), "new-member-form"),
                spacing="3",
                margin_y="16px",
            ),
            rx.hstack(
                rx.spacer(),
                rx.button(
                    "Cancel", variant="soft", color_scheme="gray", on_click=S.show_add(False)
                ),
                rx.button("Add member", on_click=S.create),
            ),
            max_width="460px",
        ),
        open=S.adding,
        on_open_change=S.show_add,
    )


def _roles_help() -> rx.Component:
    return rx.flex(
        *[
            rx.hstack(
                status_badge(role), rx.text(text, size="1", color_scheme="gray"), align="center"
            )
            for role, text in ROLE_HELP.items()
        ],
        gap="16px",
        wrap="wrap",
    )


@rx.page(
    route="/admin/users",
    title="Dashboard · Users",
    on_load=[AuthState.require_login, UsersState.load],
)
def users() -> rx.Component:
    """Staff accounts."""
    return admin_layout(
        "Users",
        "Who can sign in to this dashboard, and what they may do",
        card(
            rx.hstack(
                _roles_help(),
                rx.spacer(),
                rx.button(
                    rx.icon("user-plus", size=16, aria_hidden="true"),
                    "Add member",
                    on_click=S.show_add(True),
                ),
                width="100%",
                wrap="wrap",
                align="center",
                margin_bottom="12px",
            ),
            rx.cond(
                S.loading,
                loading_rows(),
                data_table(
                    table_header("Account", "Role", "Active", "Last sign-in", ""),
                    rx.table.body(rx.foreach(S.users, _row)),
                ),
            ),
        ),
        _add_dialog(),
    )
