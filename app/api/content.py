"""The bot's knowledge: ingest pages, sitemaps or files in the background, list, re-sync, remove.

POST /api/content/ingest takes JSON `{"url": ..., "collection": ...}` or a multipart upload
(`file`, optional `collection`) and answers 202 with the job to poll at
GET /api/content/jobs/{job_id}.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError, field_validator

from app.api.auth_deps import (
    INVALID_FIELDS,
    STAFF_ERRORS,
    CurrentAdmin,
    EditorAccess,
    error_responses,
)
from app.api.deps import SessionDep
from app.models import COLLECTIONS
from app.services import content_jobs
from app.services.uploads import UploadRefused

router = APIRouter(responses=STAFF_ERRORS)
NOT_FOUND = error_responses(404)

# A Literal gives the OpenAPI schema an enum.
Collection = Literal[COLLECTIONS]  # type: ignore[valid-type]


class IngestRequest(BaseModel):
    """A page, a sitemap or a whole site to read into the knowledge base."""

    url: str = Field(max_length=2000, examples=["https://www.example.com/sitemap.xml"])
    collection: Collection = "website_content"

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("http://", "https://")) or len(value) < 11 or " " in value:
            raise ValueError("give a web address starting with http:// or https://")
        return value


class JobAccepted(BaseModel):
    job_id: int
    status: str


class IngestJobPublic(BaseModel):
    id: int
    target: str
    collection: str
    status: str
    pages_total: int
    pages_done: int
    pages_skipped: int
    pages_failed: int
    chunks_written: int
    message: str | None
    started_by: str | None
    created_at: dt.datetime
    finished_at: dt.datetime | None


class ContentSourcePublic(BaseModel):
    id: int
    source: str
    collection: str
    title: str | None
    origin: str | None
    chunk_count: int
    status: str
    last_error: str | None
    ingested_at: dt.datetime | None
    created_at: dt.datetime


def _unprocessable(field: str, message: str) -> HTTPException:
    return HTTPException(
        status.HTTP_422_UNPROCESSABLE_CONTENT,
        detail=[{"loc": ["body", field], "msg": message, "type": "value_error"}],
    )


async def _target_from_upload(request: Request) -> tuple[str, str]:
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise _unprocessable("file", "attach the file to ingest as form field 'file'")
    collection = str(form.get("collection") or "website_content")
    if collection not in COLLECTIONS:
        raise _unprocessable("collection", f"use one of {', '.join(COLLECTIONS)}")
    try:
        content = await upload.read()
        path = await run_in_threadpool(
            content_jobs.store_content_file, upload.filename or "", content
        )
    except UploadRefused as exc:
        raise _unprocessable("file", str(exc)) from exc
    return str(path), collection


async def _target_from_json(request: Request) -> tuple[str, str]:
    try:
        body = IngestRequest.model_validate(json.loads(await request.body() or b"null"))
    except (ValueError, ValidationError) as exc:
        if isinstance(exc, ValidationError):
            error = exc.errors()[0]
            field = ".".join(str(p) for p in error["loc"]) or "url"
            raise _unprocessable(field, error["msg"].removeprefix("Value error, ")) from exc
        raise _unprocessable("url", 'send JSON like {"url": "https://…"}') from exc
    return body.url, body.collection


_INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": IngestRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "collection": {"type": "string", "enum": list(COLLECTIONS)},
                    },
                }
            },
        },
    }
}


@router.post(
    "/ingest",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Add a page, sitemap or file to the knowledge base",
    openapi_extra=_INGEST_BODY,
    responses=INVALID_FIELDS,
)
async def ingest(request: Request, user: EditorAccess, session: SessionDep) -> JobAccepted:
    """Runs in the background; poll GET /api/content/jobs/{job_id} for progress."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        target, collection = await _target_from_upload(request)
    else:
        target, collection = await _target_from_json(request)
    job = await run_in_threadpool(
        content_jobs.start_ingest,
        session=session,
        target=target,
        collection=collection,
        started_by=user.email,
    )
    return JobAccepted(job_id=job.id, status=job.status)


@router.get("/jobs", summary="Recent ingest jobs")
def list_jobs(user: CurrentAdmin, session: SessionDep) -> list[IngestJobPublic]:
    jobs = content_jobs.list_jobs(session=session)
    return [IngestJobPublic.model_validate(job, from_attributes=True) for job in jobs]


@router.get("/jobs/{job_id}", summary="An ingest job's status and progress", responses=NOT_FOUND)
def read_job(job_id: int, user: CurrentAdmin, session: SessionDep) -> IngestJobPublic:
    job = content_jobs.get_job(session=session, job_id=job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"No ingest job {job_id}.")
    return IngestJobPublic.model_validate(job, from_attributes=True)


@router.get("/sources", summary="Every page and file the bot knows")
def list_sources(
    user: CurrentAdmin, session: SessionDep, collection: Collection | None = None
) -> list[ContentSourcePublic]:
    sources = content_jobs.list_sources(session=session, collection=collection)
    return [ContentSourcePublic.model_validate(s, from_attributes=True) for s in sources]


def _source_not_found(source_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"No content source {source_id}.")


@router.delete(
    "/sources/{source_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a source from the knowledge base",
    responses=NOT_FOUND,
)
def delete_source(source_id: int, user: EditorAccess, session: SessionDep) -> None:
    """The bot stops citing it from the next question."""
    try:
        content_jobs.remove_source(session=session, source_id=source_id)
    except content_jobs.SourceNotFound as exc:
        raise _source_not_found(source_id) from exc


@router.post(
    "/sources/{source_id}/resync",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Read a source again",
    responses=NOT_FOUND,
)
def resync_source(source_id: int, user: EditorAccess, session: SessionDep) -> JobAccepted:
    """Runs in the background like an ingest; unchanged pages are skipped by content hash."""
    try:
        job = content_jobs.start_resync(session=session, source_id=source_id, started_by=user.email)
    except content_jobs.SourceNotFound as exc:
        raise _source_not_found(source_id) from exc
    return JobAccepted(job_id=job.id, status=job.status)
