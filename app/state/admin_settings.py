"""Settings page: the bot's name, greeting, colour, timezone, threshold, appointments at the same
time, contact, widget origins."""

from __future__ import annotations

import logging
import re
from typing import Any

import reflex as rx
from pydantic import ValidationError

from app.core.contrast import brand_text_choice
from app.core.db import session_scope
from app.core.settings import get_settings
from app.models import BotSettingsPublic, BotSettingsUpdate
from app.services.config import field_errors, get_bot_settings, save_bot_settings
from app.state.auth import ALL_ROLES, EDIT_ROLES, AuthState

logger = logging.getLogger(__name__)
_COLOUR_RE = re.compile(r"^#[0-9a-f]{6}$")

TEXT_FIELDS = (
    "bot_name",
    "business_name",
    "greeting",
    "brand_color",
    "timezone",
    "answer_threshold",
    "fallback_text",
    "contact_email",
    "contact_phone",
    "contact_address",
    "contact_page_url",
    "allowed_origins",
    "widget_position",
    "default_phone_region",
    "parallel_appointments",
)
COMMON_TIMEZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
)


def settings_to_form(bot: BotSettingsPublic) -> dict[str, str]:
    """Stored settings as input strings (origins one per line)."""
    data = bot.model_dump(mode="json")
    form = {key: "" if data.get(key) is None else str(data[key]) for key in TEXT_FIELDS}
    form["allowed_origins"] = "\n".join(bot.allowed_origins)
    form["answer_threshold"] = f"{bot.answer_threshold:.2f}"
    return form


def form_to_settings(form: dict[str, str]) -> BotSettingsUpdate:
    """The page's inputs as the schema `save_bot_settings` takes; raises ValidationError."""
    origins = [
        line.strip() for line in form.get("allowed_origins", "").replace(",", "\n").splitlines()
    ]
    data: dict[str, Any] = {key: form.get(key, "").strip() for key in TEXT_FIELDS}
    data["allowed_origins"] = [o for o in origins if o]
    for key in ("contact_email", "contact_phone", "contact_address", "contact_page_url"):
        data[key] = data[key] or None
    return BotSettingsUpdate.model_validate(data)


def embed_snippet(public_url: str) -> str:
    """What a business pastes into its site to get the chat bubble."""
    return f'<script src="{public_url.rstrip("/")}/embed.js" defer></script>'


class SettingsState(AuthState):
    """The settings form, its errors and the embed snippet."""

    form: dict[str, str] = {}
    errors: dict[str, str] = {}
    saved_message: str = ""
    loading: bool = True

    @rx.var
    def snippet(self) -> str:
        """The embed code for this installation."""
        return embed_snippet(get_settings().public_url)

    @rx.var
    def brand_text_color(self) -> str:
        """The text colour the widget will put on the brand colour being edited."""
        colour = self.form.get("brand_color", "").strip().lower()
        return brand_text_choice(colour).text_color if _COLOUR_RE.match(colour) else "#ffffff"

    @rx.var
    def brand_contrast_note(self) -> str:
        """Which text colour the brand colour gets, with the contrast ratios; "" until valid."""
        colour = self.form.get("brand_color", "").strip().lower()
        return brand_text_choice(colour).explanation() if _COLOUR_RE.match(colour) else ""

    @rx.var
    def timezone_options(self) -> list[str]:
        """Common zones, plus the current one when it is not among them."""
        current = self.form.get("timezone", "")
        return list(COMMON_TIMEZONES) + (
            [current] if current and current not in COMMON_TIMEZONES else []
        )

    @rx.event
    def load(self) -> None:
        """on_load: read the settings as the bot uses them now."""
        if self._current_admin() is None:
            return
        self.form = settings_to_form(get_bot_settings())
        self.errors = {}
        self.loading = False

    @rx.event
    def set_value(self, key: str, value: str | float | list[float]) -> None:
        """Change one input; its old error goes away."""
        if not self._token_allows(ALL_ROLES):
            return None
        if key not in TEXT_FIELDS:
            return
        if isinstance(value, list):  # the threshold slider sends [value]
            value = f"{float(value[0]):.2f}"
        self.form = {**self.form, key: str(value)}
        self.errors = {k: v for k, v in self.errors.items() if k != key}
        self.saved_message = ""

    @rx.event
    def copy_snippet(self) -> list[Any]:
        """Copy the embed code to the clipboard."""
        if not self._token_allows(ALL_ROLES):
            return None
        return [rx.set_clipboard(self.snippet), rx.toast.success("Embed code copied.")]

    @rx.event
    def save(self) -> Any:
        """Validate and store; the widget and the bot use it from the next message."""
        admin = self._require_role(EDIT_ROLES)
        if admin is None:
            return self._refusal()
        try:
            settings_in = form_to_settings(self.form)
        except ValidationError as exc:
            self.errors = {path.split(".")[0]: msg for path, msg in field_errors(exc).items()}
            self.saved_message = ""
            return rx.toast.error("Some values need fixing before saving.")
        with session_scope() as session:
            saved = save_bot_settings(session=session, settings_in=settings_in, actor=admin)
        self.form = settings_to_form(saved)
        self.errors = {}
        choice = brand_text_choice(saved.brand_color)
        self.saved_message = (
            "Saved. The widget and the bot use these settings from the next message."
            + (f" {choice.explanation()}" if choice.adjusted else "")
        )
        return None
