"""Builders for action tests: a tracker per test and the bot's real domain."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker

DOMAIN_DIR = Path(__file__).resolve().parents[2] / "bot" / "domain"


@lru_cache
def _domain() -> dict[str, Any]:
    merged: dict[str, Any] = {"slots": {}, "forms": {}, "responses": {}}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        part = yaml.safe_load(path.read_text()) or {}
        for key in merged:
            merged[key].update(part.get(key) or {})
    return merged


def bot_domain() -> dict[str, Any]:
    """The merged `bot/domain/*.yml` (slots, forms, responses), as the action server gets it."""
    domain = _domain()
    return {key: dict(value) for key, value in domain.items()}


def make_tracker(
    *,
    text: str = "",
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    requested_slot: str | None = None,
    new_slots: dict[str, Any] | None = None,
    sender_id: str = "visitor-1",
) -> Tracker:
    """A tracker after the visitor's latest message; `new_slots` are this turn's extractions."""
    current = dict(slots or {})
    if requested_slot:
        current["requested_slot"] = requested_slot
    current.update(new_slots or {})
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": [{"name": intent, "confidence": 0.9}],
        "entities": entities or [],
    }
    events: list[dict[str, Any]] = [{"event": "user", "text": text, "parse_data": latest}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (new_slots or {}).items()]
    return Tracker(
        sender_id=sender_id,
        slots=current,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )
