"""bot/addons/collector.py: full collections walk only what is new since the last one."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The module imports nothing from Rasa: loaded from its file, it runs in this venv as in Rasa's.
_spec = importlib.util.spec_from_file_location(
    "collector", ROOT / "bot" / "addons" / "collector.py"
)
collector = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(collector)


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def freezer():
    gc.unfreeze()
    now = [0.0]
    freezer = collector.SurvivorFreezer(sweep_seconds=600, clock=lambda: now[0])
    freezer.now = now
    gc.callbacks.append(freezer)
    yield freezer
    gc.callbacks.remove(freezer)
    gc.unfreeze()


def test_what_survives_a_full_collection_is_left_out_of_the_next_walk(freezer) -> None:
    kept = [Cycle() for _ in range(1000)]
    gc.collect()
    assert freezer.frozen == 1
    assert gc.get_freeze_count() >= len(kept)
    # Younger objects are still walked: a cycle made now is collected by the next collection.
    Cycle()
    assert gc.collect() >= 1


def test_a_sweep_gives_frozen_objects_back_and_their_cycles_are_collected(freezer) -> None:
    held = [Cycle() for _ in range(100)]
    gc.collect()
    assert gc.get_freeze_count() >= 100
    del held  # the cycles are garbage now, but frozen: not collected
    assert gc.collect() < 100
    freezer.now[0] = 601.0
    gc.collect()  # the sweep's turn: everything is unfrozen after it
    assert freezer.sweeps == 1
    assert gc.get_freeze_count() == 0
    assert gc.collect() >= 100  # the walk over everything frees the old cycles
    assert gc.get_freeze_count() > 0  # and freezing resumes
