"""A small key-value cache with TTL: Redis when `REDIS_URL` is set, in-process otherwise.

The in-process backend is per process, yet the app (where admins save) and the action
server (which reads) are two processes. Deleting a key therefore also rewrites a marker
file under `var/cache/`; a reader whose entry predates the marker's token treats it as a
miss. One small file read per lookup keeps "the next message uses the new rules" true on
the embedded default without Redis.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
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
    """In-process cache with cross-process invalidation through marker files.

    `delete` writes a fresh random token into the key's marker file; an entry remembers the
    token that was current before its value was loaded, and is a miss once the token differs.
    (File mtimes are too coarse for this: two writes within a few ms can share one.)
    """

    def __init__(self, marker_dir: Path) -> None:
        self._entries: dict[str, tuple[float, str, Any]] = {}  # key -> (expires, token, value)
        self._tokens_at_miss: dict[str, str] = {}
        self._lock = threading.Lock()
        self._marker_dir = marker_dir
        self._marker_paths: dict[str, str] = {}

    def _marker(self, key: str) -> Path:
        return self._marker_dir / key.replace(":", "__").replace("/", "_")

    def _token(self, key: str) -> str:
        # Read on every `get`, with the OS's calls: `Path.read_text` took 29 µs a read (9 µs
        # this way), and py-spy put 13% of the action server's busy time in it under load.
        path = self._marker_paths.get(key)
        if path is None:
            path = self._marker_paths[key] = str(self._marker(key))
        try:
            marker = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return ""
        try:
            return os.read(marker, 4096).decode()
        finally:
            os.close(marker)

    def get(self, key: str) -> Any | None:
        token = self._token(key)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and time.monotonic() < entry[0] and entry[1] == token:
                return entry[2]
            self._entries.pop(key, None)
            # Remember the token seen before the caller loads the value, so an invalidation
            # that lands while it loads is not masked by the `set` that follows.
            self._tokens_at_miss[key] = token
        return None

    def set(self, key: str, value: Any, ttl_seconds: int) -> None:
        with self._lock:
            token = self._tokens_at_miss.pop(key, None)
            if token is None:
                token = self._token(key)
            self._entries[key] = (time.monotonic() + ttl_seconds, token, value)

    def delete(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)
        self._marker_dir.mkdir(parents=True, exist_ok=True)
        marker = self._marker(key)
        temporary = marker.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(uuid.uuid4().hex)
        temporary.replace(marker)  # atomic: readers see the old token or the new one

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
