"""Users page (admins only): staff accounts, their roles, adding, disabling and removing them."""

from __future__ import annotations

import logging
from typing import Any

import reflex as rx
from pydantic import ValidationError

from app.core.db import session_scope
from app.models import AdminUserCreate, AdminUserPublic, AdminUserUpdate, Role
from app.services import users
from app.state.auth import ADMIN_ROLES, AuthState

logger = logging.getLogger(__name__)

ROLE_HELP = {
    "admin": "Everything, including users and the audit log",
    "editor": "Tasks, settings and content",
    "viewer": "Looks at everything, changes nothing",
}


def user_row(user: AdminUserPublic) -> dict[str, str]:
    """One account as the table shows it (never its password hash)."""
    return {
        "id": str(user.id),
        "email": user.email,
        "name": user.full_name or "",
        "role": str(user.role.value if isinstance(user.role, Role) else user.role),
        "active": "yes" if user.is_active else "no",
        "last_login": user.last_login_at.strftime("%d %b %Y, %H:%M UTC")
        if user.last_login_at
        else "never",
    }


def validation_messages(exc: ValidationError) -> dict[str, str]:
    """{field: message} from a refused account form."""
    return {
        str(e["loc"][0]) if e["loc"] else "form": e["msg"].removeprefix("Value error, ")
        for e in exc.errors()
    }


class UsersState(AuthState):
    """The accounts and the add-account form."""

    users: list[dict[str, str]] = []
    loading: bool = True
    adding: bool = False
    new_user: dict[str, str] = {"email": "", "full_name": "", "role": "editor", "password": ""}
    errors: dict[str, str] = {}
    confirm_delete: str = ""

    @rx.var
    def role_options(self) -> list[str]:
        """The three roles."""
        return [r.value for r in Role]

    def _reload(self) -> None:
        with session_scope() as session:
            self.users = [user_row(u) for u in users.list_users(session=session)]

    @rx.event
    def load(self) -> Any:
        """on_load: admins only; anyone else goes back to the overview."""
        if self._require_role(ADMIN_ROLES) is None:
            return rx.redirect("/admin") if self.signed_in else None
        self._reload()
        self.loading = False
        return None

    @rx.event
    def show_add(self, value: bool) -> None:
        """Open or close the add-account dialog."""
        if not self._token_allows(ADMIN_ROLES):
            return None
        self.adding = value
        self.errors = {}
        self.new_user = {"email": "", "full_name": "", "role": "editor", "password": ""}

    @rx.event
    def set_new(self, key: str, value: str) -> None:
        """One field of the add-account form."""
        if not self._token_allows(ADMIN_ROLES):
            return None
        if key in self.new_user:
            self.new_user = {**self.new_user, key: value}
            self.errors = {k: v for k, v in self.errors.items() if k != key}

    @rx.event
    def create(self) -> Any:
        """Add the account; errors appear next to the field."""
        admin = self._require_role(ADMIN_ROLES)
        if admin is None:
            return self._refusal()
        data = {k: v.strip() if k != "password" else v for k, v in self.new_user.items()}
        data["full_name"] = data["full_name"] or None
        try:
            user_in = AdminUserCreate.model_validate(data)
            with session_scope() as session:
                created = users.create_user(session=session, user_in=user_in, actor=admin)
        except ValidationError as exc:
            self.errors = validation_messages(exc)
            return None
        except users.UserConflict as exc:
            self.errors = {exc.field: exc.message}
            return None
        self.adding = False
        self._reload()
        return rx.toast.success(f"{created.email} can now sign in as {created.role}.")

    def _update(self, user_id: str, change: AdminUserUpdate, done: str) -> Any:
        admin = self._require_role(ADMIN_ROLES)
        if admin is None:
            return self._refusal()
        try:
            with session_scope() as session:
                users.update_user(
                    session=session, user_id=int(user_id), user_in=change, actor=admin
                )
        except users.UserConflict as exc:
            self._reload()
            return rx.toast.error(exc.message[:1].upper() + exc.message[1:] + ".")
        except users.UserNotFound:
            self._reload()
            return rx.toast.error("That account no longer exists.")
        self._reload()
        self._current_admin()  # the admin may have changed their own role
        return rx.toast.success(done)

    @rx.event
    def set_role(self, user_id: str, role: str) -> Any:
        """Give an account another role."""
        if not self._token_allows(ADMIN_ROLES):
            return None
        if role not in ROLE_HELP:
            return None
        return self._update(user_id, AdminUserUpdate(role=Role(role)), f"Role changed to {role}.")

    @rx.event
    def set_active(self, user_id: str, active: bool) -> Any:
        """Disable (signs them out at once) or re-enable an account."""
        if not self._token_allows(ADMIN_ROLES):
            return None
        word = "enabled" if active else "disabled and signed out"
        return self._update(user_id, AdminUserUpdate(is_active=active), f"Account {word}.")

    @rx.event
    def ask_delete(self, user_id: str) -> None:
        """First click on Remove: ask to confirm (empty string cancels)."""
        if not self._token_allows(ADMIN_ROLES):
            return None
        self.confirm_delete = user_id

    @rx.event
    def delete(self, user_id: str) -> Any:
        """Remove an account for good."""
        admin = self._require_role(ADMIN_ROLES)
        self.confirm_delete = ""
        if admin is None:
            return self._refusal()
        try:
            with session_scope() as session:
                users.delete_user(session=session, user_id=int(user_id), actor=admin)
        except users.UserConflict as exc:
            return rx.toast.error(exc.message[:1].upper() + exc.message[1:] + ".")
        except users.UserNotFound:
            pass  # already gone: the reload shows it
        self._reload()
        return rx.toast.success("Account removed.")
