"""Passwords (argon2 through passlib) and JWTs (pyjwt, algorithm pinned)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import jwt
from passlib.context import CryptContext

from app.core.settings import get_settings

ALGORITHM = "HS256"
_passwords = CryptContext(schemes=["argon2"], deprecated="auto")

# Verifying against this when the email is unknown makes a failed login take as long as a
# wrong password, so response times do not reveal which emails have accounts.
_DUMMY_HASH = _passwords.hash("not-a-real-password-0000")


def hash_password(password: str) -> str:
    return _passwords.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Constant-time check; an unknown user (None) still costs one argon2 verification."""
    if password_hash is None:
        _passwords.verify(password, _DUMMY_HASH)
        return False
    return _passwords.verify(password, password_hash)


class TokenError(Exception):
    """A token that is missing, expired, tampered with, revoked or of the wrong type."""


def create_token(
    *, subject: str, token_type: str, expires_in: dt.timedelta, claims: dict[str, Any] | None = None
) -> tuple[str, str, dt.datetime]:
    """Sign a token; returns (token, jti, expires_at)."""
    now = dt.datetime.now(dt.UTC)
    expires_at = now + expires_in
    jti = uuid.uuid4().hex
    payload = {"sub": subject, "type": token_type, "iat": now, "exp": expires_at, "jti": jti}
    payload.update(claims or {})
    token = jwt.encode(payload, get_settings().secret_key, algorithm=ALGORITHM)
    return token, jti, expires_at


def decode_token(token: str, *, token_type: str) -> dict[str, Any]:
    """Verify signature, algorithm, expiry and type; raise TokenError otherwise."""
    try:
        payload = jwt.decode(
            token,
            get_settings().secret_key,
            algorithms=[ALGORITHM],
            options={"require": ["exp", "sub", "type", "jti"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("token expired") from exc
    except jwt.PyJWTError as exc:
        raise TokenError("invalid token") from exc
    if payload.get("type") != token_type:
        raise TokenError(f"expected a {token_type} token")
    return payload


def service_token() -> str:
    """The action server's token for the booking API (BOOKING_API_TOKEN, or one signed here)."""
    settings = get_settings()
    if settings.booking_api_token:
        return settings.booking_api_token
    token, _, _ = create_token(
        subject="action-server", token_type="service", expires_in=dt.timedelta(hours=1)
    )
    return token
