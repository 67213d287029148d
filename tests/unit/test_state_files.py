"""app/core/state_files.py: Reflex's state folder is scanned for expired files once a minute."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reflex.istate.manager.disk import StateManagerDisk
from reflex.utils import prerequisites

from app.core import state_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def manager(tmp_path, monkeypatch):
    monkeypatch.setattr(prerequisites, "get_states_dir", lambda: tmp_path)
    now = [1000.0]
    monkeypatch.setattr(state_files, "_clock", lambda: now[0])
    state_files.install()
    made = StateManagerDisk(token_expiration=3600)
    made.now = now
    made.folder = tmp_path
    yield made
    asyncio.run(made.close())


def expired_file(folder, name: str):
    path = folder / f"{name}.pkl"
    path.write_bytes(b"x")
    old = time.time() - 7200
    os.utime(path, (old, old))
    return path


def test_expired_state_files_are_still_deleted_but_at_most_once_a_minute(manager) -> None:
    first = expired_file(manager.folder, "a")
    fresh = manager.folder / "fresh.pkl"
    fresh.write_bytes(b"x")
    manager.now[0] += 61
    manager._purge_expired_states()
    assert not first.exists() and fresh.exists()

    second = expired_file(manager.folder, "b")
    manager.now[0] += 30
    manager._purge_expired_states()  # 30 s after the last scan: skipped
    assert second.exists()
    manager.now[0] += 31
    manager._purge_expired_states()
    assert not second.exists() and fresh.exists()


def test_the_start_up_scan_still_runs(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(prerequisites, "get_states_dir", lambda: tmp_path)
    state_files.install()
    stale = expired_file(tmp_path, "stale")
    made = StateManagerDisk(token_expiration=3600)
    try:
        assert not stale.exists()
    finally:
        asyncio.run(made.close())


def test_the_web_app_installs_it() -> None:
    """Importing the app, as the web server does (in a process of its own: the import
    configures logging and registers every page)."""
    check = (
        "import app.app; from app.core import state_files; "
        "from reflex.istate.manager.disk import StateManagerDisk as M; "
        "print(M._purge_expired_states is state_files._purge_at_most_every_minute)"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "True"
