"""RulePolicy's search for the rules that apply, with each rule decoded once.

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

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET

_rasa_is_rule_applicable = RulePolicy._is_rule_applicable
_rasa_get_possible_keys = RulePolicy._get_possible_keys

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


def apply() -> None:
    RulePolicy._get_possible_keys = get_possible_keys
