"""Incremental ingest of a folder with the fake embedder: hashes, removal, failures, search."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlmodel import Session, select

from app.core.db import get_engine
from app.models import ContentSource
from app.models.citation import Citation
from app.services.knowledge import answer_question
from app.services.retrieval import search
from ingest.cli import main as cli
from ingest.embeddings import FakeEmbedder
from ingest.service import find_sources, remove_source, resync_source, run_ingest
from ingest.store import get_store

DEMO_SITE = Path(__file__).resolve().parents[2] / "demo" / "site"
BASE_URL = "http://localhost:3000/demo-site/"


class RecordingEmbedder(FakeEmbedder):
    """The fake embedder, remembering which texts it embedded."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed(self, texts):
        self.texts.extend(texts)
        return super().embed(texts)


@pytest.fixture
def site(tmp_path: Path, sqlite_db: str) -> Path:
    """A private copy of the demo website and an empty database."""
    copy = tmp_path / "site"
    shutil.copytree(DEMO_SITE, copy)
    return copy


def _sources() -> dict[str, ContentSource]:
    with Session(get_engine()) as session:
        return {row.source: row for row in session.exec(select(ContentSource)).all()}


def test_a_folder_is_ingested_under_its_published_urls(site: Path):
    summary = run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    rows = _sources()
    assert summary.pages_fetched == 8 and summary.pages_failed == 0
    assert (
        summary.chunks_written
        == summary.chunks_embedded
        == sum(r.chunk_count for r in rows.values())
    )
    assert BASE_URL in rows  # index.html is the folder's own URL
    hours = rows[BASE_URL + "hours-contact.html"]
    assert (hours.status, hours.collection, hours.title) == (
        "ok",
        "website_content",
        "Business hours and contact",
    )
    assert rows[BASE_URL + "faq.html"].collection == "faq_content"
    assert rows[BASE_URL + "privacy.html"].collection == "policy_docs"


def test_ingesting_the_same_folder_again_embeds_nothing(site: Path):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    embedder = RecordingEmbedder()

    summary = run_ingest(str(site), base_url=BASE_URL, embedder=embedder)

    assert summary.pages_skipped_unchanged == 8
    assert summary.chunks_embedded == 0 and embedder.texts == []


def test_an_upgraded_chunker_chunks_every_page_again(site: Path, monkeypatch):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    monkeypatch.setattr("ingest.service.pipeline_version", lambda: "a-newer-chunker")

    summary = run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    assert summary.pages_fetched == 8 and summary.pages_skipped_unchanged == 0
    again = run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    assert again.pages_skipped_unchanged == 8


def test_a_changed_page_is_the_only_one_re_embedded_and_answers_change(site: Path):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    page = site / "hours-contact.html"
    page.write_text(page.read_text().replace("9:00 am to 6:00 pm", "8:00 am to 7:00 pm"))
    embedder = RecordingEmbedder()

    summary = run_ingest(str(site), base_url=BASE_URL, embedder=embedder)

    assert summary.pages_skipped_unchanged == 7 and summary.pages_fetched == 8
    assert summary.chunks_embedded == len(embedder.texts) == 1  # only the changed chunk
    assert embedder.texts[0].startswith("Business hours and contact – Business hours")
    passages = search("business hours monday friday", embedder=embedder)
    assert "8:00 am to 7:00 pm" in passages[0].text


def test_a_page_gone_from_the_folder_is_removed_with_its_chunks(site: Path):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    (site / "location.html").unlink()

    summary = run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    assert summary.pages_removed == 1
    assert _sources()[BASE_URL + "location.html"].status == "removed"
    urls = {
        p.url
        for p in search("Market Street Garage parking validate", top_k=10, embedder=FakeEmbedder())
    }
    assert BASE_URL + "location.html" not in urls


def test_a_bad_file_is_reported_and_the_rest_still_ingested(site: Path):
    (site / "empty.md").write_text("   ")

    summary = run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    assert summary.pages_fetched == 8
    assert summary.failures == [(BASE_URL + "empty.md", "the file is empty")]
    assert _sources()[BASE_URL + "empty.md"].last_error == "the file is empty"


def test_a_page_that_breaks_keeps_its_chunks_until_it_is_fixed(site: Path):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    (site / "about.html").write_text("")

    summary = run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    row = _sources()[BASE_URL + "about.html"]
    assert (row.status, row.last_error) == ("failed", "no readable text on the page")
    assert summary.pages_removed == 0
    urls = {p.url for p in search("Maya Chen founded", embedder=FakeEmbedder())}
    assert BASE_URL + "about.html" in urls


def test_a_missing_target_is_reported_not_raised(sqlite_db: str):
    summary = run_ingest("/no/such/folder", embedder=FakeEmbedder())

    assert summary.failures == [("/no/such/folder", "no such file or folder: /no/such/folder")]


def test_remove_and_resync_a_source(site: Path):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())
    source_id = find_sources(BASE_URL + "faq.html")[0]

    remove_source(source_id)

    assert _sources()[BASE_URL + "faq.html"].status == "removed"
    assert get_store().count("faq_content") == 0
    summary = resync_source(source_id, embedder=FakeEmbedder())
    assert summary.pages_fetched == 8 and summary.pages_skipped_unchanged == 7
    assert _sources()[BASE_URL + "faq.html"].status == "ok"
    assert get_store().count("faq_content") == _sources()[BASE_URL + "faq.html"].chunk_count


def test_answers_cite_the_page_and_unrelated_questions_are_declined(site: Path, seeded: Session):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    answer = answer_question(
        "What are your business hours?", threshold=0.2, embedder=FakeEmbedder()
    )
    unknown = answer_question("zebra quantum xylophone", threshold=0.2, embedder=FakeEmbedder())

    assert not answer.declined
    assert "9:00 am to 6:00 pm" in answer.text
    assert answer.sources[0] == Citation(
        title="Business hours and contact", url=BASE_URL + "hours-contact.html"
    )
    assert len(answer.text) < len(answer.passages[0].text) + 200  # sentences, not the page
    assert unknown.declined and unknown.sources == []
    assert unknown.text == (
        "I'm sorry, I couldn't find that on our website. You can call us at "
        "+1 (555) 010-4242 or email hello@brightpath.example."
    )


def test_cli_add_list_and_remove(site: Path, capsys: pytest.CaptureFixture[str]):
    assert cli(["add", str(site), "--base-url", BASE_URL, "--embedder", "fake"]) == 0
    added = capsys.readouterr().out
    assert cli(["list"]) == 0
    listed = capsys.readouterr().out
    assert cli(["remove", BASE_URL + "about.html"]) == 0

    assert "pages fetched: 8  skipped unchanged: 0  failed: 0" in added
    assert "hours-contact.html" in listed and "website_content" in listed
    assert listed.splitlines()[0].split()[:4] == ["id", "status", "collection", "chunks"]
    assert _sources()[BASE_URL + "about.html"].status == "removed"


def test_an_info_type_steers_but_never_blocks_an_answer(site: Path, seeded: Session):
    run_ingest(str(site), base_url=BASE_URL, embedder=FakeEmbedder())

    answer = answer_question(
        "What are your business hours?", info_type="privacy", threshold=0.2, embedder=FakeEmbedder()
    )

    assert not answer.declined
    assert "9:00 am to 6:00 pm" in answer.text
