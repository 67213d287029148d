"""Background content ingests started from the admin API or the dashboard.

A job is an `IngestJob` row (queued → running → done | failed) with page counts that the
caller polls. Jobs run one at a time on a worker thread of the process that accepted them:
ingesting embeds text on the CPU, and two at once would only slow both down.
Uploaded files are stored under `var/uploads/` and ingested from there.
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlmodel import Session, select

from app.core.db import session_scope
from app.core.settings import get_settings
from app.models import ContentSource, IngestJob, utcnow
from app.services.uploads import UploadRefused

logger = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".pdf", ".md", ".markdown", ".txt", ".html", ".htm", ".json", ".csv", ".yml")
"""File types the ingest loaders read (PDF, Markdown, text, HTML, FAQ files)."""

_executor: ThreadPoolExecutor | None = None
_futures: dict[int, Future] = {}
_lock = threading.Lock()


class SourceNotFound(LookupError):
    """No content source with that id."""


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        return _executor


def store_content_file(filename: str, content: bytes) -> Path:
    """Store an uploaded file under var/uploads with a safe, unique name; return its path."""
    name = Path(filename or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise UploadRefused(
            f"{name or 'the file'}: unsupported type; upload {', '.join(UPLOAD_SUFFIXES)}"
        )
    if not content:
        raise UploadRefused(f"{name}: the file is empty")
    limit = get_settings().upload_max_bytes
    if len(content) > limit:
        raise UploadRefused(f"{name}: larger than {limit // (1024 * 1024)} MB")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "upload"
    folder = get_settings().uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex[:8]}-{stem[:80]}{suffix}"
    path.write_bytes(content)
    return path


def recover_interrupted_jobs(*, session: Session) -> int:
    """Mark jobs a crash left queued or running as failed, saying so; how many there were.

    Jobs run in a thread of the web process, so at its start none can really be running:
    without this they would show "running" in the dashboard for ever.
    """
    jobs = session.exec(select(IngestJob).where(IngestJob.status.in_(("queued", "running")))).all()
    for job in jobs:
        job.status = "failed"
        job.message = "Interrupted by a restart of the server; start it again."
        job.finished_at = utcnow()
        session.add(job)
    session.commit()
    if jobs:
        logger.warning("marked %d ingest job(s) interrupted by a restart as failed", len(jobs))
    return len(jobs)


def _update_job(job_id: int, **values) -> None:
    with session_scope() as session:
        job = session.get(IngestJob, job_id)
        if job is None:
            return
        for key, value in values.items():
            setattr(job, key, value)
        session.add(job)
        session.commit()


def _summary_message(summary) -> str:
    text = (
        f"{summary.pages_fetched} page(s) ingested, {summary.pages_skipped_unchanged} unchanged, "
        f"{summary.pages_failed} failed, {summary.chunks_written} chunk(s) written"
    )
    if summary.failures:
        source, reason = summary.failures[0]
        text += f"; first failure: {source}: {reason}"
    return text[:2000]


def _run_job(job_id: int, work: Callable) -> None:
    """Run one job's work with a progress callback and record how it ended."""
    _update_job(job_id, status="running")

    def progress(done: int, total: int, current: str) -> None:
        _update_job(job_id, pages_done=done, pages_total=total, message=f"Reading {current}"[:2000])

    try:
        summary = work(progress)
    except Exception as exc:  # noqa: BLE001 - any failure ends the job as failed, with why
        logger.exception("ingest job %s failed", job_id)
        _update_job(
            job_id,
            status="failed",
            message=str(exc)[:2000] or type(exc).__name__,
            finished_at=utcnow(),
        )
        return
    done = summary.pages_fetched + summary.pages_skipped_unchanged + summary.pages_failed
    _update_job(
        job_id,
        status="done",
        pages_done=done,
        pages_total=done,
        pages_skipped=summary.pages_skipped_unchanged,
        pages_failed=summary.pages_failed,
        chunks_written=summary.chunks_written,
        message=_summary_message(summary),
        finished_at=utcnow(),
    )


def _start(session: Session, job: IngestJob, work: Callable) -> IngestJob:
    session.add(job)
    session.commit()
    session.refresh(job)
    pool = _pool()
    with _lock:
        for finished in [key for key, future in _futures.items() if future.done()]:
            del _futures[finished]
        _futures[job.id] = pool.submit(_run_job, job.id, work)
    return job


def start_ingest(
    *, session: Session, target: str, collection: str, started_by: str | None
) -> IngestJob:
    """Queue an ingest of a URL, sitemap or stored file; returns the queued job."""
    from ingest import service as ingest_service

    def work(progress):
        return ingest_service.run_ingest(target, collection=collection, progress=progress)

    job = IngestJob(target=target, collection=collection, started_by=started_by)
    return _start(session, job, work)


def start_resync(*, session: Session, source_id: int, started_by: str | None) -> IngestJob:
    """Queue a re-fetch of one source; SourceNotFound when there is no such source."""
    from ingest import service as ingest_service

    source = session.get(ContentSource, source_id)
    if source is None:
        raise SourceNotFound(source_id)

    def work(progress):
        return ingest_service.resync_source(source_id, progress=progress)

    job = IngestJob(target=source.source, collection=source.collection, started_by=started_by)
    return _start(session, job, work)


def remove_source(*, session: Session, source_id: int) -> None:
    """Delete a source's passages from the knowledge base; SourceNotFound when unknown."""
    from ingest import service as ingest_service

    if session.get(ContentSource, source_id) is None:
        raise SourceNotFound(source_id)
    ingest_service.remove_source(source_id)


def get_job(*, session: Session, job_id: int) -> IngestJob | None:
    return session.get(IngestJob, job_id)


def list_jobs(*, session: Session, limit: int = 20) -> list[IngestJob]:
    """The most recent jobs, newest first."""
    query = select(IngestJob).order_by(IngestJob.id.desc()).limit(limit)
    return list(session.exec(query).all())


def list_sources(*, session: Session, collection: str | None = None) -> list[ContentSource]:
    """Every content source (removed ones included, with their status), newest first."""
    query = select(ContentSource).order_by(ContentSource.id.desc())
    if collection:
        query = query.where(ContentSource.collection == collection)
    return list(session.exec(query).all())


def wait_for_job(job_id: int, timeout: float = 60.0) -> bool:
    """Block until a job started in this process has finished; False on timeout."""
    future = _futures.get(job_id)
    if future is None:
        return True
    try:
        future.result(timeout=timeout)
    except TimeoutError:
        return False
    return True
