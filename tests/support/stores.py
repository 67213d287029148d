"""A knowledge store's stand-in for the answer code's word checks: one collection of texts,
read the way `app.services.retrieval` reads a table's snapshot."""

from __future__ import annotations

from types import SimpleNamespace


class TextStore:
    """The texts as the website collection; the other collections are empty."""

    def __init__(self, *texts: str, title: str = "Page") -> None:
        self._snapshot = SimpleNamespace(
            version=id(self), texts=list(texts), titles=[title], sections=[None]
        )

    def snapshot(self, name: str):
        return self._snapshot if name == "website_content" else None
