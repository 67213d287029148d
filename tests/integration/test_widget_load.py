"""The widget path of the load test (`loadtests/widget_locustfile.py`) still speaks the page's
protocol: a simulated visitor opens `/widget` over Reflex's websocket, walks a booking and
small talk, and every step it reports is the bot's real reply to that message; a reply that
does not do what the step must do is reported as a failure and the visitor starts over.

The visitor runs in a subprocess: Locust monkey-patches the standard library with gevent,
which must not leak into the test session."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]

VISITOR = """
import json, sys
from locust.env import Environment
import loadtests.widget_locustfile as widget

widget.THINK_SECONDS = (0.1, 0.2)  # the scenario, without the reading pauses
widget.WidgetVisitor.host = sys.argv[1]
environment = Environment(user_classes=[widget.WidgetVisitor], host=sys.argv[1])
steps = []
environment.events.request.add_listener(
    lambda name, exception, **_: steps.append([name, exception and str(exception)])
)
visitor = widget.WidgetVisitor(environment)
visitor.on_start()
seen = {}
# A visitor who has booked starts a new conversation: keep what it saw before that.
before_start_over = []
start_over = widget.WidgetVisitor.start_over
def recording_start_over(self):
    before_start_over.append(self.widget.get("messages_rx_state_", []))
    start_over(self)
widget.WidgetVisitor.start_over = recording_start_over
try:
    visitor.book()
    seen["after_booking"] = (before_start_over or [None])[-1] or visitor.widget.get("messages_rx_state_", [])
    visitor.small_talk()
    try:
        visitor.say("thank you", "smalltalk", ["no-such-words-in-any-reply"])
    except widget.StepFailed:
        pass
    seen["after_failure"] = visitor.widget.get("messages_rx_state_", [])
    # Start over kept the tab: the new conversation showed up (a wait for it that timed out
    # closes the tab, and stalls the simulated visitor for half a minute).
    seen["tab_open"] = visitor.sio is not None
finally:
    visitor.on_stop()
print(json.dumps({"steps": steps, "seen": seen}))
"""


def run_visitor(app_url: str) -> dict:
    """One simulated widget visitor against the app; the steps it reported and what it saw."""
    done = subprocess.run(
        [sys.executable, "-c", VISITOR, app_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_widget_visitor_reports_the_bots_replies_and_failures(live_stack):
    result = run_visitor(live_stack.app_url)
    steps = result["steps"]
    names = [name for name, _ in steps]

    # The booking was walked as a visitor does, each step answered by the bot, to the
    # confirmation (or to "stop" when the day was closed or the slot taken).
    assert names[0] == "booking:start", steps
    assert names[-3] in ("booking:confirm", "booking:stop"), steps
    assert all(error is None for _, error in steps[:-1]), steps
    said = [m["text"].lower() for m in result["seen"]["after_booking"] if m["role"] == "bot"]
    assert "bk-" in said[-1] or "nothing was booked" in said[-1], said

    # The small talk passed; the reply that could not match was reported as a failure...
    assert names[-2:] == ["smalltalk", "smalltalk"], steps
    assert steps[-2][1] is None, steps
    assert "unexpected reply to 'thank you'" in steps[-1][1], steps
    assert "welcome" in steps[-1][1], steps
    # ...and the visitor started over: a new conversation showing only the greeting.
    assert [m["id"] for m in result["seen"]["after_failure"]] == ["greeting"]
    assert result["seen"]["tab_open"], "start over never saw the new conversation"
