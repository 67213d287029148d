"""Idempotent writes: a request's key and fingerprint, the replay of a stored response, and
the purge of old keys. Callers name the scope and the status code they answer with.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.core import crypto
from app.core.settings import get_settings
from app.models import IdempotencyRecord, utcnow


class IdempotencyKeyReused(Exception):
    """The Idempotency-Key was first used with different parameters."""


class IdempotencyInProgress(Exception):
    """A request with the same Idempotency-Key is still being processed."""


@dataclass
class WriteResult:
    """What a write returned, and whether it is the replay of an earlier identical request."""

    status_code: int
    body: dict[str, Any]
    replayed: bool = False


def request_fingerprint(scope: str, payload: dict[str, Any]) -> str:
    """HMAC of the request's parameters (keyed: the payload holds the visitor's details)."""
    return crypto.digest(scope, json.dumps(payload, sort_keys=True, default=str))


def find_key(session: Session, key: str) -> IdempotencyRecord | None:
    return session.exec(select(IdempotencyRecord).where(IdempotencyRecord.key == key)).first()


def stored_body(record: IdempotencyRecord) -> dict[str, Any]:
    """The response stored under a key (sealed: it holds the visitor's details)."""
    return json.loads(crypto.decrypt(record.response_body["sealed"]) or "{}")


def _replay(record: IdempotencyRecord, fingerprint: str) -> WriteResult:
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused
    if record.status_code is None or not record.response_body:
        raise IdempotencyInProgress
    return WriteResult(status_code=record.status_code, body=stored_body(record), replayed=True)


def _replay_committed(session: Session, key: str, fingerprint: str) -> WriteResult:
    """After losing the race for a key: replay what the winner stored."""
    for _ in range(50):  # SQLite: the winner may still be committing
        session.rollback()
        record = find_key(session, key)
        if record is not None and record.status_code is not None:
            return _replay(record, fingerprint)
        time.sleep(0.1)
    raise IdempotencyInProgress


def run_idempotent(
    *,
    session: Session,
    key: str | None,
    scope: str,
    fingerprint: str,
    status_code: int,
    write: Callable[[], BaseModel],
) -> WriteResult:
    """Run `write` once per Idempotency-Key: the key row is inserted first, so a concurrent
    duplicate waits on it and then replays; the response is stored in the same transaction
    as what `write` wrote, so a retry after a lost response replays it. Only successes are
    stored: a refused request changed nothing and may be retried as it is."""
    record = None
    if key:
        existing = find_key(session, key)
        if existing is not None:
            return _replay(existing, fingerprint)
        record = IdempotencyRecord(key=key, endpoint=scope, request_hash=fingerprint)
        session.add(record)
        try:
            session.flush()
        except IntegrityError:
            return _replay_committed(session, key, fingerprint)
    public = write()
    body = public.model_dump(mode="json")
    if record is not None:
        record.status_code = status_code
        record.response_body = {"sealed": crypto.encrypt(json.dumps(body))}
        session.add(record)
    session.commit()
    return WriteResult(status_code=status_code, body=body)


def purge_idempotency_keys(*, session: Session, older_than: dt.timedelta | None = None) -> int:
    """Forget stored responses older than `older_than` (default IDEMPOTENCY_KEY_DAYS).

    Retries come within minutes (Stripe keeps keys 24 hours); a kept response is only
    sealed visitor details. Run at every start and by `python -m app.cli purge`.
    """
    cutoff = utcnow() - (older_than or dt.timedelta(days=get_settings().idempotency_key_days))
    result = session.execute(
        delete(IdempotencyRecord).where(col(IdempotencyRecord.created_at) < cutoff)
    )
    session.commit()
    return result.rowcount or 0
