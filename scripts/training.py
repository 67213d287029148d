"""Training freshness: the Rasa model is named after a hash of what it is trained from, so an
existing model file means it is up to date with the bot's data; otherwise train it."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from scripts.checkout import BOT_DIR, MODELS_DIR, RASA_BIN, ROOT, say
from scripts.intent_encoder import ensure_intent_encoder, stored_key


def bot_data_hash(encoder_key: str = "") -> str:
    """Hash of everything that goes into the Rasa model; a change means retraining.
    `encoder_key`: the intent encoder's (scripts/intent_encoder.py), which goes into it too."""
    digest = hashlib.sha256(encoder_key.encode())
    paths = [
        BOT_DIR / "config.yml",
        *sorted((BOT_DIR / "domain").rglob("*.yml")),
        *sorted((BOT_DIR / "data").rglob("*.yml")),
    ]
    if (BOT_DIR / "domain.yml").exists():
        paths.append(BOT_DIR / "domain.yml")
    for path in paths:
        if path.is_file():
            digest.update(str(path.relative_to(BOT_DIR)).encode())
            digest.update(path.read_bytes())
    digest.update((ROOT / "requirements" / "bot.lock").read_bytes())
    return digest.hexdigest()[:16]


def ensure_model(*, quiet: bool = False) -> Path:
    """Train the Rasa model only when the bot's data changed; return its path. The intent
    encoder it contains is fine-tuned first, when the NLU data changed."""
    encoder = ensure_intent_encoder(quiet=quiet)
    model = MODELS_DIR / f"bot-{bot_data_hash(stored_key(encoder) or '')}.tar.gz"
    if model.exists():
        return model
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    log = MODELS_DIR / "train.log"
    if not quiet:
        say(f"Training the Rasa model (the bot's data changed; about 15-60 s; log: {log})")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    command = [
        str(RASA_BIN),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain",
        "--data",
        "data",
        "--fixed-model-name",
        model.name.removesuffix(".tar.gz"),
        "--out",
        str(MODELS_DIR),
    ]
    with log.open("w") as log_file:
        result = subprocess.run(
            command, cwd=BOT_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    if result.returncode != 0 or not model.exists():
        print(log.read_text()[-4000:], file=sys.stderr)
        raise SystemExit(f"Rasa training failed (full log: {log})")
    # Keep this model and the one before it (a running stack may still use that one).
    models = sorted(MODELS_DIR.glob("bot-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in models[2:]:
        old.unlink(missing_ok=True)
    return model
