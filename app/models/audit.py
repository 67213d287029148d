"""Audit trails: what the bot did (with an HMAC of the user's data, never the data) and
what staff changed (previous and new value)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel
from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models.task_config import utcnow


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_logs"

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(max_length=50, index=True)  # create_booking, cancel_booking, ...
    booking_reference: str | None = Field(default=None, max_length=20, index=True)
    user_data_hash: str | None = Field(default=None, max_length=64)
    conversation_id: str | None = Field(default=None, max_length=255)
    status: str = Field(default="ok", max_length=20)
    detail: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class AdminAuditLog(SQLModel, table=True):
    __tablename__ = "admin_audit_log"

    id: int | None = Field(default=None, primary_key=True)
    admin_id: int | None = Field(default=None, index=True)
    admin_email: str | None = Field(default=None, max_length=255)
    action: str = Field(max_length=50)  # update_task_config, update_settings, create_user, ...
    target: str | None = Field(default=None, max_length=255)
    previous_value: Any = Field(default=None, sa_column=Column(JSON))
    new_value: Any = Field(default=None, sa_column=Column(JSON))
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class BotActionPublic(BaseModel):
    """One bot action of the audit log: the visitor's data only as an HMAC."""

    id: int
    action: str
    booking_reference: str | None
    user_data_hash: str | None
    conversation_id: str | None
    status: str
    detail: str | None
    created_at: dt.datetime


class AdminChangePublic(BaseModel):
    """One staff change of the audit log: who changed what, from what to what."""

    id: int
    admin_id: int | None
    admin_email: str | None
    action: str
    target: str | None
    previous_value: Any
    new_value: Any
    created_at: dt.datetime
