"""Scripts run in Rasa's own venv (bot/.venv, Python 3.10), from bot/, as the add-ons run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_PY = ROOT / "bot" / ".venv" / "bin" / "python"
# Nothing from the main venv's environment: the add-ons and Rasa only.
ISOLATED_ENV = {"PYTHONPATH": str(ROOT / "bot"), "PATH": "/usr/bin:/bin"}

# Script lines that read the bot's conversation tests (bot/tests/*.yml) into `stories`, each a
# story whose `events` a tracker can replay; the script has loaded `domain` before them.
CONVERSATION_STORIES = r"""
import glob
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph
steps = []
for path in sorted(glob.glob("tests/*.yml")):
    steps.extend(YAMLStoryReader(domain).read_from_file(path))
stories = TrainingDataGenerator(
    StoryGraph(steps), domain, remove_duplicates=False, augmentation_factor=0
).generate()
"""


def run_rasa_script(
    script: str, *args: str, timeout: float, env: dict[str, str] | None = None
) -> tuple[dict[str, Any], str]:
    """The JSON the script prints last, and its stderr (for assertion messages)."""
    if not RASA_PY.exists():
        pytest.fail("Rasa's venv (bot/.venv) is missing: run `make bootstrap`")
    done = subprocess.run(
        [str(RASA_PY), "-c", script, *args],
        cwd=ROOT / "bot",
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr[-3000:]
