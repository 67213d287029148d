"""Vector, keyword and hybrid search across the collections.

Vector search is an exact cosine over each collection's in-memory snapshot (5,000 chunks
take well under a millisecond); keyword search is BM25, from an in-memory index of the
same snapshot (see ingest/keyword.py for why) or from LanceDB's full-text index;
hybrid fuses the two, linearly by default or by reciprocal rank fusion (RRF). Every hit
carries its cosine similarity to the query, whatever ordered it.

The matrix-vector product runs on one BLAS thread: on a busy machine OpenBLAS's worker
threads spin against each other and one 5,000 x 384 product took 16 ms instead of 0.1 ms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np
from threadpoolctl import ThreadpoolController

from ingest.embeddings import Embedder
from ingest.store import COLLECTIONS, KnowledgeStore, Snapshot

CANDIDATES = 10  # per collection and per method, before fusion
# Linear fusion (the default): 0.9 x cosine + 0.1 x BM25 scaled to the query's best match.
# On the Q&A eval it beat both RRF and vector-only search (eval/results/qa_eval.md): full-text
# matches on common words ("hours", "book") pushed the right page down under RRF, while a
# small keyword share still lifts passages that name the asked-for thing exactly.
VECTOR_SHARE = 0.9
BOOST = 0.05  # for the collection an `info_type` entity points at
RRF_K = 60  # the constant from Cormack et al. (2009); damps the weight of the very top ranks
RRF_KEYWORD_WEIGHT = 0.5
_QUERY_WORD = re.compile(r"[A-Za-z0-9$]+")

SearchMode = Literal["hybrid", "vector", "keyword"]
Fusion = Literal["linear", "rrf"]
KeywordEngine = Literal["memory", "lancedb"]


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk: its fused score (ordering) and cosine similarity (relevance)."""

    collection: str
    chunk_id: str
    text: str
    title: str
    url: str
    section: str | None
    similarity: float
    fused_score: float


def keyword_query(text: str) -> str:
    """The question's words only: punctuation means syntax to the full-text query parser."""
    return " ".join(_QUERY_WORD.findall(text))


def search(
    store: KnowledgeStore,
    embedder: Embedder,
    query: str,
    *,
    top_k: int = 3,
    collections: list[str] | tuple[str, ...] | None = None,
    mode: SearchMode = "hybrid",
    boost_collection: str | None = None,
    fusion: Fusion = "linear",
    keyword_engine: KeywordEngine = "memory",
) -> list[Hit]:
    """The `top_k` best chunks for the query across the collections, best first.

    `boost_collection` steers towards one collection (an entity such as `info_type`); it
    never filters the others out.
    """
    vector = embedder.embed_query(query)
    words = keyword_query(query)
    similarity: dict[tuple[str, str], float] = {}
    rows: dict[tuple[str, str], tuple[int, Snapshot]] = {}
    by_vector: list[tuple[float, tuple[str, str]]] = []
    by_keyword: list[tuple[float, tuple[str, str]]] = []
    for collection in collections or COLLECTIONS:
        snapshot = store.snapshot(collection)
        if snapshot is None or not snapshot.ids:
            continue
        with _blas().limit(limits=1, user_api="blas"):
            cosines = snapshot.vectors @ vector
        found: list[int] = []
        if mode != "keyword":
            for row in _top_rows(cosines, CANDIDATES):
                by_vector.append((float(cosines[row]), (collection, snapshot.ids[row])))
                found.append(row)
        if mode != "vector" and words:
            for row, score in _keyword_hits(store, snapshot, collection, words, keyword_engine):
                by_keyword.append((score, (collection, snapshot.ids[row])))
                found.append(row)
        for row in found:
            key = (collection, snapshot.ids[row])
            rows[key] = (row, snapshot)
            similarity[key] = float(cosines[row])
    scores = _fuse(by_vector, by_keyword, boost_collection, fusion)
    best = sorted(scores, key=lambda key: (scores[key], similarity[key]), reverse=True)[:top_k]
    hits = []
    for key in best:
        row, snapshot = rows[key]
        hits.append(
            Hit(
                collection=key[0],
                chunk_id=key[1],
                text=snapshot.texts[row],
                title=snapshot.titles[row],
                url=snapshot.sources[row],
                section=snapshot.sections[row],
                similarity=similarity[key],
                fused_score=scores[key],
            )
        )
    return hits


def _fuse(
    by_vector: list[tuple[float, tuple[str, str]]],
    by_keyword: list[tuple[float, tuple[str, str]]],
    boost_collection: str | None,
    fusion: Fusion,
) -> dict[tuple[str, str], float]:
    """Fused scores of the vector and keyword candidates of every collection.

    Cosines are comparable across collections and BM25 scores nearly so (per-table IDF).
    "linear": cosine weighted with the BM25 score scaled to the query's best; "rrf":
    weighted reciprocal rank fusion of the two global rankings. A boosted collection gets
    a small bonus (linear) or one more ranking (RRF).
    """
    scores: dict[tuple[str, str], float] = {}
    if fusion == "linear":
        best_keyword = max((score for score, _ in by_keyword), default=0.0) or 1.0
        for cosine, key in by_vector:
            scores[key] = VECTOR_SHARE * cosine
        for bm25, key in by_keyword:
            scores[key] = scores.get(key, 0.0) + (1 - VECTOR_SHARE) * bm25 / best_keyword
        for key in scores:
            if key[0] == boost_collection:
                scores[key] += BOOST
        return scores
    vector_ranking = [key for _, key in sorted(by_vector, reverse=True)]
    rankings = [
        (1.0, vector_ranking),
        (RRF_KEYWORD_WEIGHT, [key for _, key in sorted(by_keyword, reverse=True)]),
    ]
    if boost_collection:
        rankings.append((1.0, [key for key in vector_ranking if key[0] == boost_collection]))
    for weight, ranking in rankings:
        for rank, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank + 1)
    return scores


def _keyword_hits(
    store: KnowledgeStore, snapshot: Snapshot, collection: str, words: str, engine: KeywordEngine
) -> list[tuple[int, float]]:
    """(snapshot row, BM25 score) from the in-memory index or LanceDB's full-text index."""
    if engine == "memory":
        return snapshot.keywords.search(words, limit=CANDIDATES)
    return [
        (snapshot.row_of[chunk], score)
        for chunk, score in store.keyword_hits(collection, words, limit=CANDIDATES)
        if chunk in snapshot.row_of
    ]


@functools.cache
def _blas() -> ThreadpoolController:
    """BLAS thread control, inspected once (inspecting costs milliseconds)."""
    return ThreadpoolController()


def _top_rows(scores: np.ndarray, k: int) -> list[int]:
    if len(scores) <= k:
        return [int(i) for i in np.argsort(-scores)]
    top = np.argpartition(-scores, k)[:k]
    return [int(i) for i in top[np.argsort(-scores[top])]]
