"""Ingest entry points shared by the CLI, the admin API and the dashboard (contract;
implemented by the knowledge issue)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class IngestSummary:
    pages_fetched: int = 0
    pages_skipped_unchanged: int = 0
    pages_failed: int = 0
    pages_removed: int = 0
    chunks_written: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)


ProgressCallback = Callable[[int, int, str], None]  # (done, total, current source)


def run_ingest(
    target: str, *, collection: str = "website_content", progress: ProgressCallback | None = None
) -> IngestSummary:
    """Ingest a URL, sitemap, site, file or folder; incremental by content hash."""
    raise NotImplementedError


def resync_source(source_id: int, *, progress: ProgressCallback | None = None) -> IngestSummary:
    """Re-fetch one source (and, for a sitemap/site origin, what it lists)."""
    raise NotImplementedError


def remove_source(source_id: int) -> None:
    """Delete a source's chunks from LanceDB and mark it removed."""
    raise NotImplementedError
