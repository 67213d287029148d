"""The LanceDB side: one table per collection, chunks keyed by a content hash, a full-text
index beside the vectors, and an in-memory snapshot of each table for fast vector search.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lancedb
import numpy as np
import pyarrow as pa
from lancedb.index import FTS

from app.models.content import COLLECTIONS
from ingest.documents import Chunk
from ingest.embeddings import DIMENSION
from ingest.keyword import BM25Index

logger = logging.getLogger(__name__)

# Another process (the ingest CLI) may write while the action server reads: look for a
# newer table version at most this often.
VERSION_CHECK_SECONDS = 2.0

SCHEMA = pa.schema(
    [
        pa.field("id", pa.string()),  # hash of source + embedded text: same text, same id
        pa.field("source", pa.string()),  # the citation URL (or file path)
        pa.field("title", pa.string()),
        pa.field("section", pa.string()),
        pa.field("text", pa.string()),  # the passage answers are built from
        pa.field("search_text", pa.string()),  # title, section and text: what FTS indexes
        pa.field("position", pa.int32()),
        pa.field("page_hash", pa.string()),
        pa.field("embedder", pa.string()),
        pa.field("vector", pa.list_(pa.float32(), DIMENSION)),
    ]
)


def chunk_id(chunk: Chunk) -> str:
    """The chunk's identity: unchanged text keeps its id (and its vector)."""
    return hashlib.sha256(f"{chunk.url}\n{chunk.embedding_text}".encode()).hexdigest()[:32]


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class Snapshot:
    """A collection's rows in memory: vectors as one matrix, metadata as lists."""

    version: int
    ids: list[str]
    vectors: np.ndarray
    sources: list[str]
    titles: list[str]
    sections: list[str | None]
    texts: list[str]
    row_of: dict[str, int]
    keywords: BM25Index


class KnowledgeStore:
    """The three LanceDB tables under one directory."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._db = lancedb.connect(
            str(self.path), read_consistency_interval=dt.timedelta(seconds=VERSION_CHECK_SECONDS)
        )
        self._tables: dict[str, Any] = {}
        self._snapshots: dict[str, tuple[float, Snapshot]] = {}
        self._lock = threading.Lock()

    def table(self, collection: str, *, create: bool = False) -> Any | None:
        """The collection's table (created empty when `create`), None when it does not exist."""
        if collection not in COLLECTIONS:
            raise ValueError(f"unknown collection {collection!r}; use one of {COLLECTIONS}")
        with self._lock:
            if collection not in self._tables:
                names = self._db.list_tables()
                names = list(getattr(names, "tables", names))
                if collection in names:
                    self._tables[collection] = self._db.open_table(collection)
                elif create:
                    self._tables[collection] = self._db.create_table(collection, schema=SCHEMA)
                else:
                    return None
            return self._tables[collection]

    def vectors_of(self, collection: str, source: str) -> dict[str, np.ndarray]:
        """The stored vectors of a source's chunks, by chunk id (to skip re-embedding them)."""
        table = self.table(collection)
        if table is None:
            return {}
        rows = (
            table.search()
            .where(f"source = {_quote(source)}")
            .select(["id", "vector"])
            .limit(None)
            .to_arrow()
        )
        return {
            chunk: np.asarray(vector, dtype=np.float32)
            for chunk, vector in zip(
                rows["id"].to_pylist(), rows["vector"].to_pylist(), strict=True
            )
        }

    def replace_source(
        self,
        collection: str,
        source: str,
        chunks: list[Chunk],
        vectors: np.ndarray,
        *,
        page_hash: str,
        embedder: str,
    ) -> None:
        """Make the source's chunks exactly these (old ones deleted, new ones added)."""
        table = self.table(collection, create=True)
        rows = [
            {
                "id": chunk_id(chunk),
                "source": source,
                "title": chunk.title,
                "section": chunk.section,
                "text": chunk.text,
                "search_text": chunk.embedding_text,
                "position": chunk.position,
                "page_hash": page_hash,
                "embedder": embedder,
                "vector": vector.astype(np.float32).tolist(),
            }
            for chunk, vector in zip(chunks, vectors, strict=True)
        ]
        table.delete(f"source = {_quote(source)}")
        if rows:
            table.add(pa.Table.from_pylist(rows, schema=SCHEMA))
        self._snapshots.pop(collection, None)

    def delete_source(self, collection: str, source: str) -> None:
        """Remove a source's chunks from a collection."""
        table = self.table(collection)
        if table is not None:
            table.delete(f"source = {_quote(source)}")
            self._snapshots.pop(collection, None)

    def refresh_fts(self, collection: str) -> None:
        """Rebuild the collection's full-text index (after a write)."""
        table = self.table(collection)
        if table is not None and table.count_rows():
            table.create_index("search_text", config=FTS(stem=True), replace=True)

    def count(self, collection: str) -> int:
        table = self.table(collection)
        return 0 if table is None else table.count_rows()

    def snapshot(self, collection: str) -> Snapshot | None:
        """The collection in memory, reloaded when the table has a new version."""
        table = self.table(collection)
        if table is None:
            return None
        now = time.monotonic()
        cached = self._snapshots.get(collection)
        if cached and now - cached[0] < VERSION_CHECK_SECONDS:
            return cached[1]
        version = table.version
        if cached and cached[1].version == version:
            snapshot = cached[1]
        else:
            snapshot = self._load_snapshot(table, version)
        self._snapshots[collection] = (now, snapshot)
        return snapshot

    @staticmethod
    def _load_snapshot(table: Any, version: int) -> Snapshot:
        data = table.to_arrow()
        ids = data["id"].to_pylist()
        if ids:
            flat = data["vector"].combine_chunks().flatten().to_numpy(zero_copy_only=False)
            vectors = np.ascontiguousarray(flat.reshape(len(ids), DIMENSION), dtype=np.float32)
        else:
            vectors = np.zeros((0, DIMENSION), dtype=np.float32)
        return Snapshot(
            version=version,
            ids=ids,
            vectors=vectors,
            sources=data["source"].to_pylist(),
            titles=data["title"].to_pylist(),
            sections=data["section"].to_pylist(),
            texts=data["text"].to_pylist(),
            row_of={chunk: row for row, chunk in enumerate(ids)},
            keywords=BM25Index(data["search_text"].to_pylist()),
        )

    def keyword_hits(self, collection: str, query: str, *, limit: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) for the query's words in the full-text index, best first."""
        table = self.table(collection)
        if table is None or not query.strip():
            return []
        try:
            rows = (
                table.search(query, query_type="fts", fts_columns="search_text")
                .select(["id", "_score"])
                .limit(limit)
                .to_list()
            )
        except (ValueError, RuntimeError, OSError) as exc:
            # No index yet (nothing ingested) or an unparsable query: vector results still count.
            logger.warning("full-text search on %s failed: %s", collection, exc)
            return []
        return [(row["id"], float(row["_score"])) for row in rows]


_stores: dict[str, KnowledgeStore] = {}
_stores_lock = threading.Lock()


def get_store(path: Path | None = None) -> KnowledgeStore:
    """The process's store for `path` (default: settings' `lancedb_dir`)."""
    if path is None:
        from app.core.settings import get_settings

        path = get_settings().lancedb_dir
    key = str(Path(path).resolve())
    with _stores_lock:
        if key not in _stores:
            _stores[key] = KnowledgeStore(Path(key))
        return _stores[key]


def reset_stores() -> None:
    """Forget open stores (tests switch directories)."""
    with _stores_lock:
        _stores.clear()
