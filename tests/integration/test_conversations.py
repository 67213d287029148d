"""Rasa conversation tests (bot/tests/*.yml) against the live action server and booking API."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def test_conversation_stories_pass(live_stack, tmp_path):
    from scripts.stack import ensure_model

    model = ensure_model(quiet=True)
    endpoints = live_stack.var_dir / "run" / "endpoints.yml"
    out = tmp_path / "results"
    result = subprocess.run(
        [
            str(ROOT / "bot" / ".venv" / "bin" / "rasa"),
            "test",
            "core",
            "--e2e",  # also check the NLU of each user line (intent and entities), not only actions
            "--stories",
            "tests",
            "--model",
            str(model),
            "--endpoints",
            str(endpoints),
            "--out",
            str(out),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT / "bot",
        env={**live_stack_env(live_stack)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    failed = out / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + details[-4000:]


def live_stack_env(live_stack) -> dict[str, str]:
    import os

    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "VAR_DIR": str(live_stack.var_dir)}
