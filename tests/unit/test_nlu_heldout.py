"""The NLU held-out set stays held out: big enough, and never copied into the training data."""

from __future__ import annotations

from collections import Counter

from eval.nlu_eval import leaked, load_heldout, normalise, training_examples


def test_no_held_out_sentence_is_in_the_training_data() -> None:
    items, out_of_scope = load_heldout()
    assert leaked(items, out_of_scope) == []


def test_the_held_out_set_has_twenty_per_intent_and_a_hundred_out_of_scope() -> None:
    items, out_of_scope = load_heldout()
    per_group = Counter(group for group, _, _ in items)
    assert min(per_group.values()) >= 20, per_group
    assert len(set(out_of_scope)) >= 100
    trained = set(training_examples())
    assert {intent for _, intent, _ in items} <= trained


def test_the_leak_check_sees_through_case_punctuation_and_annotations() -> None:
    assert normalise("Book a [Demo](service_type), please!") == normalise("book a demo please")
    assert normalise("???") != normalise("...")
