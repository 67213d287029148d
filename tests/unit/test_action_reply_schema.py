"""Rasa's check of each action server reply (bot/addons/patches.py `reply_is_valid`), in Rasa's venv.

The add-on checks each event of a reply against its own type's part of Rasa's reply schema
instead of trying all 23 alternatives. What a visitor relies on is that a reply Rasa would refuse
is still refused (and one it accepts still accepted): this compares the add-on's verdict with the
full schema's on replies built from every event type Rasa has, and on every way of breaking
them that changes one field, the events list or the reply itself.
"""

from __future__ import annotations

from tests.support.rasa_venv import ISOLATED_ENV, run_rasa_script

SCRIPT = r"""
import copy, json, sys
from rasa.shared.core import events as ev
from addons.patches import _action_reply_validator, _reply_checks, reply_is_valid

full = _action_reply_validator()
_, by_type = _reply_checks()
samples = [
    ev.SlotSet("date", "2026-12-03").as_dict(),
    ev.SlotSet("count", None).as_dict(),
    ev.ActionExecuted("utter_greet", policy="RulePolicy", confidence=1.0).as_dict(),
    ev.UserUttered(
        "book a consultation", {"name": "book_service", "confidence": 0.9},
        [{"entity": "service_type", "value": "consultation", "start": 7, "end": 19}],
        {"text": "book a consultation", "intent_ranking": [{"name": "book_service", "confidence": 0.9}]},
    ).as_dict(),
    ev.BotUttered("Hello", {"buttons": [{"title": "Yes", "payload": "/affirm"}]}).as_dict(),
    ev.ActiveLoop("booking_form").as_dict(),
    ev.ActiveLoop(None).as_dict(),
    ev.FollowupAction("action_listen").as_dict(),
    ev.AllSlotsReset().as_dict(),
    ev.Restarted().as_dict(),
    ev.UserUtteranceReverted().as_dict(),
    ev.ActionReverted().as_dict(),
    ev.SessionStarted().as_dict(),
    ev.LoopInterrupted(True).as_dict(),
    ev.ActionExecutionRejected("booking_form").as_dict(),
    ev.EntitiesAdded([{"entity": "email", "value": "a@b.example"}]).as_dict(),
    ev.ConversationPaused().as_dict(),
    ev.ConversationResumed().as_dict(),
    ev.AgentUttered("hi").as_dict(),
    ev.StoryExported().as_dict(),
]
samples += [{"event": kind, "timestamp": None} for kind in by_type]
bad_values = [None, 5, 1.5, "x", [], {}, True, [{"entity": 1}], [{"value": 1}],
              {"intent": {"name": 3}}, {"response_selector": 5}, {"entities": "x"}]
keys = sorted({key for sample in samples for key in sample} | {"parse_data", "entities",
              "hide_rule_turn", "confidence", "policy", "name", "value", "metadata", "text"})
replies = []
for sample in samples:
    replies.append({"events": [sample], "responses": [{"text": "ok"}]})
    for key in keys:
        for bad in bad_values:
            broken = copy.deepcopy(sample)
            broken[key] = bad
            replies.append({"events": [sample, broken]})
        if key in sample:
            broken = copy.deepcopy(sample)
            del broken[key]
            replies.append({"events": [broken, sample]})
replies += [
    {}, {"events": []}, {"responses": []}, [], "x", None, 5,
    {"events": {}}, {"events": "x"}, {"events": [5]}, {"events": [[]]}, {"events": [None]},
    {"events": [{"event": "nope"}]}, {"events": [{"event": 5}]}, {"events": [{"event": []}]},
    {"events": [{"event": None}]}, {"events": [{}]}, {"responses": "x"}, {"responses": [5]},
    {"responses": [{"text": 5}]}, {"events": samples, "responses": [{"text": "a"}, {"image": "b"}]},
]
agree = disagree = valid = invalid = 0
for reply in replies:
    want, got = full.is_valid(reply), reply_is_valid(reply)
    valid += want
    invalid += not want
    if want == got:
        agree += 1
    else:
        disagree += 1
        print("DISAGREE", json.dumps(reply, default=str)[:300], want, got, file=sys.stderr)
print(json.dumps({"types": len(by_type), "replies": len(replies), "disagree": disagree,
                  "valid": valid, "invalid": invalid}))
"""


def test_the_reply_check_gives_the_full_schemas_verdict() -> None:
    result, stderr = run_rasa_script(SCRIPT, timeout=600, env=ISOLATED_ENV)
    assert result["disagree"] == 0, stderr
    # Every event type of the schema was tried, and both verdicts were reached many times.
    assert result["types"] == 23
    assert result["valid"] > 100 and result["invalid"] > 1000
