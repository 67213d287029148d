"""The fine-tuned intent encoder of issue 12: built from the NLU data in the main venv
(scripts/intent_encoder.py), run in Rasa's venv and averaged with the n-gram classifier there
(bot/addons/encoder_classifier.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from scripts import intent_encoder
from tests.support.rasa_venv import ISOLATED_ENV, run_rasa_script

NLU = """version: "3.1"
nlu:
- intent: book_service
  examples: |
    - book me in for a haircut
    - can I get an appointment on [Tuesday](day)
    - I'd like to book a massage
    - any slots tomorrow?
- intent: cancel_booking
  examples: |
    - cancel my appointment
    - I can't make it on Friday, please cancel
    - call off my booking
- intent: greet
  examples: |
    - hello
    - hi there
    - good morning
- regex: reference
  examples: |
    - BK-[0-9]+
"""

TEXTS = [
    "can I book a haircut tomorrow",
    "please cancel my booking",
    "hi",
    "Café déjà vu — naïve résumé! 😀",
    "",
    "a long message " * 40,  # more than 64 tokens: cut as the training tokenizer cut it
]


@pytest.fixture(scope="module")
def nlu_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("nlu")
    (directory / "tasks.yml").write_text(NLU)
    return directory


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlu_dir) -> Path:
    """One training step on three intents: the whole recipe (fine-tune, export, quantise) in
    seconds; the product's build trains three epochs on the bot's data."""
    return intent_encoder.build(
        tmp_path_factory.mktemp("encoder") / "intent-encoder.onnx", nlu_dir=nlu_dir, epochs=1
    )


def test_training_examples_are_the_intents_sentences_without_annotations(nlu_dir) -> None:
    examples = intent_encoder.training_examples(nlu_dir)
    assert sorted(examples) == ["book_service", "cancel_booking", "greet"]
    assert "can I get an appointment on Tuesday" in examples["book_service"]
    assert len(examples["cancel_booking"]) == 3


def test_the_key_follows_the_training_data(tmp_path, nlu_dir) -> None:
    (tmp_path / "tasks.yml").write_text(NLU)
    assert intent_encoder.encoder_key(tmp_path) == intent_encoder.encoder_key(nlu_dir)
    (tmp_path / "tasks.yml").write_text(NLU.replace("good morning", "good evening"))
    assert intent_encoder.encoder_key(tmp_path) != intent_encoder.encoder_key(nlu_dir)


def test_the_built_files(built) -> None:
    info = json.loads(built.with_suffix(".json").read_text())
    assert info["labels"] == ["book_service", "cancel_booking", "greet"]
    assert info["vocab"][:1] == ["[PAD]"] and "[CLS]" in info["vocab"]
    assert info["max_tokens"] == intent_encoder.MAX_TOKENS
    # one epoch is not the recipe: such a file is never taken for the real one
    assert intent_encoder.stored_key(built) == "partial-1"
    assert intent_encoder.stored_key(built) != intent_encoder.encoder_key()
    assert not built.with_suffix(".float.onnx").exists()


RUN_SCRIPT = r"""
import json, sys, tempfile
from pathlib import Path
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT, INTENT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.encoder_classifier import EncoderIntentClassifier, IntentEncoder

path = Path(sys.argv[1])
texts = json.loads(sys.argv[2])
token_ids = json.loads(sys.argv[3])  # the training tokenizer's, for each text
encoder = IntentEncoder.load(path)
out = {"probs": [encoder.probabilities(t).tolist() for t in texts], "expected": []}
for ids in token_ids:
    tokens = np.array([ids], dtype=np.int64)
    feed = {"input_ids": tokens, "attention_mask": np.ones_like(tokens)}
    out["expected"].append(encoder.session.run(["probs"], feed)[0][0].tolist())

with tempfile.TemporaryDirectory() as tmp:
    storage = LocalModelStorage(Path(tmp))
    resource = Resource("encoder")
    context = ExecutionContext(GraphSchema({}), "encoder_node")
    config = {"model": str(path), "weight": 0.25}
    created = EncoderIntentClassifier.create(config, storage, resource, context)
    examples = [Message({TEXT: "hello", INTENT: "greet"}), Message({TEXT: "x", INTENT: "stop"})]
    try:
        created.train(TrainingData(examples))
        out["unknown_intent"] = None
    except ValueError as error:
        out["unknown_intent"] = str(error)
    created.train(TrainingData(examples[:1]))
    path.rename(path.with_suffix(".moved"))  # the trained model needs nothing else
    loaded = EncoderIntentClassifier.load(
        {**EncoderIntentClassifier.get_default_config(), **config}, storage, resource, context
    )
    message = Message({TEXT: texts[0]})
    ranking = [
        {"name": "greet", "confidence": 0.7},
        {"name": "stop", "confidence": 0.2},
        {"name": "cancel_booking", "confidence": 0.1},
    ]
    message.set("intent", ranking[0])
    message.set("intent_ranking", ranking)
    loaded.process([message])
    out["intent"] = message.get("intent")
    out["ranking"] = message.get("intent_ranking")
    # a form's answer that is only a value the regex extractor found keeps the n-gram ranking
    kept = []
    for text, entities in [
        ("wrong@example.com", [{"entity": "email", "start": 0, "end": 17}]),
        (" BK-2026-0001 !", [{"entity": "booking_reference", "start": 1, "end": 13}]),
        ("my email is wrong@example.com", [{"entity": "email", "start": 12, "end": 29}]),
    ]:
        answer = Message({TEXT: text})
        answer.set("entities", entities)
        answer.set("intent", ranking[0])
        answer.set("intent_ranking", ranking)
        loaded.process([answer])
        kept.append(answer.get("intent_ranking") == ranking)
    out["kept"] = kept
print(json.dumps(out))
"""


def test_rasa_runs_the_encoder_as_trained_and_averages_it(built) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(
        str(intent_encoder.model_path()), local_files_only=True
    )
    token_ids = [
        tokenizer(text, truncation=True, max_length=intent_encoder.MAX_TOKENS)["input_ids"]
        for text in TEXTS
    ]
    assert len(token_ids[-1]) == intent_encoder.MAX_TOKENS
    out, stderr = run_rasa_script(
        RUN_SCRIPT,
        str(built),
        json.dumps(TEXTS),
        json.dumps(token_ids),
        timeout=300,
        env=ISOLATED_ENV,
    )
    probs = np.array(out["probs"])
    # Rasa's venv cuts the text as the training tokenizer did (and as long texts were cut), so
    # the encoder gets the same input as in training
    assert np.allclose(probs, np.array(out["expected"]), atol=1e-6), stderr
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    assert "['stop']" in out["unknown_intent"]

    labels = ["book_service", "cancel_booking", "greet"]
    encoded = dict(zip(labels, probs[0], strict=True))
    previous = {"greet": 0.7, "stop": 0.2, "cancel_booking": 0.1}
    blended = {
        name: 0.25 * encoded.get(name, 0.0) + 0.75 * previous.get(name, 0.0)
        for name in set(labels) | set(previous)
    }
    ranking = {entry["name"]: entry["confidence"] for entry in out["ranking"]}
    assert ranking == pytest.approx(blended, abs=1e-6)
    confidences = [entry["confidence"] for entry in out["ranking"]]
    assert confidences == sorted(confidences, reverse=True)
    assert out["intent"] == out["ranking"][0]
    assert out["kept"] == [True, True, False]
