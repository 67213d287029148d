"""/admin: the login form when signed out, the overview (KPIs and charts) when signed in."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import A11Y_CSS
from app.components.admin_ui import card, empty_state, error_callout, kpi_card, section_title
from app.components.layout import admin_layout
from app.state.admin_overview import RANGES, OverviewState
from app.state.auth import AuthState
from app.state.rows import UnansweredQuestion


def _login_field(label: str, name: str, kind: str, placeholder: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=f"login-{name}", style={"fontSize": "14px", "fontWeight": 500}),
        rx.input(
            id=f"login-{name}",
            name=name,
            type=kind,
            placeholder=placeholder,
            required=True,
            size="3",
            width="100%",
            auto_complete="username" if name == "email" else "current-password",
        ),
        spacing="1",
        width="100%",
    )


def login_form() -> rx.Component:
    """Email and password, labelled; errors in words under the form."""
    return rx.el.main(
        rx.el.style(A11Y_CSS),
        rx.center(
            rx.box(
                rx.vstack(
                    rx.center(
                        rx.icon("bot", size=26, color="white", aria_hidden="true"),
                        background="var(--accent-9)",
                        border_radius="12px",
                        width="48px",
                        height="48px",
                    ),
                    rx.heading("Sign in to your dashboard", size="6", text_align="center"),
                    rx.text(
                        "Manage what your chatbot does, what it knows and how it is doing.",
                        size="2",
                        color_scheme="gray",
                        text_align="center",
                    ),
                    rx.cond(
                        AuthState.session_notice != "",
                        rx.callout(AuthState.session_notice, icon="info", size="1", width="100%"),
                    ),
                    rx.form(
                        rx.vstack(
                            _login_field("Email", "email", "email", "you@business.com"),
                            _login_field("Password", "password", "password", "Your password"),
                            error_callout(AuthState.login_error),
                            rx.button("Sign in", type="submit", size="3", width="100%"),
                            spacing="4",
                            width="100%",
                        ),
                        on_submit=AuthState.login,
                        reset_on_submit=False,
                        width="100%",
                    ),
                    spacing="4",
                    align="center",
                    width="100%",
                ),
                background="white",
                padding="36px",
                border_radius="16px",
                border="1px solid var(--gray-a5)",
                box_shadow="0 12px 32px rgba(16,24,40,0.08)",
                width="100%",
                max_width="420px",
            ),
            min_height="100vh",
            padding="16px",
            background="linear-gradient(160deg, var(--accent-2), var(--gray-2))",
        ),
    )


def _kpis() -> rx.Component:
    k = OverviewState.kpis
    return rx.grid(
        kpi_card(
            "Conversations", k["conversations"], "visitors who talked to the bot", "messages-square"
        ),
        kpi_card("Messages", k["messages"], "from visitors and the bot", "message-circle"),
        kpi_card("Containment", k["containment"], "handled without a person", "shield-check"),
        kpi_card("Fallback rate", k["fallback"], "turns the bot did not understand", "circle-help"),
        kpi_card("Bookings made", k["bookings"], "confirmed through the bot", "calendar-check"),
        kpi_card("Median reply", k["median"], "time to answer", "timer"),
        kpi_card("P95 reply", k["p95"], "slowest 5% of answers", "gauge"),
        columns=rx.breakpoints(initial="1", sm="2", md="3", lg="4"),
        spacing="4",
        width="100%",
    )


def _chart_card(
    title: str, description: str, chart: rx.Component, has_data: rx.Var
) -> rx.Component:
    return card(
        section_title(title, description),
        rx.cond(
            has_data,
            chart,
            empty_state(
                "chart-no-axes-column",
                "No data yet",
                "Numbers appear here once visitors start chatting.",
            ),
        ),
    )


def _charts() -> rx.Component:
    per_day = rx.recharts.area_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.area(
            data_key="conversations",
            stroke="var(--accent-9)",
            fill="var(--accent-4)",
            name="Conversations",
        ),
        rx.recharts.x_axis(data_key="day"),
        rx.recharts.y_axis(allow_decimals=False, width=32),
        rx.recharts.graphing_tooltip(),
        data=OverviewState.per_day,
        height=240,
        width="100%",
    )
    intents = rx.recharts.bar_chart(
        rx.recharts.bar(data_key="count", fill="var(--accent-9)", name="Messages", radius=4),
        rx.recharts.x_axis(type_="number", allow_decimals=False),
        rx.recharts.y_axis(data_key="intent", type_="category", width=140),
        rx.recharts.graphing_tooltip(),
        data=OverviewState.top_intents,
        layout="vertical",
        height=240,
        width="100%",
    )
    funnel = rx.recharts.bar_chart(
        rx.recharts.bar(data_key="count", fill="var(--accent-9)", name="Bookings", radius=4),
        rx.recharts.x_axis(data_key="stage"),
        rx.recharts.y_axis(allow_decimals=False, width=32),
        rx.recharts.graphing_tooltip(),
        data=OverviewState.funnel,
        height=240,
        width="100%",
    )
    return rx.vstack(
        _chart_card(
            "Conversations per day",
            "How many visitors talked to the bot each day.",
            per_day,
            OverviewState.has_conversations,
        ),
        rx.grid(
            _chart_card(
                "Top intents",
                "What visitors ask for most.",
                intents,
                OverviewState.top_intents.length() > 0,
            ),
            _chart_card(
                "Booking funnel",
                "Bookings started, confirmed and cancelled.",
                funnel,
                OverviewState.has_conversations,
            ),
            columns=rx.breakpoints(initial="1", lg="2"),
            spacing="4",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )


def _question(row: rx.Var[UnansweredQuestion]) -> rx.Component:
    return rx.hstack(
        rx.text(row.text, size="2"),
        rx.spacer(),
        rx.badge(row.count, variant="soft"),
        width="100%",
        padding_y="6px",
        border_bottom="1px solid var(--gray-a3)",
    )


def _unanswered() -> rx.Component:
    return card(
        section_title(
            "Questions the bot could not answer", "Add content that answers these (Content page)."
        ),
        rx.cond(
            OverviewState.unanswered.length() > 0,
            rx.vstack(
                rx.foreach(OverviewState.unanswered, _question),
                width="100%",
                spacing="0",
            ),
            empty_state(
                "circle-check",
                "Nothing unanswered",
                "Every question in this range found an answer.",
            ),
        ),
    )


def dashboard() -> rx.Component:
    """The signed-in overview."""
    return admin_layout(
        "Overview",
        "How your chatbot is doing",
        rx.hstack(
            rx.select(
                list(RANGES),
                value=OverviewState.range_label,
                on_change=OverviewState.set_range,
                # The high-level select gives custom_attrs to its trigger button.
                custom_attrs={"aria-label": "Date range"},
            ),
            rx.button(
                rx.icon("refresh-cw", size=16, aria_hidden="true"),
                "Refresh",
                variant="soft",
                on_click=OverviewState.refresh,
                loading=OverviewState.loading,
            ),
            rx.cond(
                OverviewState.loading,
                rx.hstack(
                    rx.spinner(size="1"),
                    rx.text("Updating…", size="2", color_scheme="gray"),
                    align="center",
                ),
            ),
            spacing="3",
            align="center",
        ),
        error_callout(OverviewState.error),
        rx.cond(
            OverviewState.kpis.length() > 0,
            rx.vstack(_kpis(), _charts(), _unanswered(), spacing="5", width="100%"),
            rx.skeleton(height="320px", width="100%", loading=True),
        ),
    )


@rx.page(
    route="/admin",
    title="Dashboard · Overview",
    on_load=[AuthState.require_login, OverviewState.load],
)
def overview() -> rx.Component:
    """Login form when signed out, overview when signed in."""
    return rx.cond(
        AuthState.signed_in,
        dashboard(),
        rx.cond(
            AuthState.auth_checked,
            login_form(),
            rx.el.main(
                rx.center(
                    rx.spinner(size="3"),
                    rx.text("Loading…", size="2", color_scheme="gray"),
                    role="status",
                    height="100vh",
                    gap="8px",
                )
            ),
        ),
    )
