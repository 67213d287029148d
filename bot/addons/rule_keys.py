"""RulePolicy's search for the rules that apply, with each rule decoded once, and not made
for a reading no rule can match (`find_action_from_rules`).

Rasa 3.6's `RulePolicy._get_possible_keys` walks the conversation's states from the latest back
and, at every state, filters the rules still possible with `_is_rule_applicable`, which decodes
the rule (a cached `json.loads`), reverses its states into a new list, and converts each JSON
list back to a tuple, for every rule and every state, including every state older than the
longest rule still possible, where every rule passes. Profiled with py-spy under 300 REST
conversations, this was 7% of Rasa's event loop, twice per prediction.

Here each rule is decoded once into its reversed states with the tuples made (`_decode`), the
walk stops when no rule is left (an empty set stays empty), and once it is past the longest
rule left it only rebuilds the set the way Rasa does (`set(filter(...))` keeps every key there),
until a rebuild no longer changes the set's order. The result is the same set, in the same
order: `RulePolicy` takes the longest key with `max`, which keeps the first of equally long ones.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.shared.core.constants import (
    ACTION_LISTEN_NAME,
    PREVIOUS_ACTION,
    SHOULD_NOT_BE_SET,
    USER,
)
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

_rasa_is_rule_applicable = RulePolicy._is_rule_applicable
_rasa_get_possible_keys = RulePolicy._get_possible_keys
_rasa_find_action_from_rules = RulePolicy._find_action_from_rules

# Rule key -> its states, latest first: (whether it has a previous action, the sub-states as
# (kind, ((key, value), ...)) with JSON lists as tuples). A model has a few hundred rule keys.
_decoded: dict[str, tuple[Any, ...]] = {}
MAX_DECODED = 20000


def _decode(rule_key: str) -> tuple[Any, ...]:
    rule = _decoded.get(rule_key)
    if rule is None:
        rule = tuple(
            (
                bool(state.get(PREVIOUS_ACTION)),
                tuple(
                    (
                        kind,
                        tuple(
                            (key, tuple(value) if isinstance(value, list) else value)
                            for key, value in sub_state.items()
                        ),
                    )
                    for kind, sub_state in state.items()
                ),
            )
            for state in reversed(json.loads(rule_key))
        )
        if len(_decoded) >= MAX_DECODED:
            _decoded.clear()
        _decoded[rule_key] = rule
    return rule


def _applicable(rule_key: str, turn_index: int, conversation_state: dict[str, Any]) -> bool:
    """`RulePolicy._is_rule_applicable` and `_does_rule_match_state` on a decoded rule."""
    rule = _decode(rule_key)
    if turn_index >= len(rule):
        return True
    rule_has_previous_action, sub_states = rule[turn_index]
    current_previous_action = conversation_state.get(PREVIOUS_ACTION)
    if not rule_has_previous_action and not current_previous_action:
        return True
    if not rule_has_previous_action or not current_previous_action:
        return False
    for kind, values in sub_states:
        conversation_sub_state = conversation_state.get(kind, {})
        for key, value_from_rules in values:
            value_from_conversation = conversation_sub_state.get(key)
            if (
                value_from_rules
                and value_from_rules != SHOULD_NOT_BE_SET
                and value_from_conversation != value_from_rules
            ) or (
                value_from_rules == SHOULD_NOT_BE_SET
                and value_from_conversation
                and value_from_conversation != SHOULD_NOT_BE_SET
            ):
                return False
    return True


def get_possible_keys(self: RulePolicy, lookup: dict[str, str], states: list[Any]) -> set[str]:
    """`RulePolicy._get_possible_keys`: the same set, built in the same order."""
    if type(self)._is_rule_applicable is not _rasa_is_rule_applicable:
        return _rasa_get_possible_keys(self, lookup, states)
    possible_keys = set(lookup.keys())
    for turn_index, state in enumerate(reversed(states)):
        if not possible_keys:
            break
        if turn_index >= max(len(_decode(key)) for key in possible_keys):
            # Every key left passes every older state: each of Rasa's filters rebuilds the set
            # from itself, and a rebuild that keeps the order keeps it from then on.
            for _ in range(len(states) - turn_index):
                rebuilt = set(iter(possible_keys))
                same = list(rebuilt) == list(possible_keys)
                possible_keys = rebuilt
                if same:
                    break
            break
        possible_keys = set(
            filter(
                lambda key, index=turn_index, current=state: _applicable(key, index, current),
                possible_keys,
            )
        )
    return possible_keys


# How often the rule policy's reading of the last message as text was not made (see below).
skipped_text_passes = 0


def find_action_from_rules(
    self: RulePolicy, tracker: Any, domain: Any, use_text_for_last_user_input: bool
) -> tuple[str | None, str | None, bool]:
    """`RulePolicy._find_action_from_rules`, without the reading of the last message as text
    when no rule of the model can match it.

    Right after a message the policy looks for rules twice: once with the message's text in
    place of its intent (for end-to-end rules), then with its intent. In that first reading the
    latest state has no intent, and its previous action is `action_listen`; a rule can only
    apply if its own latest state matches that one. When every rule's latest state asks for an
    intent, or for another previous action (`_cannot_match_text`), no rule applies, and Rasa's
    answer is "no action" (the description of the states it returns beside it is then not
    used, nor is the unhappy-path flag, which no rule sets either). The shipped model's rules
    are all written with intents, so that reading (its states, both lookups) is not made:
    py-spy under 200 REST conversations put the policy's search for rules at 13% of Rasa's
    event loop, about half of it in this reading.
    """
    if (
        use_text_for_last_user_input
        and tracker.latest_action_name == ACTION_LISTEN_NAME
        and _text_reading_inert(self)
    ):
        global skipped_text_passes
        skipped_text_passes += 1
        return None, None, False
    return _rasa_find_action_from_rules(self, tracker, domain, use_text_for_last_user_input)


def _text_reading_inert(policy: RulePolicy) -> bool:
    """Whether no rule of the policy (either lookup) can match a state read with text."""
    inert = policy.__dict__.get("_text_reading_inert")
    if inert is None:
        inert = all(
            _cannot_match_text(key)
            for lookup in (RULES, RULES_FOR_LOOP_UNHAPPY_PATH)
            for key in policy.lookup.get(lookup, {})
        )
        policy.__dict__["_text_reading_inert"] = inert
    return inert


def _cannot_match_text(rule_key: str) -> bool:
    """Whether a rule's latest state cannot match a latest state read with text: it is empty
    (matched only by an empty state), asks for an intent, or for a previous action other than
    `action_listen`."""
    states = json.loads(rule_key)
    if not states:
        return False
    latest = states[-1]
    if not latest:
        return True
    intent = latest.get(USER, {}).get(INTENT)
    if intent and intent != SHOULD_NOT_BE_SET:
        return True
    action = latest.get(PREVIOUS_ACTION, {}).get(ACTION_NAME)
    return bool(action) and action not in (ACTION_LISTEN_NAME, SHOULD_NOT_BE_SET)


def apply() -> None:
    RulePolicy._get_possible_keys = get_possible_keys
    RulePolicy._find_action_from_rules = find_action_from_rules
