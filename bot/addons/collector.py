"""Rasa's garbage-collection tuning: `app/core/collector.py`, shared with the action server
and the web app, loaded from its file (it imports only the standard library, and Rasa's venv
does not have the app's packages)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_FILE = Path(__file__).resolve().parents[2] / "app" / "core" / "collector.py"
_spec = importlib.util.spec_from_file_location("chatbot_collector", _FILE)
assert _spec is not None and _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)

SWEEP_SECONDS = _module.SWEEP_SECONDS
SurvivorFreezer = _module.SurvivorFreezer
install = _module.install
