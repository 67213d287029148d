"""A sentence vector from static token vectors distilled from all-MiniLM-L6-v2 (issue 12).

`scripts/static_vectors.py` (main venv, torch) embeds every WordPiece token of the shipped
MiniLM once; here, in Rasa's venv (no torch), a message's vector is the mean of its tokens'
vectors (`addons.wordpiece` cuts the text as MiniLM's tokenizer does), L2-normalised and
multiplied by `scale`: a few table look-ups per message instead of a transformer pass.

It is a dense *sentence* feature: Rasa 3.6's LogisticRegressionClassifier puts each message's
sparse and dense sentence features side by side (`_create_X`; so does addons.fast_graph's
`sentence_matrix`) and ignores sequence features, so none are made. The classifier's L2
penalty (C = 1) weighs a feature block by its magnitude next to the word and character
counts, hence `scale`, chosen on the development sets and cross-validation only.

Config: `vectors`, the file `python -m scripts.static_vectors` builds (relative to bot/, where
Rasa trains; the environment variable STATIC_VECTORS overrides it). Training copies the vectors
into the Rasa model, so a trained model needs nothing else at run time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.wordpiece import WordPiece

VECTORS_ENV = "STATIC_VECTORS"
_FILE = "static_vectors.npz"


class StaticVectors:
    """The token table and the tokeniser: text → mean of its tokens' vectors."""

    def __init__(self, vectors: np.ndarray, vocab: list[str]) -> None:
        self.vectors = np.asarray(vectors, dtype=np.float32)  # float16 on disk
        self.vocab = vocab
        self.wordpiece = WordPiece(vocab)

    @classmethod
    def load(cls, path: Path) -> StaticVectors:
        with np.load(path, allow_pickle=False) as stored:
            return cls(stored["vectors"], [str(token) for token in stored["vocab"]])

    def save(self, path: Path) -> None:
        np.savez(path, vectors=self.vectors.astype(np.float16), vocab=np.array(self.vocab))

    def sentence_vector(self, text: str) -> np.ndarray:
        """The mean of the text's token vectors (zeros for a text with no tokens)."""
        ids = self.wordpiece.encode(text)
        if not ids:
            return np.zeros(self.vectors.shape[1], dtype=np.float32)
        return self.vectors[ids].mean(axis=0)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class StaticEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds a dense sentence feature: the scaled unit mean of the text's static token vectors."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            "vectors": "models/minilm-static.npz",
            "scale": 1.0,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return []

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if float(config.get("scale", 1.0)) <= 0:
            raise ValueError("StaticEmbeddingFeaturizer: scale must be positive")

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
        table: StaticVectors | None,
    ) -> None:
        super().__init__(name, {**self.get_default_config(), **config})
        self._model_storage = model_storage
        self._resource = resource
        self._table = table
        self._scale = float(self._config["scale"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> StaticEmbeddingFeaturizer:
        config = {**cls.get_default_config(), **config}
        path = Path(os.environ.get(VECTORS_ENV) or config["vectors"])
        if not path.is_file():
            raise FileNotFoundError(
                f"static token vectors {path} not found: build them with "
                "`.venv/bin/python -m scripts.static_vectors` (`python -m eval.nlu_eval "
                "--compare static` builds them too; the product's pipeline does not use them)"
            )
        table = StaticVectors.load(path)
        return cls(config, execution_context.node_name, model_storage, resource, table)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> StaticEmbeddingFeaturizer:
        with model_storage.read_from(resource) as model_dir:
            table = StaticVectors.load(model_dir / _FILE)
        return cls(config, execution_context.node_name, model_storage, resource, table)

    def train(self, training_data: TrainingData) -> Resource:
        """Nothing to learn: the vectors go into the model, so it needs no file at run time."""
        with self._model_storage.write_to(self._resource) as model_dir:
            self._table.save(model_dir / _FILE)
        return self._resource

    def features(self, text: str) -> np.ndarray:
        """The (1, dim) sentence feature of a text."""
        vector = self._table.sentence_vector(text)
        norm = float(np.linalg.norm(vector))
        if norm:
            vector = vector * (self._scale / norm)
        return vector[None, :]

    def _featurize(self, message: Message) -> None:
        text = message.get(TEXT)
        if text:
            self.add_features_to_message(None, self.features(text), TEXT, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            self._featurize(message)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._featurize(message)
        return messages
