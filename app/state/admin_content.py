"""Content page: what the bot knows (sources), adding pages and files with live progress,
re-sync and delete, and "try a question" to see what the bot would answer."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

import reflex as rx

from app.core.db import session_scope
from app.models import COLLECTIONS, ContentSource, IngestJob
from app.models.citation import Citation
from app.services import content_jobs
from app.services.uploads import UploadRefused
from app.state.auth import ALL_ROLES, EDIT_ROLES, AuthState
from app.state.rows import JobRow, PassageRow, SourceRow

logger = logging.getLogger(__name__)

COLLECTION_LABELS = {
    "website_content": "Website pages",
    "faq_content": "FAQ",
    "policy_docs": "Policies",
}
UPLOAD_ID = "content_upload"
POLL_SECONDS = 1.0
POLL_LIMIT_SECONDS = 30 * 60


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "never"
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return moment.strftime("%d %b %Y, %H:%M UTC")


def source_row(source: ContentSource) -> SourceRow:
    """One source as the table shows it."""
    return SourceRow(
        id=source.id or 0,
        source=source.source,
        title=source.title or source.source.rsplit("/", 1)[-1] or source.source,
        collection=COLLECTION_LABELS.get(source.collection, source.collection),
        chunks=source.chunk_count,
        ingested=_when(source.ingested_at),
        status=source.status,
        error=source.last_error or "",
        is_link=source.source.startswith(("http://", "https://")),
    )


def job_view(job: IngestJob) -> JobRow:
    """An ingest job's progress in words, with a percentage for the progress bar."""
    total, done = job.pages_total, job.pages_done
    percent = 100 if job.status == "done" else (int(done * 100 / total) if total else 0)
    messages = {
        "queued": "Waiting to start…",
        "running": job.message or "Reading pages…",
        "done": job.message or "Finished.",
        "failed": f"Could not add this: {job.message or 'unknown error'}",
    }
    return JobRow(
        id=job.id or 0,
        target=job.target.rsplit("/", 1)[-1] if job.target.startswith("/") else job.target,
        status=job.status,
        pages=f"{done} of {total} page(s)" if total else "",
        percent=percent,
        message=messages.get(job.status, job.message or ""),
        finished=job.status in ("done", "failed"),
    )


def passage_rows(passages: list[Any]) -> list[PassageRow]:
    """Retrieved passages with their scores, best first, as the page lists them."""
    return [
        PassageRow(
            title=p.title or p.url,
            url=p.url,
            section=p.section or "",
            score=f"{p.score:.2f}",
            text=p.text[:600] + ("…" if len(p.text) > 600 else ""),
            collection=COLLECTION_LABELS.get(p.collection, p.collection),
        )
        for p in passages
    ]


def _store_uploads(received: dict[str, bytearray]) -> tuple[list[str], list[str]]:
    """Save each uploaded file; the paths stored, and what was refused and why."""
    stored, problems = [], []
    for name, content in received.items():
        try:
            stored.append(str(content_jobs.store_content_file(name or "upload", bytes(content))))
        except UploadRefused as exc:
            problems.append(str(exc))
    return stored, problems


def _queue_job(target: str, collection: str, started_by: str) -> None:
    """Create the ingest job (the content service runs it on its own worker thread)."""
    with session_scope() as session:
        content_jobs.start_ingest(
            session=session, target=target, collection=collection, started_by=started_by
        )


def _queue_resync(source_id: int, started_by: str) -> None:
    """Create a re-sync job for one source; SourceNotFound when it is gone."""
    with session_scope() as session:
        content_jobs.start_resync(session=session, source_id=source_id, started_by=started_by)


class ContentState(AuthState):
    """Sources, running ingest jobs and the question tester."""

    sources: list[SourceRow] = []
    jobs: list[JobRow] = []
    loading: bool = True
    error: str = ""
    new_target: str = ""
    new_collection: str = "website_content"
    target_error: str = ""
    confirm_delete: int = 0
    starting: bool = False

    question: str = ""
    asking: bool = False
    answer_text: str = ""
    answer_declined: bool = False
    answer_sources: list[Citation] = []
    passages: list[PassageRow] = []
    asked: bool = False

    _watching: bool = False

    @rx.var
    def collection_options(self) -> list[str]:
        """The knowledge collections a source can go into."""
        return list(COLLECTIONS)

    @rx.var
    def running_jobs(self) -> bool:
        """True while something is being added or re-synced."""
        return any(not j.finished for j in self.jobs)

    def _reload_sources(self) -> None:
        with session_scope() as session:
            sources = content_jobs.list_sources(session=session)
            jobs = content_jobs.list_jobs(session=session, limit=5)
            self.sources = [source_row(s) for s in sources if s.status != "removed"]
            self.jobs = [job_view(j) for j in jobs]

    @rx.event
    def load(self) -> Any:
        """on_load: list sources and recent jobs; keep watching jobs that still run."""
        if self._current_admin() is None:
            return None
        try:
            self._reload_sources()
            self.error = ""
        except Exception:  # noqa: BLE001 - the page says so in words
            logger.exception("listing content failed")
            self.error = "The list of content could not be loaded. Try reloading the page."
        self.loading = False
        return ContentState.watch_jobs if self.running_jobs else None

    @rx.event
    def set_new_target(self, value: str) -> None:
        """The address typed into the add box."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.new_target = value
        self.target_error = ""

    @rx.event
    def set_new_collection(self, value: str) -> None:
        """Where new content goes (website pages, FAQ, policies)."""
        if not self._token_allows(ALL_ROLES):
            return None
        if value in COLLECTIONS:
            self.new_collection = value

    @rx.event
    def add_url(self) -> Any:
        """Start ingesting a page, a sitemap or a whole site from its address."""
        admin = self._require_role(EDIT_ROLES)
        if admin is None:
            return self._refusal()
        target = self.new_target.strip()
        if not target.startswith(("http://", "https://")):
            self.target_error = "Type a full web address, starting with https:// (or http://)."
            return None
        self.new_target = ""
        return [
            rx.toast.info("Adding it now; progress shows below."),
            ContentState.queue_ingest([target], self.new_collection),
        ]

    @rx.event(background=True)
    async def upload_files(self, chunks: rx.UploadChunkIterator) -> Any:
        """Store files as they stream in, then start ingesting each of them (in the background:
        a large upload does not hold up the rest of the dashboard)."""
        async with self:
            if self._require_role(EDIT_ROLES) is None:
                yield self._refusal()
                return
            collection = self.new_collection
        received: dict[str, bytearray] = {}
        async for chunk in chunks:
            received.setdefault(chunk.filename, bytearray()).extend(chunk.data)
        if not received:
            yield rx.toast.error("Choose a file first.")
            return
        stored, problems = await asyncio.to_thread(_store_uploads, received)
        yield rx.clear_selected_files(UPLOAD_ID)
        if stored:
            yield ContentState.queue_ingest(stored, collection)
        if problems:
            yield rx.toast.error("; ".join(problems))

    @rx.event(background=True)
    async def queue_ingest(self, targets: list[str], collection: str) -> Any:
        """Queue one ingest job per target off the event loop, then follow their progress."""
        async with self:
            admin = self._require_role(EDIT_ROLES)
            if admin is None or collection not in COLLECTIONS:
                return
            self.starting = True
            email = admin.email
        try:
            for target in targets:
                await asyncio.to_thread(_queue_job, target, collection, email)
        except Exception:  # noqa: BLE001 - said in words, logged with details
            logger.exception("could not queue an ingest")
            async with self:
                self.starting = False
                self.error = "That could not be added just now. Try again in a minute."
            return
        async with self:
            self.starting = False
            self._reload_sources()
        yield ContentState.watch_jobs

    @rx.event(background=True)
    async def resync(self, source_id: int) -> Any:
        """Fetch a source again now (only changed pages are re-embedded)."""
        async with self:
            admin = self._require_role(EDIT_ROLES)
            if admin is None:
                yield self._refusal()
                return
            email = admin.email
        try:
            await asyncio.to_thread(_queue_resync, int(source_id), email)
        except content_jobs.SourceNotFound:
            yield rx.toast.error("That source no longer exists.")
        async with self:
            self._reload_sources()
        yield ContentState.watch_jobs

    @rx.event
    def ask_delete(self, source_id: int) -> None:
        """First click on Delete: ask to confirm (0 cancels)."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.confirm_delete = source_id

    @rx.event
    def delete(self, source_id: int) -> Any:
        """Remove a source: the bot stops using its passages at once."""
        admin = self._require_role(EDIT_ROLES)
        self.confirm_delete = 0
        if admin is None:
            return self._refusal()
        try:
            with session_scope() as session:
                content_jobs.remove_source(session=session, source_id=int(source_id))
        except content_jobs.SourceNotFound:
            pass  # already gone: the reload below shows that
        except Exception:  # noqa: BLE001 - said in words, logged with details
            logger.exception("removing source %s failed", source_id)
            return rx.toast.error("That source could not be removed just now. Try again.")
        self._reload_sources()
        return rx.toast.success("Removed. The bot no longer answers from it.")

    @rx.event(background=True)
    async def watch_jobs(self) -> None:
        """Poll running jobs once a second and refresh the table until they finish."""
        async with self:
            if self._watching or self._current_admin() is None:
                return
            self._watching = True
        try:
            for _ in range(int(POLL_LIMIT_SECONDS / POLL_SECONDS)):
                await asyncio.sleep(POLL_SECONDS)
                async with self:
                    self._reload_sources()
                    if not self.running_jobs:
                        break
        finally:
            async with self:
                self._watching = False

    @rx.event
    def set_question(self, value: str) -> None:
        """The question typed into the tester."""
        if not self._token_allows(ALL_ROLES):
            return None
        self.question = value

    @rx.event(background=True)
    async def try_question(self) -> None:
        """Show the passages and scores the bot would use, and the answer it would give."""
        from app.services import knowledge, retrieval

        async with self:
            if self._current_admin() is None:
                return
            question = self.question.strip()
            if not question:
                return
            self.asking, self.asked = True, False
        try:
            answer = await asyncio.to_thread(knowledge.answer_question, question)
            passages = answer.passages or await asyncio.to_thread(
                retrieval.search, question, top_k=3
            )
        except Exception:  # noqa: BLE001 - said in words, logged with details
            logger.exception("try-a-question failed")
            async with self:
                self.asking = False
                self.asked = True
                self.answer_declined = True
                self.answer_text = "The knowledge base could not be searched just now. Has any content been added yet?"
                self.answer_sources, self.passages = [], []
            return
        async with self:
            self.answer_text = answer.text
            self.answer_declined = answer.declined
            self.answer_sources = list(answer.sources)
            self.passages = passage_rows(passages)
            self.asking = False
            self.asked = True
