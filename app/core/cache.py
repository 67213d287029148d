"""A small key-value cache with TTL: Redis when `REDIS_URL` is set, in-process otherwise.

The in-process backend is per process, yet the app (where admins save) and the action
server (which reads) are two processes. Deleting a key therefore also touches a marker
file under `var/cache/`; a reader whose entry is older than the marker treats it as a
miss. One `stat` per read keeps "the next message uses the new rules" true on the
embedded default without Redis.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from app.core.settings import get_settings

logger = logging.getLogger(__name__)


class Cache(Protocol):
    def get(self, key: str) -> Any | None: ...
    def set(self, key: str, value: Any, ttl_seconds: int) -> None: ...
    def delete(self, key: str) -> None: ...
    def ping(self) -> None: ...


class LocalCache:
    """In-process cache with cross-process invalidation through marker files."""

    def __init__(self, marker_dir: Path) -> None:
        self._entries: dict[str, tuple[float, int, Any]] = {}  # key -> (expires, stored_ns, value)
        self._lock = threading.Lock()
        self._marker_dir = marker_dir

    def _marker(self, key: str) -> Path:
        return self._marker_dir / key.replace(":", "__").replace("/", "_")

    def _marker_ns(self, key: str) -> int:
        try:
            return self._marker(key).stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    def get(self, key: str) -> Any | None:
        with self._lock:
            entry = self._entries.get(key)
        if entry is None:
            return None
        expires, stored_ns, value = entry
        if time.monotonic() >= expires or self._marker_ns(key) >= stored_ns:
            with self._lock:
                self._entries.pop(key, None)
            return None
        return value

    def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + ttl_seconds, time.time_ns(), value)

    def delete(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)
        self._marker_dir.mkdir(parents=True, exist_ok=True)
        self._marker(key).touch()

    def ping(self) -> None:
        return None


class RedisCache:
    """Redis-backed cache; values are JSON."""

    def __init__(self, url: str) -> None:
        import redis

        self._client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def get(self, key: str) -> Any | None:
        raw = self._client.get(key)
        return None if raw is None else json.loads(raw)

    def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        self._client.setex(key, ttl_seconds, json.dumps(value, default=str))

    def delete(self, key: str) -> None:
        self._client.delete(key)

    def ping(self) -> None:
        self._client.ping()


@lru_cache
def get_cache() -> Cache:
    """The process's cache, chosen by settings."""
    settings = get_settings()
    if settings.redis_url:
        return RedisCache(settings.redis_url)
    return LocalCache(settings.var_dir / "cache")


def reset_cache() -> None:
    get_cache.cache_clear()


def cached(key: str, ttl_seconds: int, load: Any) -> Any:
    """Return the cached value for key, or call `load()` and cache it.

    A cache that is down is logged and bypassed: the bot keeps answering from the database.
    """
    cache = get_cache()
    try:
        value = cache.get(key)
    except Exception as exc:  # noqa: BLE001 - a cache outage must not stop the bot
        logger.warning("cache read failed for %s: %s", key, exc)
        return load()
    if value is not None:
        return value
    value = load()
    try:
        cache.set(key, value, ttl_seconds)
    except Exception as exc:  # noqa: BLE001
        logger.warning("cache write failed for %s: %s", key, exc)
    return value


def invalidate(key: str) -> None:
    """Delete a key; raise if the cache cannot be reached (a save must not go stale silently)."""
    get_cache().delete(key)
