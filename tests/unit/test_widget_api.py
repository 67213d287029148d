"""The widget's HTTP side: embed.js, the launcher's config, uploads and framing rules."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.core.db import get_engine
from app.models import Attachment
from app.services.uploads import UploadRefused, check_upload, display_name
from app.services.visitors import token_for


def png_bytes() -> bytes:
    """A real 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00"))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def widget_client(seeded: Session, api_client: TestClient) -> TestClient:
    """The API with the demo business's settings in the database."""
    return api_client


def test_embed_js_is_javascript_with_caching_headers(widget_client: TestClient) -> None:
    response = widget_client.get("/embed.js")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "max-age=" in response.headers["cache-control"]
    assert "/api/widget/config" in response.text and "/widget" in response.text
    again = widget_client.get("/embed.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304


def test_embed_js_makes_no_request_to_any_other_server(widget_client: TestClient) -> None:
    script = widget_client.get("/embed.js").text

    # Every URL it builds starts from the origin it was loaded from.
    assert "http://" not in script.replace("http://www.w3.org", "")
    assert "https://" not in script.replace("https://bot.example.com/embed.js", "")


def test_config_gives_the_launcher_the_business_brand(widget_client: TestClient) -> None:
    response = widget_client.get("/api/widget/config")

    assert response.status_code == 200
    assert response.json() == {
        "bot_name": "Brightpath Assistant",
        "business_name": "Brightpath Consulting",
        "greeting": response.json()["greeting"],
        "brand_color": "#0f766e",
        "brand_text_color": "#ffffff",
        "widget_position": "right",
    }
    assert response.json()["greeting"].startswith("Hi, I'm the Brightpath assistant")
    assert response.headers["access-control-allow-origin"] == "*"


def test_the_widget_page_may_be_framed_only_by_allowed_origins(
    widget_client: TestClient,
) -> None:
    for path in ("/widget", "/widget/"):
        policy = widget_client.get(path).headers["content-security-policy"]
        assert policy == (
            "frame-ancestors 'self' http://127.0.0.1:3000 http://127.0.0.1:8765 "
            "http://localhost:3000 http://localhost:8765"
        )
    assert "content-security-policy" not in widget_client.get("/api/widget/config").headers


def test_an_image_upload_is_stored_with_the_conversation(widget_client: TestClient) -> None:
    response = widget_client.post(
        "/api/widget/uploads",
        data={"visitor_token": token_for("visitor-1")},
        files={"file": ("../../etc/receipt photo.PNG", png_bytes(), "image/png")},
    )

    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["filename"] == "receipt photo.png"
    assert receipt["content_type"] == "image/png"
    with Session(get_engine()) as session:
        stored = session.exec(select(Attachment)).one()
    assert stored.sender_id == "visitor-1"
    assert Path(stored.stored_path).read_bytes() == png_bytes()
    assert Path(stored.stored_path).parent.name == "uploads"


def test_a_pdf_is_accepted_whatever_its_name(widget_client: TestClient) -> None:
    response = widget_client.post(
        "/api/widget/uploads",
        data={"visitor_token": token_for("visitor-1")},
        files={"file": ("scan.txt", PDF, "text/plain")},
    )

    assert response.status_code == 201
    assert response.json()["filename"] == "scan.pdf"
    assert response.json()["content_type"] == "application/pdf"


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("photo.png", b"<script>alert(1)</script> not an image"),
        ("archive.pdf", b"PK\x03\x04" + b"\x00" * 100),  # a zip named like a PDF
    ],
)
def test_anything_else_is_refused_with_a_reason(
    widget_client: TestClient, filename: str, content: bytes
) -> None:
    response = widget_client.post(
        "/api/widget/uploads",
        data={"visitor_token": token_for("visitor-1")},
        files={"file": (filename, content, "image/png")},
    )

    assert response.status_code == 415
    assert "Only images" in response.json()["detail"]
    with Session(get_engine()) as session:
        assert session.exec(select(Attachment)).all() == []


def test_a_file_over_the_limit_is_refused(
    widget_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.settings import reset_settings_cache

    monkeypatch.setenv("UPLOAD_MAX_BYTES", "1024")
    reset_settings_cache()
    big = png_bytes() + b"\x00" * 2048

    response = widget_client.post(
        "/api/widget/uploads",
        data={"visitor_token": token_for("visitor-1")},
        files={"file": ("big.png", big, "image/png")},
    )

    assert response.status_code == 413
    assert response.json()["detail"] == ("That file is too large: files can be up to 1 KB.")


def test_check_upload_names_the_real_type_and_refuses_empty_files() -> None:
    assert check_upload(png_bytes()) == "image/png"
    assert check_upload(PDF) == "application/pdf"
    with pytest.raises(UploadRefused, match="empty"):
        check_upload(b"")
    assert display_name("C:\\fakepath\\holiday <photo>.jpeg", "image/png") == "holiday _photo.png"
    assert display_name(None, "application/pdf") == "file.pdf"
