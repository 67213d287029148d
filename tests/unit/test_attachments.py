"""Files visitors sent, as staff see them: the transcript's list and the signed download link."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.core.security import create_token
from app.core.settings import get_settings
from app.models import Attachment, Conversation, Role
from app.services.uploads import (
    ATTACHMENT_TOKEN_TYPE,
    attachment_url,
    save_upload,
    size_in_words,
    verify_attachment_token,
)
from app.state.admin_conversations import ConversationsState
from tests.unit.test_admin_state_tasks import add_staff, call, make_state, signed_in
from tests.unit.test_widget_api import PDF, png_bytes

SENDER = "visitor-42"


def token_for(attachment_id: int, *, expires_in: dt.timedelta = dt.timedelta(minutes=10)) -> str:
    token, _, _ = create_token(
        subject=str(attachment_id), token_type=ATTACHMENT_TOKEN_TYPE, expires_in=expires_in
    )
    return token


@pytest.fixture
def photo(session: Session) -> Attachment:
    return save_upload(session=session, sender_id=SENDER, filename="kitchen.png", data=png_bytes())


@pytest.fixture
def invoice(session: Session) -> Attachment:
    return save_upload(session=session, sender_id=SENDER, filename="invoice.pdf", data=PDF)


# --- the download endpoint ---------------------------------------------------------------


def test_a_signed_link_opens_an_image_inline_and_inert(
    api_client: TestClient, photo: Attachment
) -> None:
    response = api_client.get(attachment_url(photo.id))

    assert response.status_code == 200
    assert response.content == png_bytes()
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"].startswith("inline;")
    assert 'filename="kitchen.png"' in response.headers["content-disposition"]
    assert response.headers["x-content-type-options"] == "nosniff"
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "img-src 'self'" in policy
    assert "script-src" not in policy
    assert "no-store" in response.headers["cache-control"]


def test_a_pdf_is_downloaded_not_shown(api_client: TestClient, invoice: Attachment) -> None:
    response = api_client.get(attachment_url(invoice.id))

    assert response.status_code == 200
    assert response.content == PDF
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")


def test_a_link_without_its_token_is_refused(api_client: TestClient, photo: Attachment) -> None:
    assert api_client.get(f"/api/attachments/{photo.id}").status_code == 401
    assert api_client.get(f"/api/attachments/{photo.id}?token=").status_code == 401


def test_an_expired_link_is_refused(api_client: TestClient, photo: Attachment) -> None:
    expired = token_for(photo.id, expires_in=dt.timedelta(seconds=-1))

    response = api_client.get(f"/api/attachments/{photo.id}", params={"token": expired})

    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def _with_subject(token: str, subject: str) -> str:
    """The same token with its subject rewritten and the original signature kept."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = subject
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


def test_tampered_or_foreign_tokens_are_refused(
    api_client: TestClient, photo: Attachment, invoice: Attachment
) -> None:
    genuine = token_for(invoice.id)
    claims = {"sub": str(photo.id), "type": ATTACHMENT_TOKEN_TYPE, "jti": "x", "exp": 4102444800}
    tampered = {
        "subject rewritten": _with_subject(genuine, str(photo.id)),
        "signature changed": genuine[:-4] + ("AAAA" if not genuine.endswith("AAAA") else "BBBB"),
        "another secret": jwt.encode(claims, "not-our-secret-" * 4, algorithm="HS256"),
        "unsigned": jwt.encode(claims, None, algorithm="none"),
        "sign-in token": create_token(
            subject=str(photo.id), token_type="access", expires_in=dt.timedelta(minutes=5)
        )[0],
        "not a token": "hello",
    }

    for label, token in tampered.items():
        response = api_client.get(f"/api/attachments/{photo.id}", params={"token": token})
        assert response.status_code == 401, label
        assert response.content != png_bytes(), label


def test_a_token_for_another_file_or_an_unknown_file_finds_nothing(
    api_client: TestClient, photo: Attachment, invoice: Attachment
) -> None:
    for_the_invoice = token_for(invoice.id)
    unknown = 999_999

    other = api_client.get(f"/api/attachments/{photo.id}", params={"token": for_the_invoice})
    missing = api_client.get(f"/api/attachments/{unknown}", params={"token": token_for(unknown)})

    assert (other.status_code, missing.status_code) == (404, 404)
    assert png_bytes() not in other.content


def test_verify_attachment_token_names_one_file(photo: Attachment) -> None:
    token = token_for(photo.id)

    assert verify_attachment_token(token, photo.id) is True
    assert verify_attachment_token(token, photo.id + 1) is False


def _row_pointing_at(session: Session, stored_path: str) -> Attachment:
    attachment = Attachment(
        sender_id=SENDER,
        filename="secret.png",
        content_type="image/png",
        size_bytes=10,
        stored_path=stored_path,
    )
    session.add(attachment)
    session.commit()
    session.refresh(attachment)
    return attachment


def test_only_files_inside_the_uploads_folder_are_served(
    api_client: TestClient, session: Session, photo: Attachment, tmp_path: Path
) -> None:
    uploads = get_settings().uploads_dir
    outside = tmp_path / "outside" / "secret.png"
    outside.parent.mkdir()
    outside.write_bytes(b"not for visitors' eyes")
    link = uploads / "link.png"
    link.symlink_to(outside)
    paths = {
        "absolute path elsewhere": str(outside),
        "dot-dot out of the folder": str(uploads / ".." / "outside" / "secret.png"),
        "symlink out of the folder": str(link),
        "the folder itself": str(uploads),
        "a file that is gone": str(uploads / "gone.png"),
    }

    for label, stored_path in paths.items():
        row = _row_pointing_at(session, stored_path)
        response = api_client.get(attachment_url(row.id))
        assert response.status_code == 404, label
        assert b"not for visitors' eyes" not in response.content, label
    # The genuine file next to them is still served.
    assert api_client.get(attachment_url(photo.id)).status_code == 200


def test_a_non_numeric_id_is_not_a_file(api_client: TestClient, photo: Attachment) -> None:
    response = api_client.get("/api/attachments/..%2f..%2fetc%2fpasswd", params={"token": "x"})

    assert response.status_code in (404, 422)


# --- the transcript in the dashboard -----------------------------------------------------


def _conversation(session: Session, sender_id: str) -> int:
    conversation = Conversation(sender_id=sender_id)
    session.add(conversation)
    session.commit()
    session.refresh(conversation)
    assert conversation.id is not None
    return conversation.id


def test_the_transcript_lists_the_files_with_working_links(
    seeded: Session, api_client: TestClient, photo: Attachment, invoice: Attachment
) -> None:
    conversation_id = _conversation(seeded, SENDER)
    viewer = add_staff(seeded, "viewer@example.com", Role.viewer)
    state = signed_in(ConversationsState, viewer)

    call(state, "open_transcript", conversation_id)

    assert state.open_id == conversation_id
    assert [(f.name, f.kind, f.is_image) for f in state.files] == [
        ("kitchen.png", "PNG image", True),
        ("invoice.pdf", "PDF document", False),
    ]
    assert state.files[0].size == "1 KB"
    assert state.files[0].time  # shown in the business's time zone
    opened = api_client.get(state.files[0].url)
    assert opened.status_code == 200 and opened.content == png_bytes()
    assert api_client.get(state.files[1].url).content == PDF


def test_a_conversation_without_files_shows_none_and_closing_drops_links(
    seeded: Session, photo: Attachment
) -> None:
    quiet = _conversation(seeded, "visitor-quiet")
    with_files = _conversation(seeded, SENDER)
    state = signed_in(ConversationsState, add_staff(seeded, "ed@example.com", Role.editor))

    call(state, "open_transcript", quiet)
    assert (state.open_id, state.files) == (quiet, [])

    call(state, "open_transcript", with_files)
    assert len(state.files) == 1
    call(state, "close_transcript", False)
    assert state.files == []


def test_signed_out_visitors_get_no_links(seeded: Session, photo: Attachment) -> None:
    conversation_id = _conversation(seeded, SENDER)
    state = make_state(ConversationsState)

    call(state, "open_transcript", conversation_id)

    assert (state.open_id, state.files) == (0, [])


def test_sizes_read_as_people_say_them() -> None:
    assert size_in_words(240 * 1024) == "240 KB"
    assert size_in_words(10) == "1 KB"
    assert size_in_words(int(1.5 * 1024 * 1024)) == "1.5 MB"
