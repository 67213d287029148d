"""Staff authentication: password login with lockout, JWT access and refresh tokens, revocation.

Access tokens are short-lived and carry the account's `token_version`; bumping it (password
change, reset) ends every session of that account at once. Logout revokes the token ids
(`RevokedToken`) until they would have expired anyway.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlmodel import Session, delete, select

from app.core.security import TokenError, create_token, decode_token, verify_password
from app.core.settings import get_settings
from app.models import AdminUser, RevokedToken, utcnow

logger = logging.getLogger(__name__)

ACCESS = "access"
REFRESH = "refresh"


class AuthError(Exception):
    """A login that does not succeed; the message is safe to show."""


class InvalidCredentials(AuthError):
    """Wrong email or password (deliberately not saying which)."""

    def __init__(self) -> None:
        super().__init__("Wrong email or password.")


class AccountLocked(AuthError):
    """Too many failed logins; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, round(retry_after / 60))
        super().__init__(f"Too many failed attempts. Try again in about {minutes} minute(s).")
        self.retry_after = retry_after


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for values stored as aware UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def find_user_by_email(*, session: Session, email: str) -> AdminUser | None:
    """The account with that email (case-insensitive), or None."""
    return session.exec(select(AdminUser).where(AdminUser.email == email.strip().lower())).first()


def authenticate(*, session: Session, email: str, password: str) -> AdminUser:
    """Check a login; raise InvalidCredentials or AccountLocked.

    Every path costs one argon2 verification, so the response time does not reveal whether
    the email has an account or whether it is locked.
    """
    settings = get_settings()
    user = find_user_by_email(session=session, email=email)
    password_ok = verify_password(password, user.password_hash if user else None)
    if user is None or not user.is_active:
        raise InvalidCredentials()
    now = utcnow()
    if user.locked_until is not None and _aware(user.locked_until) > now:
        raise AccountLocked(int((_aware(user.locked_until) - now).total_seconds()) + 1)
    if not password_ok:
        user.failed_logins += 1
        if user.failed_logins >= settings.login_lockout_failures:
            user.locked_until = now + dt.timedelta(minutes=settings.login_lockout_minutes)
            user.failed_logins = 0
            logger.warning("account %s locked after repeated failed logins", user.id)
        session.add(user)
        session.commit()
        raise InvalidCredentials()
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def issue_tokens(user: AdminUser) -> dict[str, Any]:
    """A new access token (short) and refresh token (long) for a signed-in user."""
    settings = get_settings()
    claims = {"ver": user.token_version}
    access, _, _ = create_token(
        subject=str(user.id),
        token_type=ACCESS,
        expires_in=dt.timedelta(minutes=settings.access_token_minutes),
        claims={**claims, "role": user.role},
    )
    refresh_token, _, _ = create_token(
        subject=str(user.id),
        token_type=REFRESH,
        expires_in=dt.timedelta(days=settings.refresh_token_days),
        claims=claims,
    )
    return {
        "access_token": access,
        "refresh_token": refresh_token,
        "token_type": "bearer",
        "expires_in": settings.access_token_minutes * 60,
    }


def _is_revoked(session: Session, jti: str) -> bool:
    return session.get(RevokedToken, jti) is not None


def _user_from_token(session: Session, token: str, token_type: str) -> tuple[AdminUser, dict]:
    payload = decode_token(token, token_type=token_type)
    if _is_revoked(session, payload["jti"]):
        raise TokenError("token revoked")
    try:
        user = session.get(AdminUser, int(payload["sub"]))
    except ValueError as exc:
        raise TokenError("invalid token") from exc
    if user is None or not user.is_active:
        raise TokenError("account not found or disabled")
    if payload.get("ver") != user.token_version:
        raise TokenError("token no longer valid (password changed)")
    return user, payload


def user_from_access_token(session: Session, token: str) -> AdminUser:
    """The active account an access token belongs to; TokenError when it is not valid now."""
    user, _ = _user_from_token(session, token, ACCESS)
    return user


def _revoke_payload(session: Session, payload: dict) -> None:
    expires_at = dt.datetime.fromtimestamp(payload["exp"], dt.UTC)
    if session.get(RevokedToken, payload["jti"]) is None:
        session.add(RevokedToken(jti=payload["jti"], expires_at=expires_at))
    # Rows past their token's expiry protect nothing any more.
    session.exec(delete(RevokedToken).where(RevokedToken.expires_at < utcnow()))


def refresh(*, session: Session, refresh_token: str) -> dict[str, Any]:
    """Swap a refresh token for a new pair; the old refresh token is revoked (rotation)."""
    user, payload = _user_from_token(session, refresh_token, REFRESH)
    _revoke_payload(session, payload)
    session.commit()
    return issue_tokens(user)


def revoke(*, session: Session, access_token: str, refresh_token: str | None = None) -> None:
    """Log out: revoke the access token and, when given, the refresh token of the session."""
    _revoke_payload(session, decode_token(access_token, token_type=ACCESS))
    if refresh_token:
        try:
            _revoke_payload(session, decode_token(refresh_token, token_type=REFRESH))
        except TokenError:
            logger.info("logout with an invalid refresh token; access token revoked anyway")
    session.commit()
