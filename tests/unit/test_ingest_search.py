"""Search: BM25 keyword index, hybrid fusion across collections, collection steering."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.documents import Chunk
from ingest.embeddings import FakeEmbedder
from ingest.keyword import BM25Index, terms
from ingest.search import BOOST, keyword_query, search
from ingest.store import KnowledgeStore, chunk_id

PAGES = {
    "website_content": [
        (
            "https://shop.example/hours",
            "Hours",
            "Opening hours",
            "We are open Monday to Friday from 9 to 5.",
        ),
        (
            "https://shop.example/parking",
            "Parking",
            "Parking",
            "Park in the Elm Street garage behind the shop.",
        ),
    ],
    "faq_content": [
        (
            "https://shop.example/faq",
            "FAQ",
            "Do you deliver?",
            "Do you deliver? Yes, within 10 miles of the shop.",
        ),
    ],
    "policy_docs": [
        (
            "https://shop.example/refunds",
            "Refunds",
            "Refunds",
            "Refunds are paid within 7 days of a return.",
        ),
    ],
}


@pytest.fixture
def store(tmp_path) -> KnowledgeStore:
    store = KnowledgeStore(tmp_path / "lancedb")
    embedder = FakeEmbedder()
    for collection, pages in PAGES.items():
        for url, title, section, text in pages:
            chunk = Chunk(text=text, url=url, title=title, section=section, position=0)
            store.replace_source(
                collection,
                url,
                [chunk],
                embedder.embed([chunk.embedding_text]),
                page_hash="h",
                embedder=embedder.name,
            )
        store.refresh_fts(collection)
    return store


def test_bm25_ranks_documents_with_more_of_the_rarer_query_terms_first():
    index = BM25Index(["parking garage on Elm", "garage sale today", "opening hours"])

    hits = index.search("where is the parking garage", limit=5)

    assert [doc for doc, _ in hits] == [0, 1]
    assert hits[0][1] > hits[1][1] > 0
    assert index.search("unicorn", limit=5) == []


def test_terms_drop_stop_words_and_stem_lightly():
    assert terms("Where are the parking spaces?") == ["park", "spac"]
    assert terms("business classes") == ["business", "class"]


def test_the_keyword_query_keeps_only_words():
    assert keyword_query("What's the price (in $)?") == "What s the price in $"


@pytest.mark.parametrize("mode", ["hybrid", "vector", "keyword"])
def test_every_mode_finds_the_parking_page_first(store: KnowledgeStore, mode: str):
    hits = search(store, FakeEmbedder(), "Elm Street garage parking", mode=mode)

    assert hits[0].url == "https://shop.example/parking"
    assert hits[0].title == "Parking" and hits[0].section == "Parking"
    assert hits[0].chunk_id == chunk_id(
        Chunk(
            text=PAGES["website_content"][1][3],
            url=hits[0].url,
            title="Parking",
            section="Parking",
            position=0,
        )
    )


def test_search_spans_all_three_collections(store: KnowledgeStore):
    found = {
        hit.collection for hit in search(store, FakeEmbedder(), "deliver refunds open", top_k=4)
    }

    assert found == {"website_content", "faq_content", "policy_docs"}


def test_lancedb_full_text_index_agrees_with_the_in_memory_one(store: KnowledgeStore):
    memory = search(store, FakeEmbedder(), "refunds paid days", mode="keyword")
    lancedb = search(
        store, FakeEmbedder(), "refunds paid days", mode="keyword", keyword_engine="lancedb"
    )

    assert memory[0].url == lancedb[0].url == "https://shop.example/refunds"


def test_a_boosted_collection_gets_a_bonus_but_never_hides_the_others(store: KnowledgeStore):
    plain = search(store, FakeEmbedder(), "shop", top_k=4)
    boosted = search(store, FakeEmbedder(), "shop", top_k=4, boost_collection="faq_content")

    faq = "https://shop.example/faq"
    plain_faq = next(hit for hit in plain if hit.url == faq)
    boosted_faq = next(hit for hit in boosted if hit.url == faq)
    assert boosted_faq.fused_score == pytest.approx(plain_faq.fused_score + BOOST, abs=1e-6)
    assert [h.url for h in boosted].index(faq) <= [h.url for h in plain].index(faq)
    assert {hit.url for hit in boosted} == {hit.url for hit in plain}


def test_rrf_fusion_orders_by_rank_and_keeps_cosine_similarity(store: KnowledgeStore):
    hits = search(store, FakeEmbedder(), "Elm Street garage parking", fusion="rrf")

    assert hits[0].url == "https://shop.example/parking"
    assert hits[0].fused_score == pytest.approx(1 / 61 + 0.5 / 61)
    vector = FakeEmbedder().embed_query("Elm Street garage parking")
    assert 0 < hits[0].similarity <= 1 and isinstance(vector, np.ndarray)


def test_an_empty_store_finds_nothing(tmp_path):
    assert search(KnowledgeStore(tmp_path / "empty"), FakeEmbedder(), "hours") == []


def test_the_fake_embedder_is_deterministic_and_normalised():
    first, second = (
        FakeEmbedder().embed(["parking garage"]),
        FakeEmbedder().embed(["parking garage"]),
    )

    assert first.shape == (1, 384)
    assert np.array_equal(first, second)
    assert np.linalg.norm(first[0]) == pytest.approx(1.0, abs=1e-5)


def test_query_embeddings_are_cached():
    class Counting(FakeEmbedder):
        calls = 0

        def embed(self, texts):
            Counting.calls += 1
            return super().embed(texts)

    embedder = Counting()
    embedder.embed_query("hours")
    embedder.embed_query("hours")
    embedder.embed_cached(["hours", "parking"])

    assert Counting.calls == 2
