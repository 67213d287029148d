"""Staff accounts for the dashboard and the admin API."""

from __future__ import annotations

import datetime as dt
import secrets
from enum import StrEnum

from pydantic import BaseModel, EmailStr
from pydantic import Field as PydanticField
from sqlmodel import Field, SQLModel

from app.models.task_config import utcnow


class Role(StrEnum):
    admin = "admin"  # everything
    editor = "editor"  # config and content
    viewer = "viewer"  # read only


class AdminUserBase(SQLModel):
    email: str = Field(index=True, unique=True, max_length=255)
    full_name: str | None = Field(default=None, max_length=120)
    role: str = Field(default=Role.viewer, max_length=10)
    is_active: bool = True


class AdminUser(AdminUserBase, table=True):
    __tablename__ = "admin_users"

    id: int | None = Field(default=None, primary_key=True)
    password_hash: str
    failed_logins: int = 0
    locked_until: dt.datetime | None = None
    token_version: int = 0  # bumped on password change: every older token stops working
    # Random per account and carried in its tokens: on SQLite a deleted account's id can be
    # given to the next one, and the salt keeps the old tokens from opening the new account.
    token_salt: str = Field(default_factory=lambda: secrets.token_hex(16), max_length=32)
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_login_at: dt.datetime | None = None


class AdminUserCreate(BaseModel):
    email: EmailStr
    password: str = PydanticField(min_length=10, max_length=128)
    full_name: str | None = PydanticField(default=None, max_length=120)
    role: Role = Role.viewer


class AdminUserUpdate(BaseModel):
    full_name: str | None = PydanticField(default=None, max_length=120)
    role: Role | None = None
    is_active: bool | None = None
    password: str | None = PydanticField(default=None, min_length=10, max_length=128)


class AdminUserPublic(BaseModel):
    id: int
    email: str
    full_name: str | None
    role: Role
    is_active: bool
    created_at: dt.datetime
    last_login_at: dt.datetime | None


class RevokedToken(SQLModel, table=True):
    """A token id revoked by logout, kept until the token would have expired anyway."""

    __tablename__ = "revoked_tokens"

    jti: str = Field(primary_key=True, max_length=64)
    expires_at: dt.datetime = Field(index=True)


class RefreshToken(SQLModel, table=True):
    """One refresh token issued to a staff account, and what became of it.

    All tokens descending from one sign-in share a `family`. A refresh marks the token used
    and issues the next one in the family; presenting a used token again means it was
    copied, so the whole family (and the access tokens issued with it) is revoked.
    """

    __tablename__ = "refresh_tokens"

    jti: str = Field(primary_key=True, max_length=64)
    family: str = Field(index=True, max_length=64)
    user_id: int = Field(index=True)
    expires_at: dt.datetime = Field(index=True)
    used_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
