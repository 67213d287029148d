"""Dashboard sign-in: login, logout, session expiry and the page guard every admin page uses.

The access token lives in the browser's localStorage so that a reload keeps the session;
every handler that reads or changes data re-checks it on the server (`_current_admin`), so
an expired, revoked or tampered token, or a role that may not do something, is refused
here and not only hidden in the page.
"""

from __future__ import annotations

import logging
from typing import Any

import reflex as rx

from app.core.client_ip import client_ip
from app.core.db import session_scope
from app.core.security import TokenError, decode_token

logger = logging.getLogger(__name__)

LOGIN_ROUTE = "/admin"

# What each role may see in the menu and do in the handlers (issue 7's roles).
EDIT_ROLES = ("admin", "editor")
ADMIN_ROLES = ("admin",)
ALL_ROLES = ("admin", "editor", "viewer")


def _auth_service() -> Any:
    """The auth service module, imported when first needed."""
    from app.services import auth

    return auth


def _public_admin(user: Any) -> dict[str, str]:
    """The few fields of an admin the browser may see (never the password hash)."""
    return {
        "id": str(user.id),
        "email": user.email,
        "name": user.full_name or user.email.split("@")[0],
        "role": str(getattr(user.role, "value", user.role)),
    }


class AuthState(rx.State):
    """Who is signed in; the base of every admin page's state."""

    access_token: str = rx.LocalStorage("", name="brightpath_admin_token", sync=True)
    refresh_token: str = rx.LocalStorage("", name="brightpath_admin_refresh", sync=True)

    admin_email: str = ""
    admin_name: str = ""
    admin_role: str = ""
    auth_checked: bool = False
    login_error: str = ""
    signing_in: bool = False
    session_notice: str = ""

    _admin_id: int | None = None

    @rx.var
    def signed_in(self) -> bool:
        """True once the token has been checked and belongs to an active admin."""
        return self.admin_role != ""

    @rx.var
    def can_edit(self) -> bool:
        """Editors and admins change config and content; viewers only read."""
        return self.admin_role in EDIT_ROLES

    @rx.var
    def is_admin(self) -> bool:
        """Only admins see users and the audit log."""
        return self.admin_role in ADMIN_ROLES

    @rx.var
    def admin_initials(self) -> str:
        """Two letters for the avatar in the header."""
        parts = [p for p in self.admin_name.replace(".", " ").split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def _remember(self, user: Any | None) -> None:
        if user is None:
            self._admin_id = None
            self.admin_email = self.admin_name = self.admin_role = ""
            return
        public = _public_admin(user)
        self._admin_id = user.id
        self.admin_email = public["email"]
        self.admin_name = public["name"]
        self.admin_role = public["role"]

    def _forget(self, notice: str = "") -> None:
        self._remember(None)
        self.access_token = ""
        self.refresh_token = ""
        self.session_notice = notice

    def _try_refresh(self, auth: Any) -> Any | None:
        """Swap the refresh token for a new pair (rotation); None when that fails too."""
        if not self.refresh_token:
            return None
        try:
            with session_scope() as session:
                tokens = auth.refresh(session=session, refresh_token=self.refresh_token)
                user = auth.user_from_access_token(session, tokens["access_token"])
        except Exception:  # noqa: BLE001 - any failure means: sign in again
            return None
        self.access_token = tokens["access_token"]
        self.refresh_token = tokens.get("refresh_token", self.refresh_token)
        return user

    def _current_admin(self) -> Any | None:
        """Re-check the token on the server; forget the session when it is no longer valid."""
        if not self.access_token:
            self._remember(None)
            return None
        auth = _auth_service()
        try:
            with session_scope() as session:
                user = auth.user_from_access_token(session, self.access_token)
        except Exception as exc:  # noqa: BLE001 - expired, revoked, tampered, user removed
            logger.info("admin session ended: %s", exc)
            user = self._try_refresh(auth)
            if user is None:
                self._forget("Your session has ended. Please sign in again.")
                return None
        self._remember(user)
        return user

    def _require_role(self, roles: tuple[str, ...]) -> Any | None:
        """The signed-in admin when their role may do this; None (and a reason shown) if not."""
        user = self._current_admin()
        if user is None:
            return None
        if self.admin_role not in roles:
            logger.warning(
                "refused: %s (%s) tried an action for %s", user.email, self.admin_role, roles
            )
            return None
        return user

    def _token_allows(self, roles: tuple[str, ...] = ALL_ROLES) -> bool:
        """Whether the browser's access token is valid (signature, expiry) for one of `roles`.

        No database read while the token is valid, so it is cheap enough for every keystroke:
        the guard of handlers that only change what a form shows. Handlers that read or
        write data check the account itself with `_current_admin` / `_require_role`.
        """
        try:
            payload = decode_token(self.access_token, token_type="access")
        except TokenError:
            # Expired (or bad): the full check, which renews an expired one with the
            # refresh token, so a form does not stop answering after a coffee break.
            return self._current_admin() is not None and self.admin_role in roles
        return payload.get("role") in roles

    def _refusal(self) -> rx.event.EventSpec:
        """The message shown when a handler refuses (signed out, or role too low)."""
        if not self.signed_in:
            return rx.redirect(LOGIN_ROUTE)
        return rx.toast.error(
            f"Your role ({self.admin_role}) can look but not change this. Ask an admin."
        )

    def _client_ip(self) -> str:
        """The browser's address: the websocket's peer, or the trusted gateway's word for it."""
        headers = self.router.headers.raw_headers
        peer = headers.get("asgi-scope-client") or self.router.session.client_ip
        return client_ip(peer, headers.get("x-forwarded-for"))

    @rx.event
    def require_login(self) -> rx.event.EventSpec | None:
        """on_load guard: check the stored token; send signed-out visitors to the login form."""
        user = self._current_admin()
        self.auth_checked = True
        if user is None and self.router.url.path.rstrip("/") != LOGIN_ROUTE:
            return rx.redirect(LOGIN_ROUTE)
        return None

    @rx.event
    def login(self, form_data: dict[str, Any]) -> rx.event.EventSpec | None:
        """Sign in with email and password; keep the tokens in localStorage."""
        email = str(form_data.get("email", "")).strip().lower()
        password = str(form_data.get("password", ""))
        self.login_error = ""
        self.session_notice = ""
        if not email or not password:
            self.login_error = "Enter your email and your password."
            return None
        auth = _auth_service()
        try:
            with session_scope() as session:
                # The same service, limits and backoff as POST /api/auth/login.
                user = auth.login(
                    session=session, email=email, password=password, client_ip=self._client_ip()
                )
                tokens = auth.issue_tokens(user, session=session)
        except auth.AuthError as exc:  # its message is written to be shown
            self.login_error = str(exc)
            return None
        self.access_token = tokens["access_token"]
        self.refresh_token = tokens.get("refresh_token", "")
        self._remember(user)
        self.auth_checked = True
        logger.info("admin signed in to the dashboard (role %s)", self.admin_role)
        return rx.redirect(LOGIN_ROUTE)

    @rx.event
    def logout(self) -> rx.event.EventSpec:
        """Revoke the token on the server, forget it in the browser, back to the login form."""
        token = self.access_token
        if token:
            try:
                auth = _auth_service()
                with session_scope() as session:
                    auth.revoke(
                        session=session,
                        access_token=token,
                        refresh_token=self.refresh_token or None,
                    )
            except Exception as exc:  # noqa: BLE001 - signing out must always work locally
                logger.info("token revocation skipped: %s", exc)
        self._forget("You are signed out.")
        return rx.redirect(LOGIN_ROUTE)
