"""Knowledge search and grounded answers (contract; implemented by the knowledge issue).

Used by `action_answer_question`, the admin "try a question" tool and the eval.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk with its fused score and where it comes from."""

    text: str
    score: float
    title: str
    url: str
    section: str | None
    collection: str


@dataclass(frozen=True)
class Answer:
    """What the bot says: the answer text (no citation in it), its sources, or a decline."""

    text: str
    sources: list[dict[str, str]] = field(default_factory=list)  # [{"title": ..., "url": ...}]
    declined: bool = False
    passages: list[Passage] = field(default_factory=list)


def search(query: str, *, top_k: int = 3, collections: list[str] | None = None) -> list[Passage]:
    """Hybrid (vector + full-text, fused) search across the collections."""
    raise NotImplementedError


def answer_question(
    question: str, *, info_type: str | None = None, threshold: float | None = None
) -> Answer:
    """Answer from the best passages, or decline when nothing clears the threshold."""
    raise NotImplementedError
