"""/admin/settings: the bot's identity, behaviour, contact details and where the widget may run."""

from __future__ import annotations

import reflex as rx

from app.components.admin_ui import card, labelled, loading_rows, section_title, success_callout
from app.components.layout import admin_layout
from app.state.admin_settings import SettingsState
from app.state.auth import AuthState


def _text(label: str, key: str, hint: str = "", **props) -> rx.Component:
    return labelled(
        label,
        rx.input(
            value=SettingsState.form[key],
            on_change=lambda v: SettingsState.set_value(key, v),
            disabled=~AuthState.can_edit,
            aria_label=label,
            width="100%",
            **props,
        ),
        SettingsState.errors.get(key, ""),
        hint,
    )


def _area(label: str, key: str, hint: str = "", rows: str = "3") -> rx.Component:
    return labelled(
        label,
        rx.text_area(
            value=SettingsState.form[key],
            on_change=lambda v: SettingsState.set_value(key, v),
            disabled=~AuthState.can_edit,
            aria_label=label,
            rows=rows,
            width="100%",
        ),
        SettingsState.errors.get(key, ""),
        hint,
    )


def _identity() -> rx.Component:
    colour = SettingsState.form["brand_color"]
    return card(
        section_title("Identity", "How the bot introduces itself in the widget."),
        rx.grid(
            _text("Bot name", "bot_name"),
            _text("Business name", "business_name"),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        rx.box(
            _area("Greeting", "greeting", "The first message a visitor sees."), margin_top="16px"
        ),
        rx.grid(
            labelled(
                "Brand colour",
                rx.hstack(
                    rx.el.input(
                        type="color",
                        value=colour,
                        on_change=lambda v: SettingsState.set_value("brand_color", v),
                        disabled=~AuthState.can_edit,
                        aria_label="Pick brand colour",
                        style={
                            "width": "42px",
                            "height": "32px",
                            "border": "none",
                            "background": "none",
                            "padding": 0,
                        },
                    ),
                    rx.input(
                        value=colour,
                        on_change=lambda v: SettingsState.set_value("brand_color", v),
                        disabled=~AuthState.can_edit,
                        aria_label="Brand colour",
                        width="120px",
                    ),
                    rx.box(
                        rx.text("Preview", size="1", color="white", weight="bold"),
                        background=colour,
                        padding="6px 12px",
                        border_radius="999px",
                    ),
                    align="center",
                ),
                SettingsState.errors.get("brand_color", ""),
                "The widget's bubble and buttons use it.",
            ),
            labelled(
                "Widget position",
                rx.select(
                    ["right", "left"],
                    value=SettingsState.form["widget_position"],
                    on_change=lambda v: SettingsState.set_value("widget_position", v),
                    disabled=~AuthState.can_edit,
                    aria_label="Widget position",
                ),
                SettingsState.errors.get("widget_position", ""),
                "Corner of the page where the bubble sits.",
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
            margin_top="16px",
        ),
    )


def _behaviour() -> rx.Component:
    return card(
        section_title(
            "Answers and time",
            "How sure the bot must be before it answers, and the clock it books in.",
        ),
        rx.grid(
            labelled(
                "Timezone",
                rx.select(
                    SettingsState.timezone_options,
                    value=SettingsState.form["timezone"],
                    on_change=lambda v: SettingsState.set_value("timezone", v),
                    disabled=~AuthState.can_edit,
                    aria_label="Timezone",
                ),
                SettingsState.errors.get("timezone", ""),
                "Business hours and bookings are in this timezone.",
            ),
            labelled(
                "Answer threshold",
                rx.hstack(
                    rx.slider(
                        value=[SettingsState.form["answer_threshold"].to(float)],
                        min=0,
                        max=1,
                        step=0.05,
                        on_change=lambda v: SettingsState.set_value("answer_threshold", v),
                        disabled=~AuthState.can_edit,
                        aria_label="Answer threshold",
                        width="100%",
                    ),
                    rx.badge(SettingsState.form["answer_threshold"], size="2"),
                    width="100%",
                    align="center",
                ),
                SettingsState.errors.get("answer_threshold", ""),
                'Higher means the bot answers only when very sure, and says "I don\'t know" more often.',
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        rx.box(
            _area(
                "When the bot doesn't know",
                "fallback_text",
                "Said when no page answers the question; the contact details follow.",
            ),
            margin_top="16px",
        ),
    )


def _contact() -> rx.Component:
    return card(
        section_title(
            "Fallback contact", "Offered when the bot can't help or a visitor asks for a person."
        ),
        rx.grid(
            _text("Contact email", "contact_email", type="email"),
            _text("Contact phone", "contact_phone", type="tel"),
            _text(
                "Default phone region",
                "default_phone_region",
                "Two letters, e.g. US or GB: used for phone numbers without a country code.",
            ),
            columns=rx.breakpoints(initial="1", md="3"),
            spacing="4",
            width="100%",
        ),
    )


def _embedding() -> rx.Component:
    return card(
        section_title(
            "Put the chat on your website",
            "Paste this before </body> on every page where the chat should appear.",
        ),
        rx.hstack(
            rx.code_block(
                SettingsState.snippet, language="markup", width="100%", wrap_long_lines=True
            ),
            rx.button(
                rx.icon("copy", size=16),
                "Copy",
                variant="soft",
                on_click=SettingsState.copy_snippet,
            ),
            width="100%",
            align="center",
        ),
        rx.box(
            _area(
                "Allowed websites",
                "allowed_origins",
                "One address per line, like https://www.example.com. The chat only opens inside these sites.",
                rows="4",
            ),
            margin_top="16px",
        ),
    )


def _save_bar() -> rx.Component:
    return rx.cond(
        AuthState.can_edit,
        rx.hstack(
            rx.spacer(),
            rx.button(
                rx.icon("save", size=16), "Save settings", size="3", on_click=SettingsState.save
            ),
            width="100%",
        ),
        rx.callout(
            "You can look at the settings but not change them (viewer role).",
            icon="eye",
            color_scheme="gray",
            width="100%",
        ),
    )


@rx.page(
    route="/admin/settings",
    title="Dashboard · Settings",
    on_load=[AuthState.require_login, SettingsState.load],
)
def settings() -> rx.Component:
    """The bot's global settings."""
    return admin_layout(
        "Settings",
        "Your bot's name, voice, colours and where it may appear",
        success_callout(SettingsState.saved_message),
        rx.cond(
            SettingsState.loading,
            card(loading_rows(6)),
            rx.vstack(
                _identity(),
                _behaviour(),
                _contact(),
                _embedding(),
                _save_bar(),
                spacing="5",
                width="100%",
            ),
        ),
    )
