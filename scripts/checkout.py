"""Where things are in this checkout, and how the scripts report progress.

Every process a `Stack` starts carries `CHECKOUT_MARK` (this checkout's path) and `VAR_DIR` in
its environment: that is how `up` and `down` recognise what an earlier run left behind.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN_PY = ROOT / ".venv" / "bin" / "python"
RASA_BIN = ROOT / "bot" / ".venv" / "bin" / "rasa"
RASA_PY = ROOT / "bot" / ".venv" / "bin" / "python"
TOOLS_BIN = ROOT / "tools" / "node_modules" / ".bin"
BOT_DIR = ROOT / "bot"
MODELS_DIR = BOT_DIR / "models"
DEMO_SITE = ROOT / "demo" / "site"
CHECKOUT_MARK = "CHATBOT_CHECKOUT"  # in the environment of every process a Stack starts


def say(message: str) -> None:
    """Progress for the person waiting at the terminal."""
    print(f"\033[1;36m==>\033[0m {message}", flush=True)
