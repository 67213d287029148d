"""The in-memory rate-limit counters (app/core/rate_limit.py) without a thread per hit."""

from __future__ import annotations

import gc
import random
import threading
import time

import limits.storage.memory as limits_memory
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter

from app.core import rate_limit
from app.core.rate_limit import SweptMemoryStorage


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def time(self) -> float:
        return self.now


def test_the_same_verdicts_as_the_library_storage(monkeypatch) -> None:
    """A random walk of hits and waits gets the same allow/refuse answers from both storages,
    for the moving window (the widget's and the admin's) and the fixed window."""
    clock = Clock()
    monkeypatch.setattr(limits_memory.time, "time", clock.time)
    rng = random.Random(7)
    ours, theirs = SweptMemoryStorage(), MemoryStorage()
    items = [parse("5/second"), parse("12/minute"), parse("3/10 seconds")]
    for strategy in (MovingWindowRateLimiter, FixedWindowRateLimiter):
        a, b = strategy(ours), strategy(theirs)
        for _ in range(600):
            clock.now += rng.choice([0.0, 0.05, 0.3, 1.1, 4.0])
            item, who = rng.choice(items), rng.choice(["x", "y"])
            assert a.hit(item, who) == b.hit(item, who)
            assert a.test(item, who) == b.test(item, who)


def test_a_hit_starts_no_thread() -> None:
    storage = SweptMemoryStorage()
    limiter = MovingWindowRateLimiter(storage)
    time.sleep(0.05)  # the library's constructor starts one timer; let it finish
    started = []
    original = threading.Thread.start
    try:
        threading.Thread.start = lambda self: (started.append(self.name), original(self))[1]
        for number in range(50):
            limiter.hit(parse("100/minute"), "visitor", str(number))
            time.sleep(0.012)  # longer than the library timer's 10 ms
    finally:
        threading.Thread.start = original
    assert started == []


def test_expired_entries_are_swept_and_the_sweeper_ends_with_its_storage(monkeypatch) -> None:
    monkeypatch.setattr(rate_limit, "SWEEP_SECONDS", 0.05)
    before = set(threading.enumerate())
    storage = SweptMemoryStorage()
    sweepers = [t for t in set(threading.enumerate()) - before if t.name == "rate-limit-sweep"]
    assert len(sweepers) == 1
    limiter = MovingWindowRateLimiter(storage)
    assert limiter.hit(parse("2/second"), "visitor")
    assert storage.events
    deadline = time.monotonic() + 5
    while any(storage.events.values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(storage.events.values())  # expired after a second; the sweep dropped it

    del limiter, storage
    gc.collect()
    sweepers[0].join(timeout=5)
    assert not sweepers[0].is_alive()
