"""The Reflex app: widget and admin pages, with the API mounted on the same backend."""

import reflex as rx

from app.api.main import create_api
from app.core.logging import configure_logging
from app.core.settings import get_settings

configure_logging(get_settings().log_level)

import app.pages  # noqa: E402,F401 - registers every @rx.page

app = rx.App(api_transformer=create_api())
