"""GET/POST/PUT/DELETE /api/users: staff accounts (admin only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from app.api.auth_deps import STAFF_ERRORS, AdminAccess, error_responses
from app.api.deps import SessionDep
from app.models import AdminUserCreate, AdminUserPublic, AdminUserUpdate
from app.services import users

router = APIRouter(responses=STAFF_ERRORS)


def _conflict(exc: users.UserConflict) -> HTTPException:
    return HTTPException(
        status.HTTP_409_CONFLICT, detail={"field": exc.field, "message": exc.message}
    )


def _not_found(user_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"No account with id {user_id}.")


@router.get("", summary="List staff accounts")
def list_users(admin: AdminAccess, session: SessionDep) -> list[AdminUserPublic]:
    return users.list_users(session=session)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a staff account",
    responses=error_responses(409),
)
def create_user(body: AdminUserCreate, admin: AdminAccess, session: SessionDep) -> AdminUserPublic:
    """409 when the email already has an account."""
    try:
        return users.create_user(session=session, user_in=body, actor=admin)
    except users.UserConflict as exc:
        raise _conflict(exc) from exc


@router.get("/{user_id}", summary="One staff account", responses=error_responses(404))
def get_user(user_id: int, admin: AdminAccess, session: SessionDep) -> AdminUserPublic:
    try:
        return users.to_public(users.get_user(session=session, user_id=user_id))
    except users.UserNotFound as exc:
        raise _not_found(user_id) from exc


@router.put(
    "/{user_id}",
    summary="Change a staff account (name, role, active, password)",
    responses=error_responses(404, 409),
)
def update_user(
    user_id: int, body: AdminUserUpdate, admin: AdminAccess, session: SessionDep
) -> AdminUserPublic:
    """A new password or deactivation signs the account out everywhere."""
    try:
        return users.update_user(session=session, user_id=user_id, user_in=body, actor=admin)
    except users.UserNotFound as exc:
        raise _not_found(user_id) from exc
    except users.UserConflict as exc:
        raise _conflict(exc) from exc


@router.delete(
    "/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove an account",
    responses=error_responses(404, 409),
)
def delete_user(user_id: int, admin: AdminAccess, session: SessionDep) -> None:
    try:
        users.delete_user(session=session, user_id=user_id, actor=admin)
    except users.UserNotFound as exc:
        raise _not_found(user_id) from exc
    except users.UserConflict as exc:
        raise _conflict(exc) from exc
