"""Loading sources (I/O only): HTTP fetches with limits and retries, files, FAQ files.

Everything that can go wrong with one source raises `SourceError` with a reason an admin
understands; the caller records it and carries on with the next source.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
)

from ingest.addresses import GuardedTransport
from ingest.documents import Document, SourceError
from ingest.extract import html_document, markdown_document, pdf_document

logger = logging.getLogger(__name__)

MAX_SOURCE_BYTES = 20 * 1024 * 1024
USER_AGENT = "BrightpathBot/1.0 (+knowledge ingest)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
PDF_TYPES = ("application/pdf",)
PAGE_SUFFIXES = {".html", ".htm", ".md", ".markdown", ".txt", ".pdf"}
FAQ_SUFFIXES = {".csv", ".json", ".yaml", ".yml"}
_NOT_CONTENT = {"robots.txt", "sitemap.xml", "package.json", "manifest.json"}


@dataclass(frozen=True)
class Fetched:
    """An HTTP response body with the URL it finally came from."""

    url: str
    content_type: str
    body: bytes


class _Retryable(Exception):
    """A transient failure (connection error, timeout, 5xx) worth another attempt."""


def http_client(*, timeout: float = 10.0) -> httpx.Client:
    """A client with polite timeouts, a bounded redirect chain and our user agent.

    Its transport refuses to connect to local and private addresses (`ingest.addresses`),
    on every redirect hop, sitemap entry and crawled link; no proxy from the environment.
    """
    return httpx.Client(
        transport=GuardedTransport(),
        timeout=httpx.Timeout(timeout, connect=5.0),
        follow_redirects=True,
        max_redirects=10,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,
    )


def fetch(client: httpx.Client, url: str, *, max_bytes: int = MAX_SOURCE_BYTES) -> Fetched:
    """GET a URL with retries for transient errors; SourceError with the reason otherwise."""
    try:
        return _fetch_with_retries(client, url, max_bytes)
    except _Retryable as exc:
        raise SourceError(str(exc)) from exc


@retry(
    retry=retry_if_exception_type(_Retryable),
    stop=stop_after_attempt(3),
    wait=wait_exponential(multiplier=0.2, max=2),
    reraise=True,
)
def _fetch_with_retries(client: httpx.Client, url: str, max_bytes: int) -> Fetched:
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 500:
                raise _Retryable(_http_error(response.status_code))
            if response.status_code >= 400:
                raise SourceError(_http_error(response.status_code))
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise SourceError(_too_large(declared, max_bytes))
            body = bytearray()
            for part in response.iter_bytes():
                body.extend(part)
                if len(body) > max_bytes:
                    raise SourceError(_too_large(len(body), max_bytes))
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(url=str(response.url), content_type=content_type, body=bytes(body))
    except httpx.InvalidURL as exc:
        raise SourceError(f"not a valid URL ({exc})") from exc
    except httpx.TooManyRedirects as exc:
        raise SourceError("redirect loop (more than 10 redirects)") from exc
    except httpx.TimeoutException as exc:
        raise _Retryable(f"timed out ({type(exc).__name__})") from exc
    except httpx.TransportError as exc:
        raise _Retryable(f"cannot connect ({exc})") from exc


def _http_error(status: int) -> str:
    # The standard phrase, not the server's own wording, so that reasons read the same.
    return f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".strip()


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({size / 1_048_576:.1f} MB; the limit is {max_bytes // 1_048_576} MB)"


def fetched_document(fetched: Fetched, *, source: str) -> Document:
    """The document in an HTTP response, by its content type; non-HTML pages are refused."""
    kind = fetched.content_type
    if kind in HTML_TYPES or (not kind and fetched.body.lstrip()[:1] == b"<"):
        return html_document(source, fetched.body.decode("utf-8", errors="replace"))
    if kind in PDF_TYPES:
        return pdf_document(source, fetched.body, name=source)
    if kind in TEXT_TYPES:
        text = fetched.body.decode("utf-8", errors="replace")
        return markdown_document(source, text, name=source)
    raise SourceError(f"not an HTML page or document (content type {kind or 'unknown'})")


def file_document(path: Path, *, source: str) -> Document:
    """The document in a local file (HTML, Markdown, text, PDF or an FAQ file)."""
    data = read_file(path)
    suffix = path.suffix.lower()
    if suffix in FAQ_SUFFIXES:
        pairs = faq_pairs(data, suffix=suffix)
        return Document(source=source, title=_faq_title(path), text="", faq_pairs=pairs)
    if suffix in (".html", ".htm"):
        return html_document(source, data.decode("utf-8", errors="replace"))
    if suffix == ".pdf":
        return pdf_document(source, data, name=path.name)
    if suffix in (".md", ".markdown", ".txt"):
        return markdown_document(source, data.decode("utf-8", errors="replace"), name=path.name)
    raise SourceError(f"unsupported file type {suffix or '(none)'}")


def read_file(path: Path, *, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """A file's bytes, refusing missing and oversized files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise SourceError("file not found") from exc
    if size > max_bytes:
        raise SourceError(_too_large(size, max_bytes))
    return path.read_bytes()


def list_folder(folder: Path) -> list[Path]:
    """Every supported file under a folder, sorted, hidden files skipped."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.suffix.lower() in PAGE_SUFFIXES | FAQ_SUFFIXES
        and path.name.lower() not in _NOT_CONTENT
    )


def faq_pairs(data: bytes, *, suffix: str) -> list[tuple[str, str]]:
    """Question–answer pairs from CSV (question,answer columns), JSON or YAML lists."""
    text = data.decode("utf-8-sig", errors="replace")
    try:
        if suffix == ".csv":
            rows: list = list(csv.DictReader(io.StringIO(text)))
        elif suffix == ".json":
            rows = json.loads(text)
        else:
            rows = yaml.safe_load(text)
    except (ValueError, yaml.YAMLError, csv.Error) as exc:
        raise SourceError(f"cannot parse the FAQ file ({exc})") from exc
    if isinstance(rows, dict):  # {"faq": [...]} or {"question": "answer", ...}
        rows = next((v for v in rows.values() if isinstance(v, list)), list(rows.items()))
    pairs = []
    for row in rows or []:
        if isinstance(row, dict):
            lowered = {str(k).strip().lower(): v for k, v in row.items()}
            question, answer = (
                lowered.get("question") or lowered.get("q"),
                (lowered.get("answer") or lowered.get("a")),
            )
        elif isinstance(row, list | tuple) and len(row) == 2:
            question, answer = row
        else:
            continue
        if question and answer:
            pairs.append((str(question).strip(), str(answer).strip()))
    if not pairs:
        raise SourceError("no question–answer pairs found (expected question and answer fields)")
    return pairs


def _faq_title(path: Path) -> str:
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "FAQ"
