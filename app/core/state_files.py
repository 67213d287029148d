"""Reflex's on-disk page state (the embedded default) without a scan of every file every 2 s.

Without Redis, Reflex keeps each open tab's state in `.states/`, one pickle per state class
and tab, and deletes the files untouched for an hour (`redis_token_expiration`). Reflex 0.10
looks for those by listing and stat-ing every file in the folder after each round of its
write queue, that is every 2 s while anyone is chatting. The folder holds a file per state
class of every tab opened in the last hour, so that scan grows with the site's traffic: under
a widget load test py-spy put 18% of the web app's samples in it, with 880 files after two
one-minute runs. (Reflex has the same fix proposed upstream: reflex-dev/reflex#7060.)

`install()` makes the scan run at most once a minute. A file lives at most an hour
and a minute instead of an hour; nothing else changes: the files are written as before, and
the first scan still runs when the state manager starts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from reflex.istate.manager.disk import StateManagerDisk

PURGE_EVERY_SECONDS = 60.0
_clock = time.monotonic

_original_purge: Callable[[Any], None] | None = None


def _purge_at_most_every_minute(self: StateManagerDisk) -> None:
    now = _clock()
    last = self.__dict__.get("_chatbot_last_purge")
    if last is not None and now - last < PURGE_EVERY_SECONDS:
        return
    self.__dict__["_chatbot_last_purge"] = now
    assert _original_purge is not None
    _original_purge(self)


def install() -> None:
    """Throttle the scan (idempotent)."""
    global _original_purge
    if _original_purge is None:
        _original_purge = StateManagerDisk._purge_expired_states
        StateManagerDisk._purge_expired_states = _purge_at_most_every_minute
