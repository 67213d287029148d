"""Rate limits with the `limits` library: counters in Redis when `REDIS_URL` is set, in
process memory otherwise. A refusal is HTTP 429 with `Retry-After` in seconds.

Usage from a route or a dependency::

    enforce(get_settings().admin_rate_limit, "admin", str(user.id))
"""

from __future__ import annotations

import logging
import math
import threading
import time
import weakref
from functools import lru_cache

from fastapi import HTTPException, status
from limits import RateLimitItem, parse, parse_many
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter, RateLimiter

from app.core.settings import get_settings

logger = logging.getLogger(__name__)


class RateLimited(HTTPException):
    """HTTP 429 with the number of seconds until the next request is allowed."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail=f"Too many requests; try again in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )
        self.retry_after = retry_after


SWEEP_SECONDS = 1.0
_pause = time.sleep  # bound here: tests replace this module's `time` with a fake clock


class SweptMemoryStorage(MemoryStorage):
    """`limits`' memory storage with one thread that drops expired entries every second.

    The library's own starts a new `threading.Timer` (a new thread) to do that after almost
    every hit; py-spy put 7% of the web app's event loop in starting those threads on the
    widget path, one to three per visitor message. Expired entries never count either way:
    each hit and test compares the entries' times with the clock, and the sweep only frees
    memory, so sweeping once a second changes no verdict.
    """

    STORAGE_SCHEME = ["swept-memory"]

    def __init__(self, uri: str | None = None, **options: str) -> None:
        super().__init__(uri, **options)
        sweeper = threading.Thread(
            target=_sweep, args=(weakref.ref(self),), name="rate-limit-sweep", daemon=True
        )
        sweeper.start()

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802 - overrides the private hook
        """The sweeper thread expires entries; nothing to start per hit."""


def _sweep(storage_ref: weakref.ref[SweptMemoryStorage]) -> None:
    """Expire entries every SWEEP_SECONDS for as long as the storage exists."""
    while True:
        _pause(SWEEP_SECONDS)
        storage = storage_ref()
        if storage is None:
            return
        try:
            storage._MemoryStorage__expire_events()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a failed sweep only delays freeing memory
            logger.debug("rate limit sweep failed", exc_info=True)
        del storage


@lru_cache
def _storage() -> Storage:
    redis_url = get_settings().redis_url
    if redis_url:
        # Keys look like rate:LIMITER/admin/42/50/1/minute (see ARCHITECTURE.md, Redis keys).
        return storage_from_string(redis_url, key_prefix="rate")
    return SweptMemoryStorage()


@lru_cache
def get_limiter() -> RateLimiter:
    """The process's limiter; a moving window, so a burst at a minute's edge is not doubled."""
    return MovingWindowRateLimiter(_storage())


@lru_cache(maxsize=64)
def _parse(limit: str) -> RateLimitItem:
    return parse(limit)


def enforce(limit: str, *identifiers: str) -> None:
    """Count one request against `limit` (e.g. "50/minute") for identifiers; raise RateLimited.

    When the counter store is down the request is let through and logged: an outage of Redis
    must not lock every admin out.
    """
    item = _parse(limit)
    limiter = get_limiter()
    try:
        if limiter.hit(item, *identifiers):
            return
        reset_time = limiter.get_window_stats(item, *identifiers).reset_time
    except Exception as exc:  # noqa: BLE001 - fail open on a storage outage
        logger.warning("rate limit storage unavailable, not limiting: %s", exc)
        return
    raise RateLimited(max(1, math.ceil(reset_time - time.time())))


@lru_cache(maxsize=64)
def _parse_many(limits: str) -> tuple[RateLimitItem, ...]:
    return tuple(parse_many(limits))


def hit(limits: str, *identifiers: str) -> int | None:
    """Count one event against every limit in `limits` ("5/minute;20/day"), atomically.

    Returns None when every limit allows it, else the seconds until the tightest one that
    refused frees up (that event is not counted against it). Fails open like `enforce`.
    """
    limiter = get_limiter()
    items = _parse_many(limits)
    try:
        for item in items:
            if limiter.hit(item, *identifiers):
                continue
            # Refused: the wait is that of the longest window that is full now.
            return max(
                (
                    max(
                        1,
                        math.ceil(
                            limiter.get_window_stats(i, *identifiers).reset_time - time.time()
                        ),
                    )
                    for i in items
                    if not limiter.test(i, *identifiers)
                ),
                default=1,
            )
    except Exception as exc:  # noqa: BLE001 - fail open on a storage outage
        logger.warning("rate limit storage unavailable, not limiting: %s", exc)
    return None


def exceeded(limits: str, *identifiers: str) -> int | None:
    """Seconds until `identifiers` may go on when a limit in `limits` is full; None if none is.

    Counts nothing (pair it with `hit` when the event happens).
    """
    limiter = get_limiter()
    try:
        waits = [
            max(1, math.ceil(limiter.get_window_stats(item, *identifiers).reset_time - time.time()))
            for item in _parse_many(limits)
            if not limiter.test(item, *identifiers)
        ]
    except Exception as exc:  # noqa: BLE001 - fail open on a storage outage
        logger.warning("rate limit storage unavailable, not limiting: %s", exc)
        return None
    return max(waits) if waits else None


def clear(limits: str, *identifiers: str) -> None:
    """Forget the counts of `identifiers` under every limit in `limits`."""
    limiter = get_limiter()
    try:
        for item in _parse_many(limits):
            limiter.clear(item, *identifiers)
    except Exception as exc:  # noqa: BLE001
        logger.warning("rate limit storage unavailable, counts not cleared: %s", exc)


def reset_rate_limits() -> None:
    """Forget the limiter and its in-memory counters (tests switch settings)."""
    if _storage.cache_info().currsize:
        try:
            _storage().reset()
        except Exception:  # noqa: BLE001 - a storage that cannot reset is simply dropped
            logger.debug("rate limit storage reset failed", exc_info=True)
    _storage.cache_clear()
    get_limiter.cache_clear()
