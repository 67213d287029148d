"""An in-memory BM25 index over a collection snapshot (pure; built when a snapshot loads).

LanceDB's full-text index is built too and gives the same kind of ranking, but each query
costs about 5 ms of CPU per table through its runtime; three tables plus the query
embedding then exceed the 30 ms budget of one search, while this index answers in well
under a millisecond at 5,000 chunks (eval/results/search_bench.md).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

K1 = 1.2
B = 0.75
_WORD = re.compile(r"[a-z0-9$]+")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "did",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def stem(word: str) -> str:
    """A light English suffix stripper: "parking", "parked", "parks" → "park"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The indexed terms of a text: lower-cased words, stop words dropped, stemmed."""
    return [stem(word) for word in _WORD.findall(text.lower()) if word not in STOP_WORDS]


class BM25Index:
    """Okapi BM25 over a fixed list of documents."""

    def __init__(self, documents: Sequence[str]) -> None:
        postings: dict[str, dict[int, int]] = defaultdict(dict)
        lengths = np.zeros(len(documents), dtype=np.float32)
        for doc, text in enumerate(documents):
            words = terms(text)
            lengths[doc] = len(words)
            for word in words:
                postings[word][doc] = postings[word].get(doc, 0) + 1
        self._size = len(documents)
        average = float(lengths.mean()) if len(documents) else 1.0
        self._norm = K1 * (1 - B + B * lengths / (average or 1.0))
        self._postings = {
            word: (
                np.fromiter(docs.keys(), dtype=np.int64, count=len(docs)),
                np.fromiter(docs.values(), dtype=np.float32, count=len(docs)),
                math.log(1 + (self._size - len(docs) + 0.5) / (len(docs) + 0.5)),
            )
            for word, docs in postings.items()
        }

    def search(self, query: str, *, limit: int) -> list[tuple[int, float]]:
        """(document index, score) of the best matches, best first; [] when nothing matches."""
        scores = np.zeros(self._size, dtype=np.float32)
        for word in set(terms(query)):
            posting = self._postings.get(word)
            if posting is None:
                continue
            docs, counts, idf = posting
            scores[docs] += idf * counts * (K1 + 1) / (counts + self._norm[docs])
        matched = np.flatnonzero(scores)
        if not len(matched):
            return []
        best = matched[np.argsort(-scores[matched])[:limit]]
        return [(int(doc), float(scores[doc])) for doc in best]
