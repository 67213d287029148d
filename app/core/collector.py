"""Full garbage collections that walk only what is new since the last one.

Used by the three servers: Rasa (`bot/addons/collector.py` loads this file), the action
server (`scripts/action_server.py`) and the web app (`app/app.py`). It imports only the
standard library, so it runs in Rasa's venv as in the app's.

Rasa keeps the conversations it serves in memory (`addons.tracker_store`), and every event,
parse result and dialogue state of them is an object Python's cyclic collector tracks. A full
(generation-2) collection walks all of them with the event loop stopped. Under load the
collector ran one every 7 seconds or so and each walk grew with the conversations held: over
a 3-minute, 100-conversation load test the pauses went from 40 to 440 ms (gc.callbacks, timed
in Rasa), and every reply in flight waited through each one. The P95 of the run rose with
them while Rasa used 0.6 of a core. The web app holds each open tab's page state in memory
(the widget's transcript among it) for an hour: under a widget load test its full
collections took 360-500 ms each, about one a minute (the machine shared with other work).

After each full collection, what survived it is frozen (`gc.freeze`): it moves to the
permanent generation, which the collector does not walk, so the next full collection walks
only the objects that survived since. Freezing changes nothing for reference counting: a
frozen object nobody refers to any more is freed at once, as before. Only cyclic garbage among
frozen objects waits, so every `SWEEP_SECONDS` the permanent generation is unfrozen and the
next full collection walks everything once (one long pause every ten minutes instead of one
every few seconds), collects such cycles and freezes again.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

SWEEP_SECONDS = 600.0


class SurvivorFreezer:
    """A `gc.callbacks` entry: freeze after each full collection, unfreeze for a sweep."""

    def __init__(
        self, sweep_seconds: float = SWEEP_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.sweep_seconds = sweep_seconds
        self.clock = clock
        self.last_sweep = clock()
        self.frozen = 0  # full collections followed by a freeze
        self.sweeps = 0  # times the permanent generation was given back to the collector

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase != "stop" or info.get("generation") != 2:
            return
        now = self.clock()
        if now - self.last_sweep >= self.sweep_seconds:
            # The next full collection walks everything, cycles among old objects included.
            gc.unfreeze()
            self.last_sweep = now
            self.sweeps += 1
        else:
            gc.freeze()
            self.frozen += 1


def install(sweep_seconds: float = SWEEP_SECONDS) -> SurvivorFreezer:
    """Freeze what start-up made, then keep freezing survivors of each full collection.

    Once per process: a second call returns the freezer already installed."""
    installed = next((cb for cb in gc.callbacks if isinstance(cb, SurvivorFreezer)), None)
    if installed is not None:
        return installed
    gc.collect()
    gc.freeze()
    freezer = SurvivorFreezer(sweep_seconds)
    gc.callbacks.append(freezer)
    return freezer
