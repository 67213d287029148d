"""Every page registers itself with @rx.page on import."""

from app.pages import admin, widget  # noqa: F401
