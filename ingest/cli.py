"""`python -m ingest add|list|remove|resync`: the content CLI, with a progress bar and summary."""

from __future__ import annotations

import argparse
import logging
import sys

from tqdm import tqdm

from ingest.crawl import DEFAULT_PAGE_LIMIT
from ingest.embeddings import get_embedder
from ingest.service import (
    IngestSummary,
    find_sources,
    list_sources,
    remove_source,
    resync_source,
    run_ingest,
)
from ingest.store import COLLECTIONS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="ingest a URL, sitemap, site, file or folder")
    add.add_argument("target", help="page URL, sitemap.xml URL, site URL (--crawl), file or folder")
    add.add_argument(
        "--collection",
        choices=COLLECTIONS,
        help="where the content goes (default: FAQ, policy or website content, by page)",
    )
    add.add_argument("--base-url", help="the URL a folder is published at (used in citations)")
    add.add_argument("--crawl", action="store_true", help="follow same-site links from the URL")
    add.add_argument("--page-limit", type=int, default=DEFAULT_PAGE_LIMIT)
    add.add_argument(
        "--embedder", choices=("model", "fake"), default="model", help=argparse.SUPPRESS
    )
    commands.add_parser("list", help="show every content source")
    remove = commands.add_parser("remove", help="remove a source (id, URL, path or origin)")
    remove.add_argument("source")
    resync = commands.add_parser("resync", help="re-fetch a source and what its origin lists")
    resync.add_argument("source", help="source id, URL or path")
    resync.add_argument(
        "--embedder", choices=("model", "fake"), default="model", help=argparse.SUPPRESS
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one CLI command; the exit status is 1 when any source failed."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "list":
        _print_sources()
        return 0
    if args.command == "add":
        with _ProgressBar() as bar:
            summary = run_ingest(
                args.target,
                collection=args.collection,
                base_url=args.base_url,
                crawl=args.crawl,
                page_limit=args.page_limit,
                progress=bar.update,
                embedder=get_embedder(args.embedder),
            )
        _print_summary(summary)
        return 1 if summary.failures else 0
    source_ids = find_sources(args.source)
    if not source_ids:
        print(f"no content source matches {args.source!r} (see: python -m ingest list)")
        return 1
    if args.command == "remove":
        for source_id in source_ids:
            remove_source(source_id)
        print(f"removed {len(source_ids)} source(s)")
        return 0
    with _ProgressBar() as bar:
        summary = resync_source(
            source_ids[0], progress=bar.update, embedder=get_embedder(args.embedder)
        )
    _print_summary(summary)
    return 1 if summary.failures else 0


class _ProgressBar:
    """A tqdm bar fed by the ingest progress callback (its total is known after planning)."""

    def __enter__(self) -> _ProgressBar:
        self._bar = tqdm(total=0, unit="page", desc="ingesting", file=sys.stderr)
        return self

    def update(self, done: int, total: int, source: str) -> None:
        self._bar.total = total
        self._bar.set_postfix_str(source[-60:], refresh=False)
        self._bar.update(done - self._bar.n)

    def __exit__(self, *exc_info: object) -> None:
        self._bar.close()


def _print_summary(summary: IngestSummary) -> None:
    print(
        f"pages fetched: {summary.pages_fetched}  skipped unchanged: "
        f"{summary.pages_skipped_unchanged}  failed: {summary.pages_failed}  removed: "
        f"{summary.pages_removed}  chunks written: {summary.chunks_written} "
        f"(embedded: {summary.chunks_embedded})"
    )
    for source, reason in summary.failures:
        print(f"  failed: {source}: {reason}")


def _print_sources() -> None:
    rows = list_sources()
    if not rows:
        print("no content yet (python -m ingest add <url, sitemap, file or folder>)")
        return
    header = ("id", "status", "collection", "chunks", "ingested (UTC)", "source", "last error")
    table = [
        (
            str(row.id),
            row.status,
            row.collection,
            str(row.chunk_count),
            row.ingested_at.strftime("%Y-%m-%d %H:%M") if row.ingested_at else "-",
            row.source,
            row.last_error or "",
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *table]) for i in range(len(header) - 1)]
    for line in [header, *table]:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        print("  ".join([*cells, line[-1]]).rstrip())
