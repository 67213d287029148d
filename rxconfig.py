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
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="teal", radius="large")
        ),
    ],
    disable_plugins=["reflex.plugins.sitemap.SitemapPlugin"],
)
