"""app/core/collector.py: full collections walk only what is new since the last one."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

import pytest

from app.core import collector

ROOT = Path(__file__).resolve().parents[2]


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


def test_rasa_loads_the_same_code_and_installing_twice_adds_one_freezer() -> None:
    # bot/addons/collector.py, as Rasa imports it (it has no app package): loaded from its file.
    spec = importlib.util.spec_from_file_location(
        "rasa_collector", ROOT / "bot/addons/collector.py"
    )
    rasa_side = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rasa_side)
    assert rasa_side.SurvivorFreezer.__module__ == "chatbot_collector"
    assert rasa_side.SWEEP_SECONDS == collector.SWEEP_SECONDS

    before = list(gc.callbacks)
    try:
        first = collector.install()
        assert collector.install() is first
        assert [cb for cb in gc.callbacks if cb not in before] == [first]
    finally:
        gc.callbacks[:] = before
        gc.unfreeze()
