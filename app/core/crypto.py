"""PII at rest: Fernet encryption for contact details, HMAC digests for lookups and audit."""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken

from app.core.settings import get_settings


@lru_cache
def _fernet() -> Fernet:
    return Fernet(get_settings().fernet_key)


def encrypt(value: str | None) -> str | None:
    """Encrypt a piece of PII; None stays None."""
    if value is None:
        return None
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str | None) -> str | None:
    """Decrypt what `encrypt` produced; a token from another key reads as None."""
    if token is None:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return None


def digest(*values: str | None) -> str:
    """Keyed HMAC-SHA256 of normalised values: stable for lookups, useless without the key."""
    message = "\x1f".join((v or "").strip().lower() for v in values).encode()
    key = hashlib.sha256(b"digest:" + get_settings().secret_key.encode()).digest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def reset_crypto() -> None:
    _fernet.cache_clear()
