"""`GET /api/attachments/{id}?token=…`: a visitor's uploaded file, opened from the dashboard.

The dashboard signs a ten-minute token per file (`app.services.uploads.attachment_url`), because
a link or an `<img>` cannot send the admin's bearer header. The file is served with headers that
keep it inert: its stored type (checked by content at upload), no type sniffing, and a content
security policy that lets nothing in it run.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from fastapi.responses import FileResponse

from app.api.deps import SessionDep
from app.core.security import TokenError
from app.models import Attachment
from app.services.uploads import ALLOWED_TYPES, stored_file, verify_attachment_token

logger = logging.getLogger(__name__)

router = APIRouter()

# Images open in the browser (its image viewer needs `img-src 'self'`); a PDF is downloaded,
# so no built-in viewer runs whatever the document carries.
IMAGE_POLICY = "default-src 'none'; img-src 'self'; sandbox"
DOCUMENT_POLICY = "default-src 'none'; sandbox"


def _not_found() -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, "No such file.")


def _safety_headers(content_type: str) -> dict[str, str]:
    return {
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": (
            IMAGE_POLICY if content_type.startswith("image/") else DOCUMENT_POLICY
        ),
        # The link carries a token: keep it out of shared caches and of other sites' logs.
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
    }


@router.get(
    "/{attachment_id}",
    response_class=FileResponse,
    responses={
        200: {"description": "The file", "content": {t: {} for t in ALLOWED_TYPES}},
        401: {"description": "Missing, expired or tampered link token"},
        404: {"description": "No such file, or a token for another file"},
    },
)
def download_attachment(
    attachment_id: int,
    session: SessionDep,
    token: Annotated[str | None, Query(max_length=2000)] = None,
) -> FileResponse:
    """Serve one uploaded file to whoever holds a valid link token for it."""
    if not token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "This link needs its token.")
    try:
        names_this_file = verify_attachment_token(token, attachment_id)
    except TokenError as exc:
        logger.info("Refused an attachment link: %s", exc)
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "This link has expired or is not valid. Reopen the conversation for a fresh one.",
        ) from exc
    if not names_this_file:
        raise _not_found()
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise _not_found()
    path = stored_file(attachment)
    if path is None:
        raise _not_found()
    # Only types accepted at upload are served as themselves; anything else is opaque bytes.
    content_type = (
        attachment.content_type
        if attachment.content_type in ALLOWED_TYPES
        else "application/octet-stream"
    )
    return FileResponse(
        path,
        media_type=content_type,
        filename=attachment.filename,
        content_disposition_type="inline" if content_type.startswith("image/") else "attachment",
        headers=_safety_headers(content_type),
    )
