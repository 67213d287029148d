"""Ingest entry points shared by the CLI, the admin API and the dashboard.

A run plans its sources (a page, a sitemap, a crawled site, a folder or a file), loads a
few at a time, and for each page compares the content hash recorded in `content_sources`:
an unchanged page costs nothing, a changed page is re-chunked and only its new chunks are
embedded, a page gone from its sitemap or folder is removed. A failing source is recorded
with its reason and never stops the others or touches what is already indexed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx
import numpy as np
from sqlmodel import Session, select

from app.core.db import session_scope
from app.models import ContentSource, utcnow
from ingest.chunking import chunk_document
from ingest.crawl import DEFAULT_PAGE_LIMIT, is_sitemap_url, load_robots, site_pages, sitemap_pages
from ingest.documents import Document, SourceError
from ingest.embeddings import Embedder, get_embedder
from ingest.loaders import (
    USER_AGENT,
    fetch,
    fetched_document,
    file_document,
    http_client,
    list_folder,
)
from ingest.store import COLLECTIONS, KnowledgeStore, chunk_id, get_store
from ingest.version import pipeline_version

logger = logging.getLogger(__name__)

FETCH_WORKERS = 4  # a few pages at a time: polite to the site, enough to hide latency
_ORIGIN_BASE = " -> "  # origin "demo/site -> http://host/demo-site/" keeps the URL mapping


@dataclass
class IngestSummary:
    """What one run did; `chunks_embedded` counts the vectors actually computed."""

    pages_fetched: int = 0
    pages_skipped_unchanged: int = 0
    pages_failed: int = 0
    pages_removed: int = 0
    chunks_written: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    chunks_embedded: int = 0
    pages_total: int = 0


ProgressCallback = Callable[[int, int, str], None]  # (done, total, current source)


@dataclass(frozen=True)
class _Item:
    """One page or file to ingest: its citation URL and how to load it."""

    source: str
    load: Callable[[], Document]


@dataclass
class _Run:
    store: KnowledgeStore
    embedder: Embedder
    collection: str | None
    origin: str | None
    summary: IngestSummary = field(default_factory=IngestSummary)
    touched: set[str] = field(default_factory=set)


def run_ingest(
    target: str,
    *,
    collection: str | None = None,
    progress: ProgressCallback | None = None,
    base_url: str | None = None,
    crawl: bool = False,
    page_limit: int = DEFAULT_PAGE_LIMIT,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> IngestSummary:
    """Ingest a URL, sitemap, site (`crawl`), file or folder; incremental by content hash.

    `collection` None sorts each page by what it is (FAQ, policy, other website content).
    `base_url` maps a folder's files to the URLs they are published at (the citations).
    """
    if collection is not None and collection not in COLLECTIONS:
        raise ValueError(f"unknown collection {collection!r}; use one of {COLLECTIONS}")
    run = _Run(
        store=store or get_store(),
        embedder=embedder or get_embedder(),
        collection=collection,
        origin=None,
    )
    with http_client() as client:
        try:
            run.origin, items = _plan(client, target, base_url, crawl, page_limit)
        except SourceError as exc:
            logger.warning("ingest of %s failed: %s", target, exc.reason)
            run.summary.pages_failed = 1
            run.summary.failures.append((target, exc.reason))
            return run.summary
        run.summary.pages_total = len(items)
        with ThreadPoolExecutor(max_workers=FETCH_WORKERS) as pool:
            futures = {pool.submit(_load, item): item for item in items}
            for done, future in enumerate(as_completed(futures), start=1):
                item = futures[future]
                _ingest_page(run, item.source, future.result())
                if progress:
                    progress(done, len(items), item.source)
    if run.origin is not None:
        _remove_gone(run, {item.source for item in items})
    for name in sorted(run.touched):
        run.store.refresh_fts(name)
    logger.info("ingest of %s: %s", target, run.summary)
    return run.summary


def resync_source(
    source_id: int,
    *,
    progress: ProgressCallback | None = None,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> IngestSummary:
    """Re-fetch one source (and, for a sitemap/site/folder origin, everything it lists)."""
    with session_scope() as session:
        row = session.get(ContentSource, source_id)
        if row is None:
            raise LookupError(f"no content source with id {source_id}")
        source, origin, collection = row.source, row.origin, row.collection
        if origin:
            collections = set(
                session.exec(
                    select(ContentSource.collection).where(ContentSource.origin == origin)
                ).all()
            )
            collection = collection if len(collections) == 1 else None
    target, base_url, crawl = source, None, False
    if origin:
        target, _, base_url = origin.partition(_ORIGIN_BASE)
        crawl = target.startswith(("http://", "https://")) and not is_sitemap_url(target)
    return run_ingest(
        target,
        collection=collection,
        progress=progress,
        base_url=base_url or None,
        crawl=crawl,
        embedder=embedder,
        store=store,
    )


def remove_source(source_id: int, *, store: KnowledgeStore | None = None) -> None:
    """Delete a source's chunks from LanceDB and mark it removed."""
    store = store or get_store()
    with session_scope() as session:
        row = session.get(ContentSource, source_id)
        if row is None:
            raise LookupError(f"no content source with id {source_id}")
        store.delete_source(row.collection, row.source)
        store.refresh_fts(row.collection)
        _mark_removed(session, row)
        session.commit()


def list_sources() -> list[ContentSource]:
    """Every content source, newest first (for the CLI and the dashboard)."""
    with session_scope() as session:
        rows = session.exec(select(ContentSource).order_by(ContentSource.id.desc())).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


def find_sources(identifier: str) -> list[int]:
    """Ids of the sources an admin means: an id, a source URL/path or an origin."""
    with session_scope() as session:
        if identifier.isdigit():
            row = session.get(ContentSource, int(identifier))
            return [row.id] if row and row.id else []
        query = select(ContentSource.id).where(
            (ContentSource.source == identifier)
            | (ContentSource.origin == identifier)
            | (ContentSource.origin.startswith(identifier + _ORIGIN_BASE))
        )
        return [source_id for source_id in session.exec(query).all() if source_id]


# --- planning: which pages a target stands for ------------------------------------------------


def _plan(
    client: httpx.Client, target: str, base_url: str | None, crawl: bool, page_limit: int
) -> tuple[str | None, list[_Item]]:
    """The origin to sweep afterwards (None for a single page) and the items to load."""
    if target.startswith(("http://", "https://")):
        if is_sitemap_url(target):
            robots = load_robots(client, target)
            urls = sitemap_pages(client, target, page_limit=page_limit)
            urls = [url for url in urls if robots.can_fetch(USER_AGENT, url)]
            return target, [_url_item(client, url) for url in urls]
        if crawl:
            return target, [
                _url_item(client, url) for url in site_pages(client, target, page_limit=page_limit)
            ]
        return None, [_url_item(client, target)]
    path = Path(target).expanduser()
    if not path.exists():
        raise SourceError(f"no such file or folder: {target}")
    origin = path.resolve().as_posix() + (f"{_ORIGIN_BASE}{base_url}" if base_url else "")
    if path.is_dir():
        files = list_folder(path)[:page_limit]
        if not files:
            raise SourceError("the folder has no HTML, Markdown, PDF, text or FAQ files")
        return origin, [_file_item(file, _file_source(file, path, base_url)) for file in files]
    return origin, [_file_item(path, _file_source(path, path.parent, base_url))]


def _url_item(client: httpx.Client, url: str) -> _Item:
    return _Item(source=url, load=lambda: fetched_document(fetch(client, url), source=url))


def _file_item(path: Path, source: str) -> _Item:
    return _Item(source=source, load=lambda: file_document(path, source=source))


def _file_source(path: Path, folder: Path, base_url: str | None) -> str:
    """The citation URL of a file: under `base_url` when given (index.html is the folder)."""
    if not base_url:
        return path.resolve().as_posix()
    relative = path.resolve().relative_to(folder.resolve()).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative.removesuffix("index.html")
    return base_url.rstrip("/") + "/" + relative


def _load(item: _Item) -> Document | SourceError:
    try:
        return item.load()
    except SourceError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the others
        logger.exception("unexpected failure loading %s", item.source)
        return SourceError(f"unexpected error: {type(exc).__name__}: {exc}")


# --- one page ----------------------------------------------------------------------------------


def collection_for(document: Document) -> str:
    """Where a page belongs when the admin did not say: FAQ, policy or website content."""
    if document.faq_pairs:
        return "faq_content"
    words = (urlparse(document.source).path + " " + document.title).lower()
    if "faq" in words or "frequently asked" in words:
        return "faq_content"
    if any(word in words for word in ("privacy", "policy", "terms", "cancellation", "refund")):
        return "policy_docs"
    return "website_content"


def page_hash(document: Document) -> str:
    """The hash that decides whether a page changed (or the code that chunks it)."""
    digest = hashlib.sha256(pipeline_version().encode())
    digest.update(document.title.encode())
    digest.update(b"\0" + document.text.encode())
    for question, answer in document.faq_pairs:
        digest.update(b"\0" + question.encode() + b"\0" + answer.encode())
    return digest.hexdigest()


def _ingest_page(run: _Run, source: str, loaded: Document | SourceError) -> None:
    with session_scope() as session:
        if isinstance(loaded, SourceError):
            collection = run.collection or _known_collection(session, source)
            row = _row(session, source, collection)
            row.status, row.last_error = "failed", loaded.reason
            run.summary.pages_failed += 1
            run.summary.failures.append((source, loaded.reason))
            logger.warning("cannot ingest %s: %s", source, loaded.reason)
        else:
            collection = run.collection or collection_for(loaded)
            row = _row(session, source, collection)
            _store_page(run, row, loaded, collection)
        row.origin = run.origin or row.origin
        session.add(row)
        session.commit()


def _store_page(run: _Run, row: ContentSource, document: Document, collection: str) -> None:
    """Embed what is new in the page and replace its chunks; unchanged pages are skipped."""
    run.summary.pages_fetched += 1
    digest = page_hash(document)
    if row.content_hash == digest and row.status == "ok" and row.chunk_count:
        run.summary.pages_skipped_unchanged += 1
        return
    chunks = chunk_document(document)
    if not chunks:
        row.status, row.last_error = "failed", "no readable text"
        run.summary.pages_failed += 1
        run.summary.failures.append((row.source, "no readable text"))
        return
    known = run.store.vectors_of(collection, row.source)
    missing = [chunk for chunk in chunks if chunk_id(chunk) not in known]
    computed = dict(
        zip(
            [chunk_id(chunk) for chunk in missing],
            run.embedder.embed([chunk.embedding_text for chunk in missing]),
            strict=True,
        )
    )
    vectors = np.stack([known.get(chunk_id(c), computed.get(chunk_id(c))) for c in chunks])
    run.store.replace_source(
        collection,
        row.source,
        chunks,
        vectors,
        page_hash=digest,
        embedder=run.embedder.name,
    )
    run.touched.add(collection)
    run.summary.chunks_written += len(chunks)
    run.summary.chunks_embedded += len(missing)
    row.title = document.title[:500]
    row.content_hash, row.chunk_count = digest, len(chunks)
    row.status, row.last_error, row.ingested_at = "ok", None, utcnow()


def _row(session: Session, source: str, collection: str) -> ContentSource:
    row = session.exec(
        select(ContentSource).where(
            ContentSource.source == source, ContentSource.collection == collection
        )
    ).first()
    return row or ContentSource(source=source, collection=collection)


def _known_collection(session: Session, source: str) -> str:
    """The collection a failing page was in before (its old chunks stay there)."""
    existing = session.exec(
        select(ContentSource.collection).where(ContentSource.source == source)
    ).first()
    return existing or "website_content"


def _remove_gone(run: _Run, present: set[str]) -> None:
    """Remove what the origin no longer lists (a page deleted from the site or folder)."""
    with session_scope() as session:
        rows = session.exec(
            select(ContentSource).where(
                ContentSource.origin == run.origin, ContentSource.status != "removed"
            )
        ).all()
        for row in rows:
            if row.source not in present:
                run.store.delete_source(row.collection, row.source)
                run.touched.add(row.collection)
                _mark_removed(session, row)
                run.summary.pages_removed += 1
                logger.info("removed %s: no longer listed by %s", row.source, run.origin)
        session.commit()


def _mark_removed(session: Session, row: ContentSource) -> None:
    row.status, row.chunk_count, row.content_hash = "removed", 0, None
    row.last_error = None
    row.ingested_at = utcnow()
    session.add(row)
