"""Callback requests: a visitor asked for a person (or the bot kept failing) and left a contact."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlmodel import Field, SQLModel

from app.models.task_config import utcnow


class CallbackStatus(StrEnum):
    open = "open"
    done = "done"


class CallbackRequest(SQLModel, table=True):
    """One request for staff to get back to a visitor. Contact and note are Fernet-encrypted."""

    __tablename__ = "callback_requests"

    id: int | None = Field(default=None, primary_key=True)
    sender_id: str = Field(index=True, max_length=255)  # the conversation, for its transcript
    contact_kind: str = Field(max_length=10)  # email | phone
    contact_encrypted: str
    note_encrypted: str
    reason: str = Field(default="asked", max_length=20)  # asked | repeated_failures
    status: str = Field(default=CallbackStatus.open, index=True, max_length=10)
    reply_by_text: str = Field(default="", max_length=200)  # what the visitor was promised
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)
    done_at: dt.datetime | None = None
    done_by: str | None = Field(default=None, max_length=255)
