"""Main-content extraction: HTML (trafilatura), PDF (pypdf), Markdown and plain text.

Pure functions over bytes already loaded; navigation, footers and cookie banners are
dropped by trafilatura's boilerplate removal, headings are kept as Markdown.
"""

from __future__ import annotations

import io
import logging
import re

import trafilatura
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ingest.documents import Document, SourceError

logger = logging.getLogger(__name__)

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
# trafilatura keeps the site name in some titles ("Prices – Example Ltd"); the page part is enough.
_TITLE_SUFFIX = re.compile(r"\s+[–—|-]\s+[^–—|-]+$")


def html_document(source: str, html: str) -> Document:
    """The page's title and main content as Markdown; SourceError when there is none."""
    text = trafilatura.extract(
        html,
        url=source,
        output_format="markdown",
        include_tables=True,
        include_links=False,
        include_images=False,
        include_comments=False,
        favor_recall=True,
        with_metadata=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise SourceError("no readable text on the page")
    metadata = trafilatura.extract_metadata(html, default_url=source)
    title = (metadata.title if metadata and metadata.title else "") or _first_heading(text)
    return Document(source=source, title=_clean_title(title) or source, text=text.strip())


def pdf_document(source: str, data: bytes, *, name: str) -> Document:
    """The text of every page of a PDF; SourceError for a scanned or empty PDF."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise SourceError(f"unreadable PDF ({exc})") from exc
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise SourceError("no text in PDF (scanned images only, or empty)")
    title = ""
    if reader.metadata and reader.metadata.title:
        title = str(reader.metadata.title)
    return Document(source=source, title=title or _name_as_title(name), text=text)


def markdown_document(source: str, text: str, *, name: str) -> Document:
    """A Markdown or plain-text file; its first heading (or file name) is the title."""
    if not text.strip():
        raise SourceError("the file is empty")
    return Document(source=source, title=_first_heading(text) or _name_as_title(name), text=text)


def _first_heading(text: str) -> str:
    match = _MARKDOWN_HEADING.search(text)
    return match.group(1).strip() if match else ""


def _clean_title(title: str) -> str:
    return _TITLE_SUFFIX.sub("", title.strip()) if title else ""


def _name_as_title(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or name
