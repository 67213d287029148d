"""The FastAPI app under /api: admin API, booking API, health. Mounted on the Reflex backend
through `rx.App(api_transformer=...)`, and usable on its own in tests (`create_api()`)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.api import (
    analytics,
    audit,
    auth,
    bookings,
    callbacks,
    config,
    content,
    health,
    users,
    widget,
)
from app.api.attachments import router as attachments_router
from app.api.auth_deps import error_responses
from app.core.settings import ROOT_DIR


def create_api() -> FastAPI:
    """Build the API app; nothing connects until a request arrives."""
    api = FastAPI(
        title="Business chatbot API",
        version="0.1.0",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
        # Any route that reads a body answers 400 when it cannot be parsed.
        responses=error_responses(400),
    )
    api.include_router(health.router, prefix="/api")
    api.include_router(auth.router, prefix="/api/auth", tags=["auth"])
    api.include_router(config.router, prefix="/api/config", tags=["config"])
    api.include_router(content.router, prefix="/api/content", tags=["content"])
    api.include_router(analytics.router, prefix="/api/analytics", tags=["analytics"])
    api.include_router(audit.router, prefix="/api/audit", tags=["audit"])
    api.include_router(users.router, prefix="/api/users", tags=["users"])
    api.include_router(bookings.router, prefix="/api", tags=["booking"])
    api.include_router(callbacks.router, prefix="/api/callbacks", tags=["callbacks"])
    api.include_router(widget.router, tags=["widget"])
    api.include_router(attachments_router, prefix="/api/attachments", tags=["attachments"])
    # The widget page may be framed only by this server and the allowed origins (settings).
    api.add_middleware(widget.WidgetFramingMiddleware)
    api.add_middleware(widget.UploadSizeLimitMiddleware)
    # The demo business's website (what the bot's demo content cites) and a demo customer
    # page that embeds the widget, so `make up` shows the product as a visitor meets it.
    for path, folder in (("/demo-site", "demo/site"), ("/demo", "demo/host")):
        if (ROOT_DIR / folder).is_dir():
            api.mount(path, StaticFiles(directory=ROOT_DIR / folder, html=True), name=folder)
    return api
