"""Loading sources: HTTP failures reported with reasons, files, FAQ files, extraction."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
import pytest
import respx
from pypdf import PdfWriter

from ingest.crawl import is_sitemap_url, site_pages, sitemap_pages
from ingest.documents import SourceError
from ingest.extract import html_document
from ingest.loaders import (
    faq_pairs,
    fetch,
    fetched_document,
    file_document,
    http_client,
    list_folder,
)

DEMO_SITE = Path(__file__).resolve().parents[2] / "demo" / "site"
BASE = "https://shop.example"


def _reason(call) -> str:
    with pytest.raises(SourceError) as caught:
        call()
    return caught.value.reason


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@respx.mock
def test_a_missing_page_is_reported_as_http_404():
    respx.get(f"{BASE}/gone").mock(return_value=httpx.Response(404))

    with http_client() as client:
        assert _reason(lambda: fetch(client, f"{BASE}/gone")) == "HTTP 404 Not Found"


@respx.mock
def test_a_redirect_loop_is_reported_as_such():
    respx.get(f"{BASE}/loop").mock(
        return_value=httpx.Response(302, headers={"Location": f"{BASE}/loop"})
    )

    with http_client() as client:
        assert "redirect loop" in _reason(lambda: fetch(client, f"{BASE}/loop"))


@respx.mock
def test_a_file_over_20_mb_is_refused_before_download():
    respx.get(f"{BASE}/big.pdf").mock(
        return_value=httpx.Response(
            200,
            headers={"Content-Length": str(40 * 1024 * 1024), "Content-Type": "application/pdf"},
        )
    )

    with http_client() as client:
        reason = _reason(lambda: fetch(client, f"{BASE}/big.pdf"))

    assert reason == "too large (40.0 MB; the limit is 20 MB)"


@respx.mock
def test_a_server_error_is_retried_and_the_page_still_loads():
    route = respx.get(f"{BASE}/flaky").mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(200, html="<html><body><main><p>Open daily.</p></main></body></html>"),
        ]
    )

    with http_client() as client:
        fetched = fetch(client, f"{BASE}/flaky")

    assert route.call_count == 2
    assert fetched.content_type == "text/html"


@respx.mock
def test_a_non_html_url_is_refused_with_its_content_type():
    respx.get(f"{BASE}/data.zip").mock(
        return_value=httpx.Response(
            200, content=b"PK..", headers={"Content-Type": "application/zip"}
        )
    )

    with http_client() as client:
        fetched = fetch(client, f"{BASE}/data.zip")

    assert _reason(lambda: fetched_document(fetched, source=fetched.url)) == (
        "not an HTML page or document (content type application/zip)"
    )


def test_a_pdf_without_text_is_reported(tmp_path: Path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(blank_pdf())

    assert _reason(lambda: file_document(pdf, source=str(pdf))).startswith("no text in PDF")


def test_extraction_drops_navigation_footer_and_cookie_banner_and_keeps_headings():
    html = (DEMO_SITE / "hours-contact.html").read_text(encoding="utf-8")

    document = html_document("http://localhost/hours-contact.html", html)

    assert document.title == "Business hours and contact"
    assert "## Business hours" in document.text
    assert "Monday to Friday from 9:00 am to 6:00 pm" in document.text
    assert "cookie" not in document.text.lower()
    assert "All rights reserved" not in document.text
    assert "Location & parking" not in document.text  # a navigation link


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faq.csv", "question,answer\nDo you deliver?,Yes within 10 miles.\n"),
        (
            "faq.json",
            json.dumps([{"question": "Do you deliver?", "answer": "Yes within 10 miles."}]),
        ),
        ("faq.yaml", "faq:\n  - q: Do you deliver?\n    a: Yes within 10 miles.\n"),
    ],
)
def test_faq_files_give_question_answer_pairs(tmp_path: Path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    document = file_document(path, source=str(path))

    assert document.faq_pairs == [("Do you deliver?", "Yes within 10 miles.")]


def test_an_faq_file_without_pairs_is_reported():
    assert "no question–answer pairs" in _reason(lambda: faq_pairs(b"[]", suffix=".json"))


def test_a_folder_lists_content_files_but_not_robots_or_styles():
    names = [path.name for path in list_folder(DEMO_SITE)]

    assert "hours-contact.html" in names
    assert "robots.txt" not in names
    assert "styles.css" not in names
    assert len(names) == 8


@respx.mock
def test_a_sitemap_index_is_followed_to_its_pages():
    respx.get(f"{BASE}/sitemap.xml").mock(
        return_value=httpx.Response(
            200,
            content=b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<sitemap><loc>https://shop.example/pages.xml</loc></sitemap></sitemapindex>",
        )
    )
    respx.get(f"{BASE}/pages.xml").mock(
        return_value=httpx.Response(
            200,
            content=b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>https://shop.example/a</loc></url>"
            b"<url><loc>https://shop.example/b</loc></url></urlset>",
        )
    )

    with http_client() as client:
        assert sitemap_pages(client, f"{BASE}/sitemap.xml") == [f"{BASE}/a", f"{BASE}/b"]
    assert is_sitemap_url(f"{BASE}/sitemap.xml")
    assert not is_sitemap_url(f"{BASE}/feed.xml")


@respx.mock
def test_crawling_follows_same_site_links_respects_robots_and_the_page_limit():
    respx.get(f"{BASE}/robots.txt").mock(
        return_value=httpx.Response(200, text="User-agent: *\nDisallow: /private\n")
    )
    links = '<a href="/a">a</a> <a href="/private">p</a> <a href="https://other.example/x">x</a>'
    for path in ("/", "/a", "/b"):
        respx.get(f"{BASE}{path}").mock(
            return_value=httpx.Response(
                200, html=f"<html><body>{links} <a href='/b'>b</a></body></html>"
            )
        )

    with http_client() as client:
        assert site_pages(client, f"{BASE}/", page_limit=10) == [
            f"{BASE}/",
            f"{BASE}/a",
            f"{BASE}/b",
        ]
        assert site_pages(client, f"{BASE}/", page_limit=2) == [f"{BASE}/", f"{BASE}/a"]
