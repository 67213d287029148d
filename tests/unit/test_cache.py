"""The config cache: a save in one process is seen by the next read in another."""

import subprocess
import sys
from pathlib import Path

from app.core.cache import LocalCache, RedisCache, cached, get_cache, invalidate

ROOT = Path(__file__).resolve().parents[2]


def test_local_cache_returns_what_was_stored(tmp_path):
    cache = LocalCache(tmp_path)
    cache.set("cache:config:book_service", {"enabled": True}, 60)
    assert cache.get("cache:config:book_service") == {"enabled": True}


def test_delete_in_one_instance_invalidates_another(tmp_path):
    # Two instances stand for two processes (the app saving, the action server reading).
    reader, writer = LocalCache(tmp_path), LocalCache(tmp_path)
    reader.set("cache:config:book_service", {"enabled": True}, 300)
    writer.delete("cache:config:book_service")
    assert reader.get("cache:config:book_service") is None


def test_delete_in_another_process_invalidates(tmp_path, isolated_env):
    cache = get_cache()
    cache.set("cache:config:schedule_meeting", {"enabled": True}, 300)
    code = "from app.core.cache import invalidate; invalidate('cache:config:schedule_meeting')"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    assert cache.get("cache:config:schedule_meeting") is None


def test_expired_entries_are_misses(tmp_path):
    cache = LocalCache(tmp_path)
    cache.set("k", 1, 0)
    assert cache.get("k") is None


def test_cached_loads_once_until_invalidated():
    calls = []

    def load():
        calls.append(1)
        return {"n": len(calls)}

    assert cached("cache:config:x", 300, load) == {"n": 1}
    assert cached("cache:config:x", 300, load) == {"n": 1}
    invalidate("cache:config:x")
    assert cached("cache:config:x", 300, load) == {"n": 2}


def test_redis_cache_round_trip_and_ttl(redis_url):
    cache = get_cache()
    assert isinstance(cache, RedisCache)
    cache.set("cache:config:book_service", {"enabled": False}, 300)
    assert cache.get("cache:config:book_service") == {"enabled": False}
    import redis

    client = redis.Redis.from_url(redis_url)
    assert 0 < client.ttl("cache:config:book_service") <= 300
    invalidate("cache:config:book_service")
    assert cache.get("cache:config:book_service") is None
