"""The chat widget page (placeholder until the widget issue)."""

import reflex as rx


@rx.page(route="/widget", title="Chat")
def widget() -> rx.Component:
    return rx.text("Chat widget")
