"""The widget's public endpoints: `/embed.js` (the loader a business pastes into its site),
`/api/widget/config` (what the launcher looks like), `/api/widget/uploads` (a visitor's file),
and the middleware that says which sites may frame the `/widget` page.

The router is included without a prefix because `/embed.js` lives at the site's root.
"""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.deps import SessionDep
from app.core.client_ip import client_ip
from app.core.rate_limit import enforce
from app.core.settings import get_settings
from app.services import visitors
from app.services.config import get_bot_settings
from app.services.uploads import UploadRefused, save_upload

logger = logging.getLogger(__name__)

router = APIRouter()

EMBED_SCRIPT = Path(__file__).with_name("embed.js")
# Short enough that a new release reaches visitors within minutes; the ETag makes a
# revalidation cost one 304.
EMBED_CACHE_CONTROL = "public, max-age=300, must-revalidate"
WIDGET_PATHS = ("/widget",)


class WidgetConfig(BaseModel):
    """What the launcher and the chat header show (public: no secrets)."""

    bot_name: str
    business_name: str
    greeting: str
    brand_color: str
    brand_text_color: str
    widget_position: str


class UploadReceipt(BaseModel):
    """A stored file, as the visitor's chat shows it."""

    id: int
    filename: str
    content_type: str
    size_bytes: int


@lru_cache
def _embed_script() -> tuple[bytes, str]:
    body = EMBED_SCRIPT.read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@router.get("/embed.js", include_in_schema=False)
def embed_script(request: Request) -> Response:
    """The loader script a business adds to its pages."""
    body, etag = _embed_script()
    headers = {
        "Cache-Control": EMBED_CACHE_CONTROL,
        "ETag": etag,
        "X-Content-Type-Options": "nosniff",
        # Any site may load the script; it only ever talks back to this server.
        "Cross-Origin-Resource-Policy": "cross-origin",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)


@router.get("/api/widget/config", response_model=WidgetConfig)
def widget_config(response: Response) -> WidgetConfig:
    """Bot name, greeting, brand colour and launcher position, from the dashboard's settings."""
    bot = get_bot_settings()
    # Read by embed.js from the business's own site, so any origin may read it.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "public, max-age=60"
    return WidgetConfig(
        bot_name=bot.bot_name,
        business_name=bot.business_name,
        greeting=bot.greeting,
        brand_color=bot.brand_color,
        brand_text_color=bot.brand_text_color,
        widget_position=bot.widget_position,
    )


@router.post(
    "/api/widget/uploads",
    response_model=UploadReceipt,
    status_code=status.HTTP_201_CREATED,
    responses={
        401: {"description": "Missing or invalid visitor token"},
        413: {"description": "Too large"},
        415: {"description": "Not an image or PDF"},
        429: {"description": "Too many uploads"},
    },
)
async def upload_file(
    request: Request,
    session: SessionDep,
    visitor_token: Annotated[str, Form(min_length=1, max_length=2000)],
    file: Annotated[UploadFile, File()],
) -> UploadReceipt | JSONResponse:
    """Store an image or PDF (≤ 10 MB, checked by content) with the visitor's conversation.

    `visitor_token` is the widget's signed token: a conversation id alone is refused (401).
    """
    settings = get_settings()
    sender_id = visitors.conversation_of(visitor_token)
    if sender_id is None:
        return JSONResponse(
            {"detail": "This chat session is not valid any more; reload the chat."},
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    peer = request.client.host if request.client else None
    enforce(settings.widget_rate_limit, "widget-upload", sender_id)
    enforce(
        settings.widget_ip_rate_limit,
        "widget-upload-ip",
        client_ip(peer, request.headers.get("x-forwarded-for")),
    )
    # Read one byte past the limit: enough to refuse, without holding a huge file in memory.
    data = await file.read(settings.upload_max_bytes + 1)
    try:
        attachment = await run_in_threadpool(
            save_upload, session=session, sender_id=sender_id, filename=file.filename, data=data
        )
    except UploadRefused as refusal:
        code = (
            status.HTTP_413_CONTENT_TOO_LARGE
            if len(data) > settings.upload_max_bytes
            else status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
        )
        return JSONResponse({"detail": str(refusal)}, status_code=code)
    return UploadReceipt.model_validate(attachment, from_attributes=True)


def frame_ancestors(allowed_origins: list[str]) -> str:
    """The CSP value letting this server and the listed sites (only) frame the widget."""
    return "frame-ancestors " + " ".join(["'self'", *allowed_origins])


def _is_widget_page(path: str) -> bool:
    path = path.rstrip("/") or "/"
    return any(path == p or path.startswith(p + "/") or path == p + ".html" for p in WIDGET_PATHS)


class WidgetFramingMiddleware:
    """Adds `Content-Security-Policy: frame-ancestors …` to the `/widget` page's responses.

    Pure ASGI (not BaseHTTPMiddleware) so that the websocket and streamed responses pass
    through untouched; it wraps the whole app, Reflex's compiled pages included.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_widget_page(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        try:
            origins = (await run_in_threadpool(get_bot_settings)).allowed_origins
        except Exception:  # noqa: BLE001 - no settings readable: frame only from this server
            logger.warning("Could not read allowed widget origins; framing limited to self")
            origins = []
        policy = frame_ancestors(origins).encode()

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in (b"content-security-policy", b"x-frame-options")
                ]
                headers.append((b"content-security-policy", policy))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_policy)


# Where files are uploaded: this API's endpoint and Reflex's own upload route (the widget).
UPLOAD_PATHS = ("/api/widget/uploads", "/_upload")
# Room for the multipart envelope and the form's other fields around the file itself.
MULTIPART_OVERHEAD = 64 * 1024


class UploadSizeLimitMiddleware:
    """Refuses an upload as soon as its body passes UPLOAD_MAX_BYTES (413), while it streams.

    Without it the whole body is read (to memory or a temporary file) before the endpoint
    can look at the size. A declared Content-Length over the limit is refused before any
    body is read; a body without one (chunked) is counted as it arrives.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(UPLOAD_PATHS):
            await self.app(scope, receive, send)
            return
        limit = get_settings().upload_max_bytes + MULTIPART_OVERHEAD
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(send)
            return
        received = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Answer now and tell the app the client went away, so it stops reading;
                    # whatever it answers after that is dropped.
                    refused = True
                    if not started:
                        await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, counting_receive, tracking_send)

    @staticmethod
    async def _refuse(send: Send) -> None:
        limit_mb = get_settings().upload_max_bytes / 1_048_576
        response = JSONResponse(
            {"detail": f"That file is too large: files can be up to {limit_mb:g} MB."},
            status_code=status.HTTP_413_CONTENT_TOO_LARGE,
        )
        await send(
            {
                "type": "http.response.start",
                "status": response.status_code,
                "headers": response.raw_headers,
            }
        )
        await send({"type": "http.response.body", "body": response.body})
