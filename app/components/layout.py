"""The admin shell: sidebar menu filtered by role, header with the signed-in admin, content."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import A11Y_CSS, MAIN_CONTENT_ID, skip_link
from app.state.admin_callbacks import CallbackBadgeState
from app.state.auth import AuthState

# (label, route, icon, who sees it: "all", "edit" = editor and admin, "admin")
MENU: tuple[tuple[str, str, str, str], ...] = (
    ("Overview", "/admin", "layout-dashboard", "all"),
    ("Tasks", "/admin/tasks", "list-checks", "all"),
    ("Settings", "/admin/settings", "settings", "all"),
    ("Content", "/admin/content", "book-open", "all"),
    ("Conversations", "/admin/conversations", "messages-square", "all"),
    ("Bookings", "/admin/bookings", "calendar-check", "all"),
    ("Callbacks", "/admin/callbacks", "phone-call", "all"),
    ("Audit log", "/admin/audit", "scroll-text", "admin"),
    ("Users", "/admin/users", "users", "admin"),
)


def _menu_link(label: str, route: str, icon: str) -> rx.Component:
    current = AuthState.router.url.path.rstrip("/") == route
    return rx.link(
        rx.hstack(
            rx.icon(icon, size=18, aria_hidden="true"),
            rx.text(label, size="2", weight="medium", display=["none", "none", "none", "block"]),
            _badge(route),
            spacing="3",
            align="center",
            padding="9px 12px",
            border_radius="8px",
            width="100%",
            background=rx.cond(current, "var(--accent-3)", "transparent"),
            color=rx.cond(current, "var(--accent-11)", "var(--gray-11)"),
            _hover={"background": "var(--gray-3)"},
        ),
        href=route,
        underline="none",
        width="100%",
        title=label,
        # Narrow screens hide the text and show the icon only: the link keeps its name.
        aria_label=label,
        aria_current=rx.cond(current, "page", "false"),
    )


def _badge(route: str) -> rx.Component:
    """The number of open callback requests beside "Callbacks" (none when zero)."""
    if route != "/admin/callbacks":
        return rx.fragment()
    count = CallbackBadgeState.open_callbacks
    return rx.cond(
        count > 0,
        rx.badge(
            count,
            color_scheme="red",
            variant="solid",
            radius="full",
            size="1",
            aria_label=count.to_string() + " open callback requests",
            class_name="callbacks-badge",
        ),
    )


def sidebar() -> rx.Component:
    """The menu: viewers and editors never see the admin-only pages."""
    links = []
    for label, route, icon, who in MENU:
        link = _menu_link(label, route, icon)
        if who == "admin":
            link = rx.cond(AuthState.is_admin, link)
        links.append(link)
    menu = rx.vstack(
        rx.hstack(
            rx.center(
                rx.icon("bot", size=20, color="white", aria_hidden="true"),
                background="var(--accent-9)",
                border_radius="8px",
                width="34px",
                height="34px",
            ),
            rx.text(
                "Brightpath", weight="bold", size="3", display=["none", "none", "none", "block"]
            ),
            spacing="2",
            align="center",
            padding="4px 8px 18px 8px",
        ),
        # The whole sidebar is the "Admin menu" landmark (below); the badge counts load here.
        rx.vstack(*links, spacing="1", width="100%", on_mount=CallbackBadgeState.refresh_badge),
        rx.spacer(),
        rx.link(
            rx.hstack(
                rx.icon("external-link", size=16, aria_hidden="true"),
                rx.text("Open the widget", size="1", display=["none", "none", "none", "block"]),
                spacing="2",
                padding="8px 12px",
                color="var(--gray-11)",
            ),
            href="/widget",
            is_external=True,
            underline="none",
            aria_label="Open the widget (new tab)",
        ),
        height="100vh",
        position="sticky",
        top="0",
        padding="16px 8px",
        spacing="1",
    )
    # The outer box stretches with the page; the menu inside stays in view when scrolling.
    return rx.el.nav(
        menu,
        aria_label="Admin menu",
        width=["64px", "64px", "72px", "232px"],
        min_width=["64px", "64px", "72px", "232px"],
        align_self="stretch",
        background="white",
        border_right="1px solid var(--gray-a5)",
    )


def header(title: str, subtitle: str) -> rx.Component:
    """Page title on the left; who is signed in, their role and Sign out on the right."""
    return rx.hstack(
        rx.vstack(
            rx.heading(title, size="6", weight="bold"),
            rx.text(subtitle, size="2", color_scheme="gray"),
            spacing="1",
        ),
        rx.spacer(),
        rx.hstack(
            rx.vstack(
                rx.text(AuthState.admin_email, size="2", weight="medium"),
                rx.badge(AuthState.admin_role, variant="soft", size="1"),
                spacing="0",
                align="end",
                display=["none", "none", "flex"],
            ),
            rx.avatar(fallback=AuthState.admin_initials, size="3", radius="full"),
            rx.button(
                rx.icon("log-out", size=16, aria_hidden="true"),
                "Sign out",
                variant="soft",
                color_scheme="gray",
                on_click=AuthState.logout,
            ),
            spacing="3",
            align="center",
        ),
        width="100%",
        align="center",
        padding_bottom="20px",
        wrap="wrap",
    )


def checking_session() -> rx.Component:
    """Before the token check: a spinner; after it failed (expired, signed out): a way back in."""
    return rx.el.main(
        rx.el.style(A11Y_CSS),
        rx.center(
            rx.cond(
                AuthState.auth_checked,
                rx.vstack(
                    rx.icon("lock", size=28, color="var(--accent-9)", aria_hidden="true"),
                    rx.heading("Your session has ended", as_="h1", weight="bold", size="4"),
                    rx.text("For your security you were signed out.", color_scheme="gray"),
                    rx.button("Sign in again", on_click=rx.redirect("/admin")),
                    align="center",
                ),
                rx.vstack(
                    rx.spinner(size="3"),
                    rx.text("Checking your session…", color_scheme="gray", role="status"),
                    align="center",
                ),
            ),
            height="100vh",
        ),
    )


def admin_layout(title: str, subtitle: str, *children: rx.Component) -> rx.Component:
    """The shell around every signed-in page: skip link, menu, and the main landmark."""
    return rx.cond(
        AuthState.signed_in,
        rx.fragment(
            rx.el.style(A11Y_CSS),
            skip_link(),
            rx.hstack(
                sidebar(),
                rx.el.main(
                    header(title, subtitle),
                    rx.vstack(*children, spacing="5", width="100%"),
                    id=MAIN_CONTENT_ID,
                    # Focusable from the skip link only, never with Tab.
                    tab_index=-1,
                    style={
                        "flex": "1",
                        "min_width": "0",
                        "padding": ["16px", "20px", "24px", "32px"],
                        "max_width": "1280px",
                        "outline": "none",
                    },
                ),
                spacing="0",
                align="start",
                width="100%",
                min_height="100vh",
                background="var(--gray-2)",
            ),
        ),
        checking_session(),
    )
