"""/admin/settings: the bot's identity, behaviour, contact details and where the widget may run."""

from __future__ import annotations

import reflex as rx

from app.components.a11y import described_by, hint_id
from app.components.admin_ui import card, labelled, loading_rows, section_title, success_callout
from app.components.layout import admin_layout
from app.state.admin_settings import SettingsState
from app.state.auth import AuthState


def _field_id(key: str) -> str:
    return f"settings-{key}"


def _describe(key: str, hint: str) -> dict:
    """The control's hint, and its error while there is one, read with it."""
    hints = [hint_id(_field_id(key))] if hint else []
    return described_by(_field_id(key), SettingsState.errors.get(key, ""), *hints)


def _text(label: str, key: str, hint: str = "", **props) -> rx.Component:
    return labelled(
        label,
        rx.input(
            value=SettingsState.form[key],
            on_change=lambda v: SettingsState.set_value(key, v),
            disabled=~AuthState.can_edit,
            aria_label=label,
            width="100%",
            custom_attrs=_describe(key, hint),
            **props,
        ),
        SettingsState.errors.get(key, ""),
        hint,
        field_id=_field_id(key),
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
            custom_attrs=_describe(key, hint),
        ),
        SettingsState.errors.get(key, ""),
        hint,
        field_id=_field_id(key),
    )


def _select(label: str, key: str, options, hint: str) -> rx.Component:
    return labelled(
        label,
        rx.select(
            options,
            value=SettingsState.form[key],
            on_change=lambda v: SettingsState.set_value(key, v),
            disabled=~AuthState.can_edit,
            # The high-level select hands custom_attrs to its trigger button, which needs the name.
            custom_attrs={"aria-label": label, **_describe(key, hint)},
        ),
        SettingsState.errors.get(key, ""),
        hint,
        field_id=_field_id(key),
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
                        custom_attrs=described_by(
                            _field_id("brand_color"),
                            SettingsState.errors.get("brand_color", ""),
                            hint_id(_field_id("brand_color")),
                            "brand-contrast",
                        ),
                    ),
                    rx.box(
                        rx.text(
                            "Preview", size="1", color=SettingsState.brand_text_color, weight="bold"
                        ),
                        background=colour,
                        padding="6px 12px",
                        border_radius="999px",
                        class_name="brand-preview",
                    ),
                    align="center",
                ),
                SettingsState.errors.get("brand_color", ""),
                "The widget's header, the visitor's messages and the launcher use it.",
                field_id=_field_id("brand_color"),
            ),
            _select(
                "Widget position",
                "widget_position",
                ["right", "left"],
                "Corner of the page where the bubble sits.",
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
            margin_top="16px",
        ),
        # Which text colour the brand colour gets (WCAG AA contrast), announced as it changes.
        rx.text(
            SettingsState.brand_contrast_note,
            id="brand-contrast",
            size="1",
            color_scheme="gray",
            aria_live="polite",
            class_name="brand-contrast",
            margin_top="8px",
        ),
    )


def _behaviour() -> rx.Component:
    return card(
        section_title(
            "Answers and time",
            "How sure the bot must be before it answers, the clock it books in, and how many "
            "appointments fit in one slot.",
        ),
        rx.grid(
            _select(
                "Timezone",
                "timezone",
                SettingsState.timezone_options,
                "Business hours and bookings are in this timezone.",
            ),
            labelled(
                "Answer threshold",
                rx.hstack(
                    # A native range input: Radix's slider leaves its thumb without a name.
                    rx.el.input(
                        type="range",
                        value=SettingsState.form["answer_threshold"],
                        min=0,
                        max=1,
                        step=0.05,
                        on_change=lambda v: SettingsState.set_value("answer_threshold", v),
                        disabled=~AuthState.can_edit,
                        aria_label="Answer threshold",
                        custom_attrs=_describe("answer_threshold", "hint"),
                        style={"width": "100%", "accent_color": "var(--accent-9)"},
                    ),
                    rx.badge(SettingsState.form["answer_threshold"], size="2", aria_hidden="true"),
                    width="100%",
                    align="center",
                ),
                SettingsState.errors.get("answer_threshold", ""),
                'Higher means the bot answers only when very sure, and says "I don\'t know" more often.',
                field_id=_field_id("answer_threshold"),
            ),
            _text(
                "Appointments at the same time",
                "parallel_appointments",
                "How many visitors can book the same time: your practitioners, chairs or rooms.",
                type="number",
                min=1,
                max=50,
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
        rx.grid(
            _text(
                "Address",
                "contact_address",
                'The bot gives it to visitors who ask "where are you?".',
            ),
            _text(
                "Contact page",
                "contact_page_url",
                "A link to your contact page: cited under those answers.",
                type="url",
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
            margin_top="16px",
        ),
    )


def _embedding() -> rx.Component:
    return card(
        section_title(
            "Put the chat on your website",
            "Paste this before </body> on every page where the chat should appear.",
        ),
        rx.hstack(
            # Plain text: the highlighter's colours fall below 4.5:1 on its light background.
            rx.el.pre(
                rx.el.code(SettingsState.snippet),
                style={
                    "width": "100%",
                    "margin": "0",
                    "padding": "12px",
                    "background": "var(--gray-2)",
                    "border": "1px solid var(--gray-a5)",
                    "border_radius": "8px",
                    "white_space": "pre-wrap",
                    "word_break": "break-all",
                    "font_size": "13px",
                    "color": "var(--gray-12)",
                },
            ),
            rx.button(
                rx.icon("copy", size=16, aria_hidden="true"),
                "Copy embed code",
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
                rx.icon("save", size=16, aria_hidden="true"),
                "Save settings",
                size="3",
                on_click=SettingsState.save,
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
