"""Files a visitor sends in the widget: images and PDFs up to the size limit, type checked by
their content (never by their name), stored under `uploads_dir` with an `Attachment` row that
ties them to the conversation (Rasa's sender id) so staff see them in the transcript."""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from pathlib import Path

import filetype
from sqlmodel import Session, select

from app.core.security import create_token, decode_token
from app.core.settings import get_settings
from app.models import Attachment

logger = logging.getLogger(__name__)

# What a visitor may send, by detected type: the stored file gets the extension of its real type.
ALLOWED_TYPES: dict[str, str] = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/pdf": "pdf",
}
# Staff open files through links (a browser link cannot carry the dashboard's bearer header), so
# each link carries its own signed token, naming one file and valid only briefly.
ATTACHMENT_TOKEN_TYPE = "attachment"
ATTACHMENT_LINK_LIFETIME = dt.timedelta(minutes=10)
_UNSAFE_NAME = re.compile(r"[^\w.\- ()]+", re.UNICODE)


class UploadRefused(ValueError):
    """A file that is not accepted (a visitor's attachment, or a content file staff upload):
    too large, empty or of a type we cannot read; the message says why, in the reader's words."""


def size_in_words(size: int) -> str:
    """A file size as people say it: "240 KB", "1.5 MB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{max(1, round(size / 1024))} KB"


def detect_type(data: bytes) -> str | None:
    """The MIME type of the file's content (magic numbers), or None when unknown."""
    kind = filetype.guess(data[:8192])
    return kind.mime if kind else None


def check_upload(data: bytes) -> str:
    """The file's real content type when the widget accepts it.

    Raises:
        UploadRefused: Empty, too large, or not an image or PDF.
    """
    limit = get_settings().upload_max_bytes
    if not data:
        raise UploadRefused("That file is empty.")
    if len(data) > limit:
        raise UploadRefused(f"That file is too large: files can be up to {size_in_words(limit)}.")
    content_type = detect_type(data)
    if content_type not in ALLOWED_TYPES:
        raise UploadRefused(
            "Only images (JPEG, PNG, GIF, WebP) and PDF documents can be sent here; "
            "that file is neither."
        )
    return content_type


def display_name(filename: str | None, content_type: str) -> str:
    """A harmless file name to show: no path, no odd characters, the real type's extension."""
    # Browsers on Windows may send "C:\\fakepath\\name.jpg": keep only the last part.
    stem = Path((filename or "").replace("\\", "/")).name.rsplit(".", 1)[0]
    stem = _UNSAFE_NAME.sub("_", stem).strip(" ._")[:100] or "file"
    return f"{stem}.{ALLOWED_TYPES[content_type]}"


def save_upload(
    *, session: Session, sender_id: str, filename: str | None, data: bytes
) -> Attachment:
    """Check and store a visitor's file with their conversation.

    Raises:
        UploadRefused: The file is not accepted (the message says why).
    """
    if not sender_id or len(sender_id) > 255:
        raise UploadRefused("Start a conversation before sending a file.")
    content_type = check_upload(data)
    name = display_name(filename, content_type)
    # The stored name is random: the visitor's file name never becomes a path on our disk.
    folder = get_settings().uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.{ALLOWED_TYPES[content_type]}"
    path.write_bytes(data)
    attachment = Attachment(
        sender_id=sender_id,
        filename=name,
        content_type=content_type,
        size_bytes=len(data),
        stored_path=str(path),
    )
    session.add(attachment)
    session.commit()
    session.refresh(attachment)
    logger.info("Stored a %s upload (%d bytes) for a widget conversation", content_type, len(data))
    return attachment


def list_attachments(*, session: Session, sender_id: str) -> list[Attachment]:
    """A conversation's files, oldest first (for the transcript and the widget's history)."""
    statement = (
        select(Attachment)
        .where(Attachment.sender_id == sender_id)
        .order_by(Attachment.created_at, Attachment.id)
    )
    return list(session.exec(statement).all())


def attachment_url(attachment_id: int) -> str:
    """A link that opens one stored file for the next ten minutes (for signed-in staff only)."""
    token, _, _ = create_token(
        subject=str(attachment_id),
        token_type=ATTACHMENT_TOKEN_TYPE,
        expires_in=ATTACHMENT_LINK_LIFETIME,
    )
    return f"/api/attachments/{attachment_id}?token={token}"


def verify_attachment_token(token: str, attachment_id: int) -> bool:
    """Whether a valid link token names this file (False: it was signed for another one).

    Raises:
        TokenError: The token is expired, tampered with, or not an attachment link token.
    """
    payload = decode_token(token, token_type=ATTACHMENT_TOKEN_TYPE)
    return payload["sub"] == str(attachment_id)


def stored_file(attachment: Attachment) -> Path | None:
    """The file on disk, or None when it is gone or (a bad row) lies outside the uploads folder."""
    folder = get_settings().uploads_dir.resolve()
    path = Path(attachment.stored_path).resolve()
    # Resolving first means neither "../" parts nor a symlink can lead out of the folder.
    if not path.is_relative_to(folder) or not path.is_file():
        logger.warning("Attachment %s has no readable file in the uploads folder", attachment.id)
        return None
    return path
