"""The rule policy's search for applicable rules (bot/addons/rule_keys.py), in Rasa's venv.

The add-on decodes each rule once and stops walking the conversation's states when no rule
can change any more. What a visitor relies on is that the bot picks the same next action: this
compares the add-on's set of rules with Rasa's own (the same keys in the same order, since the
policy keeps the first of equally long keys), for both of the policy's lookups and both ways it
reads the last message, after every event of the bot's conversation tests, played one after another
into one conversation (so its history grows long, as a visitor's does), and compares the
policy's prediction with and without the add-on (which also skips reading the last message as
text when no rule of the model could match that reading).
"""

from __future__ import annotations

import pytest

from tests.support.rasa_venv import CONVERSATION_STORIES, ISOLATED_ENV, ROOT, run_rasa_script

SCRIPT = (
    r"""
import copy, json, logging, sys
logging.disable(logging.WARNING)
from rasa.core.agent import Agent
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.model import get_latest_model
from rasa.shared.core.events import Restarted, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

from addons import rule_keys

agent = Agent.load(get_latest_model("models"))
domain = agent.domain
policy = next(
    node._component
    for node in agent.processor.graph_runner._instantiated_nodes.values()
    if isinstance(node._component, RulePolicy)
)
rasa_keys = RulePolicy._get_possible_keys
rasa_find = RulePolicy._find_action_from_rules
"""
    + CONVERSATION_STORIES
    + r"""
compared = mismatches = found = longest_history = predictions = prediction_mismatches = 0
live = DialogueStateTracker("one-long-conversation", domain.slots)
for story in stories:
    for event in story.events:
        if isinstance(event, (Restarted, SessionStarted)):
            continue  # one session that runs on
        live.update(copy.copy(event))
        for use_text in (False, True):
            states = policy._prediction_states(
                live, domain, use_text, rule_only_data=policy._get_rule_only_data()
            )
            longest_history = max(longest_history, len(states))
            for lookup in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH):
                want = list(rasa_keys(policy, policy.lookup[lookup], states))
                got = list(rule_keys.get_possible_keys(policy, policy.lookup[lookup], states))
                compared += 1
                found += bool(want)
                if got != want:
                    mismatches += 1
                    print("MISMATCH", live.sender_id, len(live.events), lookup, use_text,
                          want, got, file=sys.stderr)
        results = []
        for on in (False, True):
            RulePolicy._get_possible_keys = rule_keys.get_possible_keys if on else rasa_keys
            RulePolicy._find_action_from_rules = rule_keys.find_action_from_rules if on else rasa_find
            prediction, source = policy._predict(live, domain)
            results.append((prediction.probabilities, prediction.hide_rule_turn,
                            [e.as_dict() for e in prediction.events], source,
                            prediction.is_end_to_end_prediction, prediction.is_no_user_prediction))
        RulePolicy._get_possible_keys = rasa_keys
        RulePolicy._find_action_from_rules = rasa_find
        predictions += 1
        if results[0] != results[1]:
            prediction_mismatches += 1
            print("PREDICTION MISMATCH", live.sender_id, len(live.events), file=sys.stderr)
print(json.dumps({"compared": compared, "mismatches": mismatches, "found": found,
                  "longest_history": longest_history, "rules": len(policy.lookup[RULES]),
                  "predictions": predictions, "prediction_mismatches": prediction_mismatches,
                  "text_reading_inert": rule_keys._text_reading_inert(policy),
                  "skipped_text_passes": rule_keys.skipped_text_passes}))
"""
)


def test_the_rule_policy_finds_the_same_rules_in_the_same_order() -> None:
    if not list((ROOT / "bot" / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in bot/models: run `make train`")
    env = {**ISOLATED_ENV, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    result, stderr = run_rasa_script(SCRIPT, timeout=900, env=env)
    assert result["rules"] > 20
    # After every event, both lookups, both readings of the last message: the same keys in the
    # same order; many of them found some rule, and histories grew long.
    assert result["compared"] > 2000 and result["mismatches"] == 0, stderr
    assert result["found"] > 500 and result["longest_history"] > 100, result
    # And the policy predicts the same action, with the same scores, events and flags, the
    # add-on not reading the last message as text (no rule of the shipped model could match it)
    # after each message.
    assert result["predictions"] > 500 and result["prediction_mismatches"] == 0, stderr
    assert result["text_reading_inert"] and result["skipped_text_passes"] > 100, result
