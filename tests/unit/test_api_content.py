"""Content API: background ingest jobs (URL and upload), their status, sources, re-sync, remove.

`ingest.service` is replaced by a fake that records its calls: these tests are about the API
and the job lifecycle, not about reading web pages.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlmodel import Session

from app.core.db import get_engine
from app.models import ContentSource, Role
from app.services import content_jobs
from ingest import service as ingest_service
from ingest.service import IngestSummary
from tests.unit.test_api_auth import add_staff, auth_header


class FakeIngest:
    """Stands in for ingest.service; `release` lets a test see a job while it runs."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.release = threading.Event()
        self.release.set()
        self.started = threading.Event()
        self.error: Exception | None = None

    def run_ingest(self, target, *, collection="website_content", progress=None):
        self.calls.append(("run_ingest", target, collection))
        if progress:
            progress(1, 2, target)
        self.started.set()  # after the first progress report is stored
        self.release.wait(10)
        if self.error:
            raise self.error
        return IngestSummary(
            pages_fetched=1,
            pages_skipped_unchanged=1,
            chunks_written=7,
            failures=[],
        )

    def resync_source(self, source_id, *, progress=None):
        self.calls.append(("resync_source", source_id))
        return IngestSummary(pages_fetched=1, chunks_written=2)

    def remove_source(self, source_id):
        self.calls.append(("remove_source", source_id))


@pytest.fixture
def fake_ingest(monkeypatch):
    fake = FakeIngest()
    for name in ("run_ingest", "resync_source", "remove_source"):
        monkeypatch.setattr(ingest_service, name, getattr(fake, name))
    yield fake
    fake.release.set()
    with Session(get_engine()) as session:
        for job in content_jobs.list_jobs(session=session, limit=1000):
            assert content_jobs.wait_for_job(job.id, timeout=10)


@pytest.fixture
def editor(api_client):
    return auth_header(add_staff(Role.editor))


def _job(client, headers, job_id):
    assert content_jobs.wait_for_job(job_id, timeout=10)
    response = client.get(f"/api/content/jobs/{job_id}", headers=headers)
    assert response.status_code == 200
    return response.json()


def test_ingest_a_url_runs_in_the_background(api_client, editor, fake_ingest):
    fake_ingest.release.clear()
    accepted = api_client.post(
        "/api/content/ingest",
        headers=editor,
        json={"url": "https://www.example.com/sitemap.xml", "collection": "faq_content"},
    )
    assert accepted.status_code == 202
    job_id = accepted.json()["job_id"]
    assert fake_ingest.started.wait(10)
    running = api_client.get(f"/api/content/jobs/{job_id}", headers=editor).json()
    assert running["status"] == "running"
    assert (running["pages_done"], running["pages_total"]) == (1, 2)
    fake_ingest.release.set()
    done = _job(api_client, editor, job_id)
    assert done["status"] == "done"
    assert done["chunks_written"] == 7
    assert done["pages_skipped"] == 1
    assert done["started_by"] == "editor@example.com"
    assert done["finished_at"] is not None
    assert fake_ingest.calls == [
        ("run_ingest", "https://www.example.com/sitemap.xml", "faq_content")
    ]
    listed = api_client.get("/api/content/jobs", headers=editor).json()
    assert [j["id"] for j in listed] == [job_id]


def test_a_failing_ingest_marks_the_job_failed_with_the_reason(api_client, editor, fake_ingest):
    fake_ingest.error = RuntimeError("site answered 503")
    job_id = api_client.post(
        "/api/content/ingest", headers=editor, json={"url": "https://down.example.com/"}
    ).json()["job_id"]
    job = _job(api_client, editor, job_id)
    assert job["status"] == "failed"
    assert "503" in job["message"]


def test_upload_a_file(api_client, editor, fake_ingest, isolated_env):
    response = api_client.post(
        "/api/content/ingest",
        headers=editor,
        files={"file": ("Price list 2026.md", b"# Prices\nConsultation: $50", "text/markdown")},
        data={"collection": "policy_docs"},
    )
    assert response.status_code == 202, response.text
    assert _job(api_client, editor, response.json()["job_id"])["status"] == "done"
    (call,) = fake_ingest.calls
    stored = Path(call[1])
    assert call[2] == "policy_docs"
    assert stored.parent == isolated_env / "uploads"
    assert stored.name.endswith("-Price-list-2026.md")
    assert stored.read_bytes() == b"# Prices\nConsultation: $50"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"json": {"url": "ftp://example.com/x"}}, "url"),
        ({"json": {"url": "https://example.com", "collection": "secrets"}}, "collection"),
        ({"json": {}}, "url"),
        ({"content": b"not json", "headers": {"content-type": "application/json"}}, "url"),
        ({"files": {"file": ("tool.exe", b"MZ...", "application/octet-stream")}}, "file"),
        ({"files": {"file": ("empty.pdf", b"", "application/pdf")}}, "file"),
        ({"files": {"other": ("a.md", b"x", "text/markdown")}}, "file"),
    ],
)
def test_bad_ingest_requests_are_422_naming_the_field(
    api_client, editor, fake_ingest, kwargs, field
):
    headers = {**editor, **kwargs.pop("headers", {})}
    response = api_client.post("/api/content/ingest", headers=headers, **kwargs)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][-1] == field
    assert fake_ingest.calls == []


def test_upload_over_the_size_limit_is_refused(api_client, editor, fake_ingest, monkeypatch):
    from app.core.settings import get_settings

    monkeypatch.setenv("UPLOAD_MAX_BYTES", "1024")
    get_settings.cache_clear()
    response = api_client.post(
        "/api/content/ingest",
        headers=editor,
        files={"file": ("big.pdf", b"%PDF" + b"0" * 2000, "application/pdf")},
    )
    assert response.status_code == 422
    assert "larger than" in response.json()["detail"][0]["msg"]


def test_sources_list_resync_and_remove(api_client, editor, fake_ingest):
    with Session(get_engine()) as session:
        source = ContentSource(
            source="https://example.com/hours", title="Opening hours", chunk_count=2, status="ok"
        )
        session.add(source)
        session.commit()
        source_id = source.id
    listed = api_client.get("/api/content/sources", headers=editor)
    assert listed.status_code == 200
    assert [(s["id"], s["title"], s["chunk_count"]) for s in listed.json()] == [
        (source_id, "Opening hours", 2)
    ]
    assert (
        api_client.get("/api/content/sources?collection=faq_content", headers=editor).json() == []
    )
    resync = api_client.post(f"/api/content/sources/{source_id}/resync", headers=editor)
    assert resync.status_code == 202
    job = _job(api_client, editor, resync.json()["job_id"])
    assert (job["status"], job["target"]) == ("done", "https://example.com/hours")
    assert api_client.delete(f"/api/content/sources/{source_id}", headers=editor).status_code == 204
    assert fake_ingest.calls == [("resync_source", source_id), ("remove_source", source_id)]


def test_unknown_source_or_job_is_404(api_client, editor, fake_ingest):
    assert api_client.delete("/api/content/sources/999", headers=editor).status_code == 404
    assert api_client.post("/api/content/sources/999/resync", headers=editor).status_code == 404
    assert api_client.get("/api/content/jobs/999", headers=editor).status_code == 404
    assert fake_ingest.calls == []
