"""The NLU held-out sets stay held out: big enough, never copied into the training data, and the
frozen test split shares no sentence with the development set."""

from __future__ import annotations

from collections import Counter

import pytest

from eval.nlu_eval import (
    DEV3,
    DEV4,
    DEV6,
    DEV7,
    DEV9,
    EARLIER_TEST,
    HELDOUT,
    SETS,
    TEST,
    TEST_V3,
    TEST_V4,
    leaked,
    load_heldout,
    normalise,
    training_examples,
)

SET_FILES = [pytest.param(path, id=key) for key, path, *_ in SETS]


@pytest.mark.parametrize("path", SET_FILES)
def test_no_held_out_sentence_is_in_the_training_data(path) -> None:
    items, out_of_scope = load_heldout(path)
    assert leaked(items, out_of_scope) == []


@pytest.mark.parametrize("path", SET_FILES)
def test_the_held_out_set_has_twenty_per_intent_and_a_hundred_out_of_scope(path) -> None:
    items, out_of_scope = load_heldout(path)
    per_group = Counter(group for group, _, _ in items)
    assert min(per_group.values()) >= 20, per_group
    assert len(set(out_of_scope)) >= 100
    trained = set(training_examples())
    assert {intent for _, intent, _ in items} <= trained


@pytest.mark.parametrize(
    "dev_path",
    [HELDOUT, EARLIER_TEST, DEV3, DEV4, TEST_V3, DEV6, DEV7, TEST_V4, DEV9],
    ids=[
        "development",
        "development-2",
        "development-3",
        "development-4",
        "development-5",
        "development-6",
        "development-7",
        "development-8",
        "development-9",
    ],
)
def test_the_test_split_covers_the_development_set_groups_and_shares_no_sentence(dev_path) -> None:
    test_items, test_oos = load_heldout(TEST)
    dev_items, dev_oos = load_heldout(dev_path)
    assert {group for group, _, _ in test_items} == {group for group, _, _ in dev_items}
    test = {normalise(t) for _, _, t in test_items} | {normalise(t) for t in test_oos}
    # a failure names the development set's sentences (to reword), never the test split's
    shared = [t for t in [t for _, _, t in dev_items] + dev_oos if normalise(t) in test]
    assert shared == []


def test_the_leak_check_sees_through_case_punctuation_and_annotations() -> None:
    assert normalise("Book a [Demo](service_type), please!") == normalise("book a demo please")
    assert normalise("???") != normalise("...")
