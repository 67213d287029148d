"""The real model end to end: the demo website served locally, ingested through its sitemap,
answered with citations, re-ingested incrementally, bad sources reported with reasons."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfWriter

from app.core.settings import reset_settings_cache
from app.models.citation import Citation
from app.services.knowledge import answer_question
from app.services.retrieval import search
from demo.serve import serve_in_background
from ingest.embeddings import ModelEmbedder, get_embedder
from ingest.service import run_ingest
from tests.conftest import require_service

pytestmark = pytest.mark.integration

DEMO_SITE = Path(__file__).resolve().parents[2] / "demo" / "site"


class RecordingEmbedder:
    """The shared real model, remembering which texts this run embedded."""

    def __init__(self, model: ModelEmbedder) -> None:
        self._model = model
        self.name, self.dimension = model.name, model.dimension
        self.texts: list[str] = []

    def embed(self, texts):
        self.texts.extend(texts)
        return self._model.embed(texts)

    def embed_query(self, text):
        return self._model.embed_query(text)

    def embed_cached(self, texts):
        return self._model.embed_cached(texts)


@pytest.fixture(scope="module")
def model() -> ModelEmbedder:
    try:
        embedder = get_embedder("model")
        embedder.embed_query("warm up")
    except Exception as exc:  # noqa: BLE001 - any failure means the model is unusable here
        require_service("embedding model", f"{type(exc).__name__}: {exc}")
    return embedder  # type: ignore[return-value]


@pytest.fixture
def served_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """A private copy of demo/site served by demo/serve.py on a free port (allowed for ingest)."""
    copy = tmp_path / "site"
    shutil.copytree(DEMO_SITE, copy)
    server = serve_in_background(copy, port=0)
    monkeypatch.setenv("INGEST_ALLOWED_HOSTS", f"127.0.0.1:{server.server_address[1]}")
    reset_settings_cache()
    try:
        yield copy, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_sitemap_ingest_answers_with_citation_and_stays_incremental(
    model: ModelEmbedder, served_site: tuple[Path, str], seeded
):
    folder, base = served_site
    sitemap = base + "sitemap.xml"

    first = run_ingest(sitemap, embedder=RecordingEmbedder(model))
    hours = answer_question("What are your business hours?")
    unknown = answer_question("Do you sell pizza?")

    assert (first.pages_fetched, first.pages_failed) == (8, 0)
    assert not hours.declined
    assert "9:00 am to 6:00 pm" in hours.text
    assert hours.sources[0] == Citation(
        title="Business hours and contact", url=base + "hours-contact.html"
    )
    assert unknown.declined and unknown.sources == []
    assert "+1 (555) 010-4242" in unknown.text

    again = RecordingEmbedder(model)
    second = run_ingest(sitemap, embedder=again)
    assert second.pages_skipped_unchanged == 8 and second.chunks_embedded == 0
    assert again.texts == []

    page = folder / "hours-contact.html"
    page.write_text(page.read_text().replace("10:00 am to 4:00 pm", "11:00 am to 3:00 pm"))
    changed = RecordingEmbedder(model)
    third = run_ingest(sitemap, embedder=changed)
    assert third.pages_skipped_unchanged == 7
    assert changed.texts and all(t.startswith("Business hours and contact") for t in changed.texts)
    passages = search("Saturday opening hours", top_k=3)
    from_hours_page = [p.text for p in passages if p.url == base + "hours-contact.html"]
    assert from_hours_page and "11:00 am to 3:00 pm" in from_hours_page[0]


def test_a_404_and_a_pdf_without_text_are_reported_and_the_rest_ingested(
    model: ModelEmbedder, served_site: tuple[Path, str], seeded
):
    folder, base = served_site
    (folder / "brochure.pdf").write_bytes(_blank_pdf())
    sitemap = folder / "sitemap.xml"
    extra = (
        "  <url><loc>http://localhost:3000/demo-site/missing.html</loc></url>\n"
        "  <url><loc>http://localhost:3000/demo-site/brochure.pdf</loc></url>\n</urlset>"
    )
    sitemap.write_text(sitemap.read_text().replace("</urlset>", extra))

    summary = run_ingest(base + "sitemap.xml", embedder=RecordingEmbedder(model))

    assert summary.pages_fetched == 8 and summary.pages_failed == 2
    assert sorted(summary.failures) == [
        (base + "brochure.pdf", "no text in PDF (scanned images only, or empty)"),
        (base + "missing.html", "HTTP 404 Not Found"),
    ]
    assert "9:00 am" in answer_question("When do you open on weekdays?").text
