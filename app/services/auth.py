"""Staff authentication: password login with throttling, JWT access and refresh tokens, revocation.

Access tokens are short-lived and carry the account's `token_version`; bumping it (password
change, reset) ends every session of that account at once. Logout revokes the token ids
(`RevokedToken`) until they would have expired anyway.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import uuid
from typing import Any

from sqlmodel import Session, delete, select, update

from app.core import rate_limit
from app.core.cache import get_cache
from app.core.crypto import digest
from app.core.db import session_scope
from app.core.security import TokenError, create_token, decode_token, verify_password
from app.core.settings import get_settings
from app.models import AdminUser, RefreshToken, RevokedToken, utcnow

logger = logging.getLogger(__name__)

ACCESS = "access"
REFRESH = "refresh"


class AuthError(Exception):
    """A login that does not succeed; the message is safe to show."""


class InvalidCredentials(AuthError):
    """Wrong email or password (deliberately not saying which)."""

    def __init__(self) -> None:
        super().__init__("Wrong email or password.")


class LoginThrottled(AuthError):
    """Too many attempts or failures; retry after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        if retry_after < 90:
            wait = f"{retry_after} seconds"
        else:
            wait = f"about {round(retry_after / 60)} minutes"
        super().__init__(f"Too many failed attempts. Try again in {wait}.")
        self.retry_after = retry_after


def find_user_by_email(*, session: Session, email: str) -> AdminUser | None:
    """The account with that email (case-insensitive), or None."""
    return session.exec(select(AdminUser).where(AdminUser.email == email.strip().lower())).first()


def _known_client_key(email: str, client_ip: str) -> str:
    return f"login-known:{digest(email, client_ip)}"


def login(*, session: Session, email: str, password: str, client_ip: str) -> AdminUser:
    """The one sign-in check, for the REST API and the dashboard alike.

    Raise LoginThrottled (before the password is even looked at) or InvalidCredentials.
    Every attempt is counted first, atomically in the rate-limit store (Redis in
    production), and given back only when it succeeds: parallel attempts cannot get
    more guesses than the limits allow. The limits are tiers ("5/minute;10/15 minutes;
    20/day"), so an attacker waits longer and longer, and nothing locks for good. The
    per-account limit over all addresses skips an address the account signed in from in
    the last REFRESH_TOKEN_DAYS: failing on purpose from elsewhere cannot keep the owner out.
    """
    settings = get_settings()
    email_key = email.strip().lower()
    known = _is_known_client(email_key, client_ip)
    checks = [
        (settings.login_rate_limit, ("login-ip", client_ip)),
        (settings.login_ip_failure_limits, ("login-fail-ip", client_ip)),
        (settings.login_failure_limits, ("login-fail", email_key, client_ip)),
    ]
    if not known:
        checks.append((settings.login_account_failure_limits, ("login-fail-account", email_key)))
    for limits, identifiers in checks:
        retry_after = rate_limit.hit(limits, *identifiers)
        if retry_after is not None:
            logger.warning("sign-in throttled for %s s (%s)", retry_after, identifiers[0])
            raise LoginThrottled(retry_after)
    try:
        user = authenticate(session=session, email=email_key, password=password)
    except InvalidCredentials:
        _count_failure(session, email_key)
        raise
    rate_limit.clear(settings.login_failure_limits, "login-fail", email_key, client_ip)
    rate_limit.clear(settings.login_account_failure_limits, "login-fail-account", email_key)
    try:
        ttl = settings.refresh_token_days * 86400
        get_cache().set(_known_client_key(email_key, client_ip), True, ttl)
    except Exception as exc:  # noqa: BLE001 - the cache is an optimisation for the owner
        logger.warning("cannot remember the sign-in address: %s", exc)
    return user


def _is_known_client(email: str, client_ip: str) -> bool:
    try:
        return get_cache().get(_known_client_key(email, client_ip)) is not None
    except Exception as exc:  # noqa: BLE001 - a cache outage makes every address unknown
        logger.warning("cannot read known sign-in addresses: %s", exc)
        return False


def _count_failure(session: Session, email: str) -> None:
    """Add one to the account's failure count in one UPDATE (no read-modify-write race)."""
    session.exec(
        update(AdminUser)
        .where(AdminUser.email == email)
        .values(failed_logins=AdminUser.failed_logins + 1)
    )
    session.commit()


def authenticate(*, session: Session, email: str, password: str) -> AdminUser:
    """Check email and password only (no limits: use `login` for a sign-in).

    Every path costs one argon2 verification, so the response time does not reveal whether
    the email has an account.
    """
    user = find_user_by_email(session=session, email=email)
    password_ok = verify_password(password, user.password_hash if user else None)
    if user is None or not user.is_active or not password_ok:
        raise InvalidCredentials()
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, utcnow()
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def clear_login_failures(email: str) -> None:
    """An admin's reset: the account-wide failure backoff of `email` starts again."""
    rate_limit.clear(
        get_settings().login_account_failure_limits, "login-fail-account", email.strip().lower()
    )


def issue_tokens(
    user: AdminUser, *, session: Session | None = None, family: str | None = None
) -> dict[str, Any]:
    """A new access token (short) and refresh token (long) for a signed-in user.

    A sign-in starts a new token family; a refresh passes its family on. The refresh
    token is recorded (`RefreshToken`) so that its reuse can be noticed.
    """
    settings = get_settings()
    family = family or uuid.uuid4().hex
    claims = {"ver": user.token_version, "slt": user.token_salt, "fam": family}
    access, _, _ = create_token(
        subject=str(user.id),
        token_type=ACCESS,
        expires_in=dt.timedelta(minutes=settings.access_token_minutes),
        claims={**claims, "role": user.role},
    )
    refresh_token, jti, expires_at = create_token(
        subject=str(user.id),
        token_type=REFRESH,
        expires_in=dt.timedelta(days=settings.refresh_token_days),
        claims=claims,
    )
    row = RefreshToken(jti=jti, family=family, user_id=user.id, expires_at=expires_at)
    if session is None:
        with session_scope() as own_session:
            own_session.add(row)
            own_session.commit()
    else:
        session.add(row)
        session.commit()
        if user in session:
            session.refresh(user)  # callers go on reading it after the session closes
    return {
        "access_token": access,
        "refresh_token": refresh_token,
        "token_type": "bearer",
        "expires_in": settings.access_token_minutes * 60,
    }


def _is_revoked(session: Session, jti: str) -> bool:
    return session.get(RevokedToken, jti) is not None


def _family_revoked(session: Session, family: str | None) -> bool:
    if family is None:
        return True  # issued before families existed: sign in again
    revoked = select(RefreshToken.jti).where(
        RefreshToken.family == family, RefreshToken.revoked_at.is_not(None)
    )
    return session.exec(revoked.limit(1)).first() is not None


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
    if not secrets.compare_digest(str(payload.get("slt", "")), user.token_salt):
        raise TokenError("account not found or disabled")  # a deleted account's id, reused
    if payload.get("ver") != user.token_version:
        raise TokenError("token no longer valid (password changed)")
    if _family_revoked(session, payload.get("fam")):
        raise TokenError("token revoked")
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
    session.exec(delete(RefreshToken).where(RefreshToken.expires_at < utcnow()))


def _revoke_family(session: Session, family: str) -> None:
    session.exec(
        update(RefreshToken)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def refresh(*, session: Session, refresh_token: str) -> dict[str, Any]:
    """Swap a refresh token for a new pair of the same family (rotation).

    A refresh token works once. Presented again, it has been copied: whoever holds the
    family (the thief or the owner) is signed out, all its tokens revoked.
    """
    user, payload = _user_from_token(session, refresh_token, REFRESH)
    # Mark it used in one conditional UPDATE: of two parallel refreshes only one wins.
    used = session.exec(
        update(RefreshToken)
        .where(
            RefreshToken.jti == payload["jti"],
            RefreshToken.used_at.is_(None),
            RefreshToken.revoked_at.is_(None),
        )
        .values(used_at=utcnow())
    )
    if used.rowcount != 1:
        _revoke_family(session, payload["fam"])
        session.commit()
        logger.warning("refresh token reused for account %s: its sign-in was revoked", user.id)
        raise TokenError("this refresh token was already used; the session was ended")
    session.commit()
    return issue_tokens(user, session=session, family=payload["fam"])


def revoke(*, session: Session, access_token: str, refresh_token: str | None = None) -> None:
    """Log out: revoke the access token and every refresh token (so every session) of the user.

    `refresh_token` is accepted for compatibility; it is revoked with all the others.
    """
    payload = decode_token(access_token, token_type=ACCESS)
    _revoke_payload(session, payload)
    session.exec(
        update(RefreshToken)
        .where(RefreshToken.user_id == int(payload["sub"]), RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    session.commit()
