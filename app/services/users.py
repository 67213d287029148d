"""Staff accounts: list, create, update, delete; every change leaves an admin audit row.

Audit rows never hold password hashes: a password change is recorded as "password_changed".
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, delete, func, select

from app.core.security import hash_password
from app.models import (
    AdminUser,
    AdminUserCreate,
    AdminUserPublic,
    AdminUserUpdate,
    RefreshToken,
    Role,
)
from app.services.audit import record_admin_change
from app.services.auth import clear_login_failures


class UserNotFound(LookupError):
    """No account with that id."""


class UserConflict(ValueError):
    """The change would break a rule: a taken email, or no active admin left."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def to_public(user: AdminUser) -> AdminUserPublic:
    return AdminUserPublic.model_validate(user, from_attributes=True)


def _snapshot(user: AdminUser) -> dict[str, Any]:
    return to_public(user).model_dump(mode="json", exclude={"created_at", "last_login_at"})


def list_users(*, session: Session) -> list[AdminUserPublic]:
    """Every staff account, oldest first."""
    return [to_public(u) for u in session.exec(select(AdminUser).order_by(AdminUser.id)).all()]


def get_user(*, session: Session, user_id: int) -> AdminUser:
    user = session.get(AdminUser, user_id)
    if user is None:
        raise UserNotFound(user_id)
    return user


def create_user(
    *, session: Session, user_in: AdminUserCreate, actor: AdminUser | None
) -> AdminUserPublic:
    """Add a staff account; UserConflict when the email is taken."""
    email = user_in.email.lower()
    if session.exec(select(AdminUser).where(AdminUser.email == email)).first():
        raise UserConflict("email", f"an account for {email} already exists")
    user = AdminUser(
        email=email,
        full_name=user_in.full_name,
        role=user_in.role,
        password_hash=hash_password(user_in.password),
    )
    session.add(user)
    session.flush()
    record_admin_change(
        session, actor=actor, action="create_user", target=email, previous=None, new=_snapshot(user)
    )
    session.commit()
    session.refresh(user)
    return to_public(user)


def _other_active_admins(session: Session, user_id: int) -> int:
    return session.exec(
        select(func.count())
        .select_from(AdminUser)
        .where(AdminUser.role == Role.admin, AdminUser.is_active, AdminUser.id != user_id)
    ).one()


def _keeps_an_admin(session: Session, user: AdminUser, *, role: str, is_active: bool) -> None:
    # Without an active admin nobody could manage accounts again except from the CLI.
    if user.role == Role.admin and user.is_active and (role != Role.admin or not is_active):
        if _other_active_admins(session, user.id) == 0:
            raise UserConflict("role", "this is the last active admin; make another admin first")


def update_user(
    *, session: Session, user_id: int, user_in: AdminUserUpdate, actor: AdminUser | None
) -> AdminUserPublic:
    """Change name, role, active flag or password; a new password signs the account out."""
    user = get_user(session=session, user_id=user_id)
    changes = user_in.model_dump(exclude_unset=True, exclude_none=True)
    _keeps_an_admin(
        session,
        user,
        role=changes.get("role", user.role),
        is_active=changes.get("is_active", user.is_active),
    )
    previous = _snapshot(user)
    for key in ("full_name", "role", "is_active"):
        if key in changes:
            setattr(user, key, changes[key])
    new = _snapshot(user)
    if "password" in changes:
        user.password_hash = hash_password(changes["password"])
        user.token_version += 1  # every token issued before stops working
        user.failed_logins, user.locked_until = 0, None
        clear_login_failures(user.email)
        new["password_changed"] = True
    if changes.get("is_active") is False:
        user.token_version += 1
    session.add(user)
    record_admin_change(
        session, actor=actor, action="update_user", target=user.email, previous=previous, new=new
    )
    session.commit()
    session.refresh(user)
    return to_public(user)


def delete_user(*, session: Session, user_id: int, actor: AdminUser | None) -> None:
    """Remove an account; nobody deletes themselves or the last active admin."""
    user = get_user(session=session, user_id=user_id)
    if actor is not None and actor.id == user.id:
        raise UserConflict("id", "you cannot delete your own account")
    _keeps_an_admin(session, user, role="", is_active=False)
    record_admin_change(
        session,
        actor=actor,
        action="delete_user",
        target=user.email,
        previous=_snapshot(user),
        new=None,
    )
    session.exec(delete(RefreshToken).where(RefreshToken.user_id == user.id))
    session.delete(user)
    session.commit()
