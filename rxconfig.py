"""Reflex configuration. Telemetry and update checks are off: nothing phones home."""

import os

import reflex as rx

os.environ.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")
_port = int(os.environ.get("APP_PORT", "3000"))

config = rx.Config(
    app_name="app",
    telemetry_enabled=False,
    frontend_port=_port,
    backend_port=_port,
    show_built_with_reflex=False,
    # Several app replicas share state through Redis in production; in-memory otherwise.
    redis_url=os.environ.get("REDIS_URL") or None,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="teal", radius="large")
        ),
    ],
    disable_plugins=[rx.plugins.sitemap.SitemapPlugin],
)
