"""The shapes that flow through ingestion: a loaded document and its chunks."""

from __future__ import annotations

from dataclasses import dataclass, field


class SourceError(Exception):
    """A source that cannot be ingested; `reason` is shown to the admin as is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    """One page or file after extraction: its citation URL, title and main text (Markdown).

    An FAQ file becomes one document whose `faq_pairs` are chunked one pair per chunk.
    """

    source: str
    title: str
    text: str
    faq_pairs: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Chunk:
    """A passage to embed, with where it comes from."""

    text: str
    url: str
    title: str
    section: str | None
    position: int

    @property
    def embedding_text(self) -> str:
        """What is embedded and indexed: title and section give short passages their context."""
        heading = " – ".join(part for part in (self.title, self.section) if part)
        return f"{heading}\n{self.text}" if heading else self.text
