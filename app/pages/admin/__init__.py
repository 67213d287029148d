"""Admin dashboard pages."""

import reflex as rx


@rx.page(route="/admin", title="Admin")
def admin_index() -> rx.Component:
    return rx.text("Admin")
