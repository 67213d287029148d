"""Knowledge search and grounded answers.

Used by `action_answer_question`, the admin "try a question" tool and the eval. An answer
is only ever built from the business's own passages: the few sentences that answer the
question, with the pages they come from; otherwise the bot declines and offers a contact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.models import BotSettingsPublic
from ingest.chunking import split_sentences
from ingest.embeddings import Embedder, get_embedder
from ingest.search import search as search_chunks
from ingest.store import KnowledgeStore, get_store

# How a candidate sentence is scored against the question (see `select_sentences`);
# weights chosen on eval/qa_dataset.yaml (eval/results/qa_eval.md).
SENTENCE_WEIGHT = 0.5
PASSAGE_WEIGHT = 0.4
OVERLAP_WEIGHT = 0.1
SENTENCE_MARGIN = 0.12  # sentences this close to the best one are said too
MAX_SENTENCES = 2
MAX_ANSWER_CHARS = 420
_SHORT_SENTENCE_WORDS = 4  # "Yes." reads as an answer only with the sentence after it
_WORD = re.compile(r"[a-z0-9$]+")

# An NLU entity may steer towards a collection; it never filters the others out.
_INFO_TYPE_COLLECTIONS = {
    "faq": "faq_content",
    "policy": "policy_docs",
    "privacy": "policy_docs",
    "cancellation": "policy_docs",
    "refund": "policy_docs",
    "booking_policy": "policy_docs",
    "hours": "website_content",
    "prices": "website_content",
    "services": "website_content",
    "location": "website_content",
    "contact": "website_content",
}


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk with its relevance score and where it comes from.

    `score` is the cosine similarity to the question (what the threshold applies to);
    `fused_score` is the reciprocal-rank-fusion score the passages are ordered by.
    """

    text: str
    score: float
    title: str
    url: str
    section: str | None
    collection: str
    fused_score: float = 0.0


@dataclass(frozen=True)
class Answer:
    """What the bot says: the answer text (no citation in it), its sources, or a decline."""

    text: str
    sources: list[dict[str, str]] = field(default_factory=list)  # [{"title": ..., "url": ...}]
    declined: bool = False
    passages: list[Passage] = field(default_factory=list)
    score: float = 0.0  # the best sentence's score, compared with the answer threshold


def search(
    query: str,
    *,
    top_k: int = 3,
    collections: list[str] | None = None,
    boost_collection: str | None = None,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> list[Passage]:
    """Hybrid (vector + full-text, fused) search across the collections."""
    hits = search_chunks(
        store or get_store(),
        embedder or get_embedder(),
        query,
        top_k=top_k,
        collections=collections,
        boost_collection=boost_collection,
    )
    return [
        Passage(
            text=hit.text,
            score=round(hit.similarity, 4),
            title=hit.title,
            url=hit.url,
            section=hit.section,
            collection=hit.collection,
            fused_score=round(hit.fused_score, 6),
        )
        for hit in hits
    ]


def answer_question(
    question: str,
    *,
    info_type: str | None = None,
    threshold: float | None = None,
    embedder: Embedder | None = None,
    store: KnowledgeStore | None = None,
) -> Answer:
    """Answer from the best passages, or decline when nothing clears the threshold."""
    from app.services.config import get_bot_settings

    settings = get_bot_settings()
    threshold = settings.answer_threshold if threshold is None else threshold
    embedder = embedder or get_embedder()
    boost = _INFO_TYPE_COLLECTIONS.get((info_type or "").strip().lower())
    passages = search(question, top_k=3, boost_collection=boost, embedder=embedder, store=store)
    chosen, score = select_sentences(question, passages, embedder=embedder)
    if not question.strip() or not chosen or score < threshold:
        return _decline(settings, passages, score)
    sources: list[dict[str, str]] = []
    for passage, _ in chosen:
        source = {"title": passage.title, "url": passage.url}
        if source not in sources:
            sources.append(source)
    return Answer(
        text=" ".join(sentence for _, sentence in chosen),
        sources=sources,
        passages=passages,
        score=round(score, 4),
    )


def select_sentences(
    question: str, passages: list[Passage], *, embedder: Embedder
) -> tuple[list[tuple[Passage, str]], float]:
    """The sentences that best answer the question, in reading order, and the best score.

    A sentence's score blends its similarity to the question with its passage's (a
    sentence is read in its passage's context) plus a little for shared words; it is what
    the answer threshold applies to: passages on the topic that do not contain an answering
    sentence score low, and the bot declines.
    """
    candidates = [
        (index, position, sentence)
        for index, passage in enumerate(passages)
        for position, sentence in enumerate(_answer_sentences(passage.text))
    ]
    if not candidates:
        return [], 0.0
    vectors = embedder.embed_cached([sentence for _, _, sentence in candidates])
    question_vector = embedder.embed_query(question)
    question_words = _content_words(question)
    scored = []
    for (index, position, sentence), vector in zip(candidates, vectors, strict=True):
        overlap = _overlap(question_words, _content_words(sentence))
        score = (
            SENTENCE_WEIGHT * float(vector @ question_vector)
            + PASSAGE_WEIGHT * passages[index].score
            + OVERLAP_WEIGHT * overlap
        )
        scored.append((score, index, position, sentence))
    scored.sort(reverse=True)
    best = scored[0][0]
    chosen = [item for item in scored[:MAX_SENTENCES] if item[0] >= best - SENTENCE_MARGIN]
    chosen.sort(key=lambda item: (item[1], item[2]))
    result: list[tuple[Passage, str]] = []
    length = 0
    for _, index, _, sentence in chosen:
        if result and length + len(sentence) > MAX_ANSWER_CHARS:
            break
        result.append((passages[index], sentence))
        length += len(sentence) + 1
    return result, best


def _answer_sentences(text: str) -> list[str]:
    """A passage's sentences that can be said: no questions; "Yes." joined to what follows."""
    sentences: list[str] = []
    pending = ""
    for sentence in split_sentences(text):
        if sentence.endswith("?"):
            continue
        if len(sentence.split()) < _SHORT_SENTENCE_WORDS and not pending:
            pending = sentence
            continue
        sentences.append(f"{pending} {sentence}".strip())
        pending = ""
    if pending:
        sentences.append(pending)
    return sentences


_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "do",
        "does",
        "did",
        "you",
        "your",
        "we",
        "our",
        "us",
        "i",
        "me",
        "my",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "with",
        "from",
        "by",
        "can",
        "what",
        "when",
        "where",
        "which",
        "who",
        "how",
        "much",
        "many",
        "there",
        "it",
        "this",
        "that",
        "have",
        "has",
        "any",
        "about",
    ]
)


def _content_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _STOP_WORDS}


def _overlap(question_words: set[str], sentence_words: set[str]) -> float:
    if not question_words:
        return 0.0
    return len(question_words & sentence_words) / len(question_words)


def _decline(settings: BotSettingsPublic, passages: list[Passage], score: float) -> Answer:
    """The plain "I don't know" with the contact options from settings."""
    text = settings.fallback_text.strip()
    contact = settings.contact_line
    if contact:
        text = f"{text} You can {contact}."
    return Answer(text=text, declined=True, passages=passages, score=round(score, 4))
