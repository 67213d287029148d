"""Rasa reads each event of an action server's reply by its type name (bot/addons/patches.py
`_remembered_event_type`), in Rasa's venv.

The add-on remembers the class found for each type name instead of walking all of Event's
subclasses on every event. What matters is that every event still becomes what Rasa's own
lookup makes of it, and that an unknown name still fails (or gets the default) as before.
"""

from __future__ import annotations

from tests.support.rasa_venv import ISOLATED_ENV, run_rasa_script

SCRIPT = r"""
import json
from rasa.shared.core import events as ev
from rasa.shared.utils.common import all_subclasses
from addons import patches

original = patches._resolve_event_type
names = sorted({cls.type_name for cls in all_subclasses(ev.Event)})
before = {name: original(name) for name in names}
patches.apply()
assert ev.Event.resolve_by_type is not original
same = []
for _ in range(3):  # the first call finds the class, later ones remember it
    same.append(all(ev.Event.resolve_by_type(name) is before[name] for name in names))
unknown = []
for _ in range(2):
    try:
        ev.Event.resolve_by_type("no_such_event")
        unknown.append("returned")
    except ValueError as error:
        unknown.append(str(error))
default_used = [ev.Event.resolve_by_type("no_such_event", ev.SlotSet) is ev.SlotSet for _ in range(2)]
parsed = ev.Event.from_parameters({"event": "slot", "name": "date", "value": "2026-12-03"})
listed = ev.deserialise_events([{"event": "active_loop", "name": "booking_form"},
                                {"event": "followup", "name": "action_listen"}])
print(json.dumps({
    "names": len(names), "same": same, "unknown": unknown, "default_used": default_used,
    "topic": ev.Event.resolve_by_type("topic"),
    "parsed": [type(parsed).__name__, parsed.key, parsed.value],
    "listed": [type(event).__name__ for event in listed],
    "remembered_unknown": "no_such_event" in patches._event_types,
}))
"""


def test_every_event_type_resolves_as_in_rasa_and_unknown_names_still_fail() -> None:
    result, stderr = run_rasa_script(SCRIPT, timeout=300, env=ISOLATED_ENV)
    assert result["names"] >= 20, stderr
    assert result["same"] == [True, True, True]
    assert result["unknown"] == ["Unknown event name 'no_such_event'."] * 2
    assert result["default_used"] == [True, True]
    assert result["topic"] is None
    assert result["parsed"] == ["SlotSet", "date", "2026-12-03"]
    assert result["listed"] == ["ActiveLoop", "FollowupAction"]
    assert result["remembered_unknown"] is False
