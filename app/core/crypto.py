"""PII at rest: Fernet encryption for contact details, HMAC digests for lookups and audit.

`ENCRYPTION_KEY` holds one or more Fernet keys, newest first. Encryption always uses the
newest; decryption tries each in turn (MultiFernet), so a new key can be put in front, the
stored rows re-encrypted with `python -m app.cli rotate-encryption-key`, and the old key
removed afterwards. A value that no configured key opens raises `DecryptionError`: a
wrong key must stop the product loudly, not show visitors' bookings with blank names.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from app.core.settings import get_settings


class DecryptionError(RuntimeError):
    """Stored PII that none of the configured keys can open (ENCRYPTION_KEY is wrong)."""


@lru_cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in get_settings().fernet_keys])


def encrypt(value: str | None) -> str | None:
    """Encrypt a piece of PII with the newest key; None stays None."""
    if value is None:
        return None
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str | None) -> str | None:
    """Decrypt what `encrypt` produced with any configured key; raise if none opens it."""
    if token is None:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError(
            "stored contact details cannot be decrypted with the configured ENCRYPTION_KEY "
            "(was the key changed without keeping the old one after it?)"
        ) from exc


def rotate(token: str | None) -> str | None:
    """Re-encrypt a stored value with the newest key (raises DecryptionError like decrypt)."""
    if token is None:
        return None
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError("a stored value cannot be decrypted with any configured key") from exc


def digest(*values: str | None) -> str:
    """Keyed HMAC-SHA256 of normalised values: stable for lookups, useless without the key."""
    message = "\x1f".join((v or "").strip().lower() for v in values).encode()
    key = hashlib.sha256(b"digest:" + get_settings().secret_key.encode()).digest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def reset_crypto() -> None:
    _fernet.cache_clear()
