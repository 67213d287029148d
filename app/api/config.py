"""The bot's live configuration: settings and tasks. A save takes effect on the next message.

Reads are open to every staff role; changes need an editor or an admin. A body that breaks a
rule is refused with 422 and the failing field's path in `detail[].loc`, e.g.
`["body", "business_hours", "monday"]`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, HTTPException, status
from pydantic import ValidationError
from sqlmodel import Session

from app.api.auth_deps import STAFF_ERRORS, CurrentAdmin, EditorAccess, error_responses
from app.api.deps import SessionDep
from app.models import (
    AdminUser,
    BotSettingsPublic,
    BotSettingsUpdate,
    FieldRefused,
    TaskConfigCreate,
    TaskConfigPublic,
    TaskConfigUpdate,
)
from app.services import config as config_service

router = APIRouter(responses=STAFF_ERRORS)
NOT_FOUND = error_responses(404)

PartialBody = Body(
    description="Only the fields to change; the others keep their current value.",
    examples=[{"optional_fields": ["phone"], "blocked_dates": ["2026-12-24"]}],
)


def unprocessable(exc: ValidationError | FieldRefused) -> HTTPException:
    """422 in FastAPI's own shape, one entry per failing field."""
    errors = [
        {"loc": ["body", *path.split(".")], "msg": message, "type": "value_error"}
        for path, message in config_service.field_errors(exc).items()
    ]
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=errors)


def _task_not_found(name: str) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"No task named {name!r}.")


@router.get("/settings", summary="The bot's settings")
def read_settings(user: CurrentAdmin) -> BotSettingsPublic:
    return config_service.get_bot_settings()


def _save_settings(
    session: Session, user: AdminUser, settings_in: BotSettingsUpdate
) -> BotSettingsPublic:
    return config_service.save_bot_settings(session=session, settings_in=settings_in, actor=user)


@router.put("/settings", summary="Replace the bot's settings")
def replace_settings(
    body: BotSettingsUpdate, user: EditorAccess, session: SessionDep
) -> BotSettingsPublic:
    return _save_settings(session, user, body)


@router.patch("/settings", summary="Change some of the bot's settings")
def patch_settings(
    user: EditorAccess, session: SessionDep, body: dict[str, Any] = PartialBody
) -> BotSettingsPublic:
    current = config_service.get_bot_settings().model_dump(mode="json", exclude={"updated_at"})
    try:
        settings_in = BotSettingsUpdate.model_validate(current | body)
    except ValidationError as exc:
        raise unprocessable(exc) from exc
    return _save_settings(session, user, settings_in)


@router.get("/tasks", summary="Every task and its configuration")
def list_tasks(user: CurrentAdmin, session: SessionDep) -> list[TaskConfigPublic]:
    return config_service.list_task_configs(session=session)


@router.post("/tasks", status_code=status.HTTP_201_CREATED, summary="Add a task of a known kind")
def create_task(
    body: TaskConfigCreate, user: EditorAccess, session: SessionDep
) -> TaskConfigPublic:
    """422 naming the field when the name is taken or fields do not fit the kind."""
    try:
        return config_service.create_task_config(session=session, config_in=body, actor=user)
    except FieldRefused as exc:
        raise unprocessable(exc) from exc


@router.get("/tasks/{name}", summary="One task's configuration", responses=NOT_FOUND)
def read_task(name: str, user: CurrentAdmin) -> TaskConfigPublic:
    task = config_service.get_task_config(name)
    if task is None:
        raise _task_not_found(name)
    return task


def _save_task(
    session: Session, user: AdminUser, name: str, config_in: TaskConfigUpdate
) -> TaskConfigPublic:
    try:
        return config_service.save_task_config(
            session=session,
            name=name,
            config_in=config_in,
            actor=user,
        )
    except config_service.TaskNotFound as exc:
        raise _task_not_found(name) from exc
    except FieldRefused as exc:
        raise unprocessable(exc) from exc


@router.put("/tasks/{name}", summary="Replace a task's configuration", responses=NOT_FOUND)
def replace_task(
    name: str, body: TaskConfigUpdate, user: EditorAccess, session: SessionDep
) -> TaskConfigPublic:
    """Validate, store, clear the cache, audit: the bot follows it from the next message."""
    return _save_task(session, user, name, body)


@router.patch("/tasks/{name}", summary="Change part of a task's configuration", responses=NOT_FOUND)
def patch_task(
    name: str, user: EditorAccess, session: SessionDep, body: dict[str, Any] = PartialBody
) -> TaskConfigPublic:
    """E.g. `{"optional_fields": ["phone"]}`; the other fields keep their current value."""
    current = config_service.get_task_config(name)
    if current is None:
        raise _task_not_found(name)
    merged = current.model_dump(mode="json", exclude={"name", "kind", "updated_at"}) | body
    try:
        config_in = TaskConfigUpdate.model_validate(merged)
    except ValidationError as exc:
        raise unprocessable(exc) from exc
    return _save_task(session, user, name, config_in)
