"""Per-turn copies Rasa makes that nothing reads (bot/addons/patches.py), in Rasa's venv.

The add-on remembers whether the domain is empty instead of building an empty domain on every
message, builds each action call's tracker state without deep-copying the active loop, and
lets the processor's and the form action's debug log calls take their values uncopied. What a
visitor relies on is that the action server receives exactly the state it did: this compares
the add-on's tracker state with Rasa's after every event of the bot's conversation tests
(forms with their trigger messages among them), and checks that the modules whose `copy` is
replaced use it for nothing but those deep copies.
"""

from __future__ import annotations

from tests.support.rasa_venv import CONVERSATION_STORIES, ISOLATED_ENV, run_rasa_script

SCRIPT = (
    r"""
import copy, inspect, json, re, logging
logging.disable(logging.WARNING)
from rasa.core import processor
from rasa.core.actions import forms
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from addons import patches

uses = {name: sorted(set(re.findall(r"\bcopy\.\w+", inspect.getsource(module))))
        for name, module in (("processor", processor), ("forms", forms))}
domain = Domain.load("domain")
before = [domain.is_empty(), Domain.empty().is_empty()]
patches.apply()
after = [domain.is_empty(), domain.is_empty(), Domain.empty().is_empty()]
marker = object()
identity = processor.copy.deepcopy(marker) is marker and forms.copy.deepcopy(marker) is marker

"""
    + CONVERSATION_STORIES
    + r"""
states = mismatches = triggered = 0
for number, story in enumerate(stories):
    tracker = DialogueStateTracker(f"story-{number}", domain.slots)
    for event in story.events:
        tracker.update(copy.copy(event))
        state = patches.tracker_state(tracker)
        states += 1
        triggered += bool(tracker.active_loop and tracker.active_loop.trigger_message)
        if json.dumps(state, sort_keys=True, default=str) != json.dumps(
            tracker.current_state(EventVerbosity.NONE), sort_keys=True, default=str
        ):
            mismatches += 1
print(json.dumps({"uses": uses, "before": before, "after": after, "identity": identity,
                  "states": states, "mismatches": mismatches, "triggered": triggered}))
"""
)


def test_action_calls_carry_the_same_state_and_the_skipped_copies_were_only_for_logs() -> None:
    result, stderr = run_rasa_script(SCRIPT, timeout=300, env=ISOLATED_ENV)
    # Rasa's processor and form action use `copy` only for deep copies (into debug logs).
    assert result["uses"] == {"processor": ["copy.deepcopy"], "forms": ["copy.deepcopy"]}, stderr
    assert result["identity"] is True
    # The bot's domain is not empty, an empty one is, before and after the add-on.
    assert result["before"] == [False, True]
    assert result["after"] == [False, False, True]
    # After every event of the conversation tests, the state an action receives is Rasa's.
    assert result["states"] > 500 and result["triggered"] > 100
    assert result["mismatches"] == 0, stderr
