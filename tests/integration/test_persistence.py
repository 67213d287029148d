"""Conversations survive: the write-behind tracker store (bot/addons/tracker_store.py) keeps every
acknowledged message when Rasa is stopped in the middle of traffic, a conversation picks up its
form after a restart, and the load-test scenario itself runs without a wrong reply."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def say(live_stack, sender: str, text: str) -> str:
    response = httpx.post(
        f"{live_stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=60,
    )
    response.raise_for_status()
    return " ".join(m.get("text") or "" for m in response.json())


def stored_user_messages(live_stack) -> set[tuple[str, str]]:
    """(sender, text) of every visitor message in the event log that analytics read."""
    with sqlite3.connect(live_stack.var_dir / "rasa_events.db") as connection:
        rows = connection.execute(
            "SELECT sender_id, data FROM events WHERE type_name = 'user'"
        ).fetchall()
    return {(sender, json.loads(data)["text"]) for sender, data in rows}


def test_every_acknowledged_message_is_stored_when_rasa_stops_mid_traffic(live_stack):
    run = uuid.uuid4().hex[:8]
    # A conversation in the middle of the booking form when Rasa stops.
    in_form = f"persist-form-{run}"
    assert "which service" in say(live_stack, in_form, "I'd like to book an appointment").lower()

    acknowledged: list[tuple[str, str]] = []
    lock = threading.Lock()

    def visitor(number: int) -> None:
        sender = f"persist-{run}-{number}"
        with httpx.Client(timeout=30) as client:
            for turn in range(10_000):
                text = f"What are your opening hours? (visitor {number}, turn {turn})"
                try:
                    response = client.post(
                        f"{live_stack.rasa_url}/webhooks/rest/webhook",
                        json={"sender": sender, "message": text},
                    )
                except httpx.HTTPError:
                    return  # the server went away: nothing more is acknowledged
                if response.status_code != 200 or not response.json():
                    return
                with lock:
                    acknowledged.append((sender, text))

    visitors = [threading.Thread(target=visitor, args=(n,)) for n in range(6)]
    for thread in visitors:
        thread.start()
    try:
        deadline = time.monotonic() + 60
        while len(acknowledged) < 30 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(acknowledged) >= 30, "the visitors got too few replies before the stop"
        live_stack.stop("rasa")  # SIGTERM, as `make down` or a deploy sends it
        for thread in visitors:
            thread.join(timeout=60)
        missing = set(acknowledged) - stored_user_messages(live_stack)
        assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged messages lost"
    finally:
        live_stack.start("rasa")
        live_stack.wait_healthy(timeout=300)

    # The restarted Rasa reloads the conversation from the log: the form goes on where it was.
    reply = say(live_stack, in_form, '/inform{"service_type":"consultation"}').lower()
    assert "which day" in reply, reply


def test_the_load_test_scenario_runs_without_a_wrong_reply(live_stack, tmp_path):
    """A short `make loadtest` run (20 conversations, 30 s): correctness only, never speed."""
    env = {
        **os.environ,
        # The stack's database: the report counts the bookings made during the run there.
        "VAR_DIR": str(live_stack.stack.var_dir),
        "DATABASE_URL": "",
        "RASA_PORT": live_stack.rasa_url.rsplit(":", 1)[1],
        "APP_PORT": live_stack.app_url.rsplit(":", 1)[1],
        "ACTIONS_PORT": str(live_stack.stack.actions_port),
    }
    result = subprocess.run(
        [
            sys.executable, "-m", "loadtests.run", "--users", "20", "--duration", "30",
            "--out", str(tmp_path), "--label", "make test", "--parallel-appointments", "4",
        ],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    summary = json.loads((tmp_path / "summary.json").read_text())
    (run,) = summary["runs"]
    assert run["failures"] == 0, run["failure_reasons"]
    assert run["steps"]["question"]["count"] > 0
    assert run["steps"]["booking:start"]["count"] > 0
    # Four calendars for the run: confirmations write bookings, counted from the database.
    assert summary["parallel_appointments"] == 4
    # (A confirmation still in flight when Locust stops is booked but not counted as a step.)
    assert run["new_bookings"] <= run["booking_confirmations"] + 20
    if run["booking_confirmations"]:
        assert run["new_bookings"] > 0, summary
    # The stack's three programs were found and measured.
    assert set(run["processes"]) == {"rasa", "actions", "web"}, run["processes"]
