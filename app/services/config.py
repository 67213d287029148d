"""Task configuration and bot settings: read through the cache, saved with validation,
invalidation and an admin audit row (the original design's section 3.3)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, select

from app.core.cache import cached, invalidate
from app.core.db import session_scope
from app.core.settings import get_settings
from app.models import (
    AdminUser,
    BotConfig,
    BotSettingsPublic,
    BotSettingsUpdate,
    FieldRefused,
    TaskConfig,
    TaskConfigCreate,
    TaskConfigPublic,
    TaskConfigUpdate,
)
from app.services.audit import record_admin_change

SETTINGS_CACHE_KEY = "cache:config:__settings__"


def task_cache_key(name: str) -> str:
    return f"cache:config:{name}"


class TaskNotFound(LookupError):
    """No task of that name."""


def _load_task(name: str) -> dict[str, Any] | None:
    with session_scope() as session:
        row = session.exec(select(TaskConfig).where(TaskConfig.name == name)).first()
        return None if row is None else row.to_public().model_dump(mode="json")


def get_task_config(name: str) -> TaskConfigPublic | None:
    """A task's configuration as the bot uses it now (cached; None when there is no such task)."""
    data = cached(
        task_cache_key(name), get_settings().config_cache_ttl_seconds, lambda: _load_task(name)
    )
    return None if data is None else TaskConfigPublic.model_validate(data)


def list_task_configs(*, session: Session) -> list[TaskConfigPublic]:
    rows = session.exec(select(TaskConfig).order_by(TaskConfig.id)).all()
    return [row.to_public() for row in rows]


def _audited(row: TaskConfig | BotConfig) -> dict[str, Any]:
    """A config row as the admin audit log keeps it (without its own timestamp)."""
    return row.to_public().model_dump(mode="json", exclude={"updated_at"})


def _store(
    session: Session,
    row: TaskConfig | BotConfig,
    *,
    actor: AdminUser | None,
    action: str,
    target: str,
    previous: dict[str, Any] | None,
    cache_key: str,
) -> None:
    """Save a changed config row with its admin audit row, then drop its cache key."""
    row.updated_by = actor.email if actor else None
    session.add(row)
    record_admin_change(
        session, actor=actor, action=action, target=target, previous=previous, new=_audited(row)
    )
    session.commit()
    session.refresh(row)
    invalidate(cache_key)


def save_task_config(
    *,
    session: Session,
    name: str,
    config_in: TaskConfigUpdate,
    actor: AdminUser | None = None,
) -> TaskConfigPublic:
    """Validate → store → delete the cache key → admin audit log. Raises FieldRefused or TaskNotFound."""
    row = session.exec(select(TaskConfig).where(TaskConfig.name == name)).first()
    if row is None:
        raise TaskNotFound(name)
    config_in.check_fields_for(row.kind)
    previous = _audited(row)
    row.apply(config_in)
    _store(
        session,
        row,
        actor=actor,
        action="update_task_config",
        target=name,
        previous=previous,
        cache_key=task_cache_key(name),
    )
    return row.to_public()


def create_task_config(
    *,
    session: Session,
    config_in: TaskConfigCreate,
    actor: AdminUser | None = None,
) -> TaskConfigPublic:
    """Add a task of a known kind; FieldRefused when the name is taken or fields do not fit."""
    if session.exec(select(TaskConfig).where(TaskConfig.name == config_in.name)).first():
        raise FieldRefused("name", f"a task named {config_in.name!r} already exists")
    config_in.check_fields_for(config_in.kind)
    row = TaskConfig(name=config_in.name, kind=config_in.kind)
    row.apply(config_in)
    _store(
        session,
        row,
        actor=actor,
        action="create_task_config",
        target=config_in.name,
        previous=None,
        cache_key=task_cache_key(config_in.name),
    )
    return row.to_public()


def _load_settings() -> dict[str, Any]:
    with session_scope() as session:
        row = session.get(BotConfig, 1)
        return (row or BotConfig(id=1)).to_public().model_dump(mode="json")


def get_bot_settings() -> BotSettingsPublic:
    """The bot's global settings now (cached)."""
    data = cached(SETTINGS_CACHE_KEY, get_settings().config_cache_ttl_seconds, _load_settings)
    return BotSettingsPublic.model_validate(data)


def save_bot_settings(
    *,
    session: Session,
    settings_in: BotSettingsUpdate,
    actor: AdminUser | None = None,
) -> BotSettingsPublic:
    row = session.get(BotConfig, 1) or BotConfig(id=1)
    previous = _audited(row)
    row.apply(settings_in)
    _store(
        session,
        row,
        actor=actor,
        action="update_settings",
        target="bot_config",
        previous=previous,
        cache_key=SETTINGS_CACHE_KEY,
    )
    return row.to_public()


def field_errors(exc: ValidationError | FieldRefused) -> dict[str, str]:
    """{field path: message} for showing errors next to the field that is wrong."""
    if isinstance(exc, FieldRefused):
        return {exc.field: exc.message}
    errors: dict[str, str] = {}
    for error in exc.errors():
        path = ".".join(str(p) for p in error["loc"]) or "body"
        errors.setdefault(path, error["msg"].removeprefix("Value error, "))
    return errors
