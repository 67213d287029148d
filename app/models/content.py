"""Ingested content: one row per page or file the bot knows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.task_config import utcnow

COLLECTIONS = ("website_content", "faq_content", "policy_docs")
"""The knowledge base's collections (ingest.store keeps one LanceDB table per name)."""


class ContentSource(SQLModel, table=True):
    """A page URL or a file name, its collection, hash, chunk count and ingest status."""

    __tablename__ = "content_sources"
    __table_args__ = (UniqueConstraint("source", "collection", name="uq_source_collection"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(index=True, max_length=2000)  # URL or file path/name
    collection: str = Field(default="website_content", max_length=50)
    title: str | None = Field(default=None, max_length=500)
    origin: str | None = Field(
        default=None, max_length=2000
    )  # the sitemap/site/folder it came from
    content_hash: str | None = Field(default=None, max_length=64)
    chunk_count: int = 0
    status: str = Field(default="pending", max_length=20)  # pending, ok, failed, removed
    last_error: str | None = None
    ingested_at: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class IngestJob(SQLModel, table=True):
    """A background ingest started from the API or the dashboard, with its progress."""

    __tablename__ = "ingest_jobs"

    id: int | None = Field(default=None, primary_key=True)
    target: str = Field(max_length=2000)
    collection: str = Field(default="website_content", max_length=50)
    status: str = Field(default="queued", max_length=20)  # queued, running, done, failed
    pages_total: int = 0
    pages_done: int = 0
    pages_skipped: int = 0
    pages_failed: int = 0
    chunks_written: int = 0
    message: str | None = None
    started_by: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    finished_at: dt.datetime | None = None
