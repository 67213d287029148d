"""The fine-tuned intent encoder's opinion, averaged with the n-gram classifier's (issue 12).

Placed after LogisticRegressionClassifier and before FallbackClassifier: a message's intent
ranking becomes `(1 - weight) * n-gram probabilities + weight * encoder probabilities` over
every intent, and its intent the top of that. The FallbackClassifier then applies its
thresholds to the averaged confidence, as it did to the n-gram one. A message that is nothing
but values the RegexEntityExtractor (placed before the classifiers) found in it keeps the
n-gram classifier's ranking (`only_values`).

The encoder is all-MiniLM-L6-v2 fine-tuned on the bot's NLU data by
`scripts/intent_encoder.py` (main venv, torch), exported to ONNX with 8-bit weights; here, in
Rasa's venv (no torch), onnxruntime runs it on one thread, and `addons.wordpiece` cuts the text
as MiniLM's tokenizer does: about 1.3 ms a message. `weight` was chosen on the development sets
only (eval/results/nlu_eval.md: 0.3 / 0.5 / 0.7 gave 964 / 974 / 968 of 996 task requests and
7 / 6 / 12 of 938 out-of-scope false accepts).

Config: `model`, the file `python -m scripts.intent_encoder` builds (relative to bot/, where
Rasa trains; the environment variable INTENT_ENCODER overrides it), with its sidecar `.json`
(key, intents, vocabulary); `weight`. Training copies both into the Rasa model, so a trained
model needs nothing else at run time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.wordpiece import WordPiece

ENCODER_ENV = "INTENT_ENCODER"
_MODEL = "intent-encoder.onnx"
_INFO = "intent-encoder.json"
# As the n-gram classifier's output: the ranking lists this many intents at most.
RANKING_LENGTH = 10
_WORD = re.compile(r"\w")


class IntentEncoder:
    """Text → the encoder's probability for each intent (onnxruntime, one thread)."""

    def __init__(self, model: Path, info: dict[str, Any]) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # One message at a time, on the core the NLU process has: threads would only contend.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.labels: list[str] = list(info["labels"])
        self.max_tokens = int(info["max_tokens"])
        self.wordpiece = WordPiece(info["vocab"])
        self._cls = self.wordpiece.ids["[CLS]"]
        self._sep = self.wordpiece.ids["[SEP]"]

    @classmethod
    def load(cls, model: Path) -> IntentEncoder:
        info_path = model.with_suffix(".json")
        return cls(model, json.loads(info_path.read_text(encoding="utf-8")))

    def probabilities(self, text: str) -> np.ndarray:
        # as the tokenizer did in training: [CLS] pieces [SEP], cut to max_tokens in all
        ids = [self._cls, *self.wordpiece.encode(text)[: self.max_tokens - 2], self._sep]
        tokens = np.array([ids], dtype=np.int64)
        (probs,) = self.session.run(
            ["probs"], {"input_ids": tokens, "attention_mask": np.ones_like(tokens)}
        )
        return probs[0]


def only_values(text: str, entities: list[dict[str, Any]]) -> bool:
    """Whether the text is nothing but the values the RegexEntityExtractor found in it (an
    email address, a phone number, a booking reference; punctuation and spaces aside). Such a
    message is a form's answer, and the encoder would read the value's pieces as words
    ("wrong@example.com" as a correction, 'wrong'): the n-gram classifier, which has the
    RegexFeaturizer's patterns, decides it alone."""
    if not entities:
        return False
    rest = list(text)
    for entity in entities:
        start, end = entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int):
            rest[start:end] = " " * (end - start)
    return _WORD.search("".join(rest)) is None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class EncoderIntentClassifier(IntentClassifier, GraphComponent):
    """Averages the previous classifier's intent ranking with the encoder's probabilities."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"model": "models/intent-encoder.onnx", "weight": 0.5}

    @staticmethod
    def required_packages() -> list[str]:
        return ["onnxruntime"]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        weight = float(config.get("weight", 0.5))
        if not 0.0 <= weight <= 1.0:
            raise ValueError("EncoderIntentClassifier: weight must be between 0 and 1")

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        source: Path | None,
        encoder: IntentEncoder | None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._source = source
        self._encoder = encoder
        self._weight = float(self._config["weight"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EncoderIntentClassifier:
        config = {**cls.get_default_config(), **config}
        source = Path(os.environ.get(ENCODER_ENV) or config["model"])
        if not source.is_file() or not source.with_suffix(".json").is_file():
            raise FileNotFoundError(
                f"intent encoder {source} (and its .json) not found: build it with "
                "`.venv/bin/python -m scripts.intent_encoder` (`make train` builds it when the "
                "NLU data changes)"
            )
        return cls(config, model_storage, resource, source, IntentEncoder.load(source))

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EncoderIntentClassifier:
        with model_storage.read_from(resource) as model_dir:
            encoder = IntentEncoder.load(model_dir / _MODEL)
        return cls(config, model_storage, resource, None, encoder)

    def train(self, training_data: TrainingData) -> Resource:
        """The encoder was trained before (scripts/intent_encoder.py); it goes into the model."""
        intents = {example.get(INTENT) for example in training_data.intent_examples}
        unknown = sorted(intents - set(self._encoder.labels))
        if unknown:
            raise ValueError(
                f"the intent encoder {self._source} was not trained on the intents {unknown}: "
                "rebuild it with `.venv/bin/python -m scripts.intent_encoder`"
            )
        with self._model_storage.write_to(self._resource) as model_dir:
            shutil.copyfile(self._source, model_dir / _MODEL)
            shutil.copyfile(self._source.with_suffix(".json"), model_dir / _INFO)
        return self._resource

    def blend(self, ranking: list[dict[str, Any]], encoded: np.ndarray) -> list[dict[str, Any]]:
        """The averaged ranking, highest first: an intent missing from one side counts 0 there."""
        weight = self._weight
        scores = {
            label: weight * float(p) for label, p in zip(self._encoder.labels, encoded, strict=True)
        }
        for entry in ranking:
            name = entry["name"]
            scores[name] = scores.get(name, 0.0) + (1.0 - weight) * float(entry["confidence"])
        ordered = sorted(scores.items(), key=lambda item: -item[1])
        return [{"name": name, "confidence": score} for name, score in ordered[:RANKING_LENGTH]]

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text or only_values(text, message.get(ENTITIES) or []):
                continue
            ranking = message.get(INTENT_RANKING_KEY) or []
            blended = self.blend(ranking, self._encoder.probabilities(text))
            message.set(INTENT, blended[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, blended, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
