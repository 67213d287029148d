"""Finding 4: a conversation id grants nothing; only the browser's signed visitor token opens
its conversation (history, restart, uploads), and limits apply per token and per address."""

from __future__ import annotations

import pytest
import reflex as rx
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.core.db import get_engine
from app.core.security import create_token
from app.core.settings import reset_settings_cache
from app.models import Attachment
from app.services import rasa_client, visitors
from app.state.widget import WidgetState
from tests.unit.test_widget_api import png_bytes

VICTIM = "victim-conversation-0001"


class Unlocked:
    """Lets a background handler's `async with self` run on a plain state in a test."""

    def __init__(self, state: WidgetState) -> None:
        object.__setattr__(self, "_state", state)

    def __getattr__(self, name: str):
        return getattr(self._state, name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._state, name, value)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc) -> bool:
        return False


def widget(token: str, ip: str = "198.51.100.5") -> WidgetState:
    state = WidgetState(_reflex_internal_init=True)
    state.visitor_token = token
    state._greeting = "Hi!"
    state.router = rx.state.RouterData.from_router_data(
        {"headers": {"asgi-scope-client": ip}, "ip": ip}
    )
    return state


@pytest.fixture
def rasa_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Stands in for Rasa: records which conversation each call was for."""
    calls: list[tuple[str, str]] = []

    async def history(sender_id: str):
        calls.append(("history", sender_id))
        if sender_id != VICTIM:
            return []
        return [rasa_client.TranscriptEntry(role="visitor", text="my email is jane@example.com")]

    async def restart(sender_id: str) -> None:
        calls.append(("restart", sender_id))

    monkeypatch.setattr(rasa_client, "history", history)
    monkeypatch.setattr(rasa_client, "restart", restart)
    return calls


FORGED = [
    VICTIM,  # the old attack: put someone's conversation id in localStorage
    create_token(
        subject=VICTIM, token_type="access", expires_in=__import__("datetime").timedelta(1)
    )[0],
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ2aWN0aW0ifQ.",
]


async def _restore(state: WidgetState) -> None:
    async for _ in WidgetState.event_handlers["restore_conversation"].fn(Unlocked(state), "UTC"):
        pass


@pytest.mark.parametrize("token", FORGED)
async def test_someone_elses_conversation_id_does_not_restore_their_history(
    sqlite_db, rasa_calls, token
) -> None:
    state = widget(token)
    await _restore(state)
    assert ("history", VICTIM) not in rasa_calls
    assert [text for m in state.messages if (text := m.text) and "jane@" in text] == []
    # The browser got a conversation of its own instead.
    assert visitors.conversation_of(state.visitor_token) == rasa_calls[0][1] != VICTIM


async def test_the_owners_token_restores_the_history(sqlite_db, rasa_calls) -> None:
    state = widget(visitors.token_for(VICTIM))
    await _restore(state)
    assert rasa_calls == [("history", VICTIM)]
    assert state.messages[-1].text == "my email is jane@example.com"


@pytest.mark.parametrize("token", FORGED)
async def test_a_forged_token_cannot_restart_someone_elses_conversation(
    sqlite_db, rasa_calls, token
) -> None:
    state = widget(token)
    await WidgetState.event_handlers["start_over"].fn(Unlocked(state))
    assert ("restart", VICTIM) not in rasa_calls


async def test_start_over_restarts_the_visitors_own_conversation(sqlite_db, rasa_calls) -> None:
    state = widget(visitors.token_for(VICTIM))
    await WidgetState.event_handlers["start_over"].fn(Unlocked(state))
    assert rasa_calls == [("restart", VICTIM)]
    assert visitors.conversation_of(state.visitor_token) not in (None, VICTIM)


def test_an_upload_needs_the_token_not_the_id(api_client: TestClient) -> None:
    refused = api_client.post(
        "/api/widget/uploads",
        data={"visitor_token": VICTIM},
        files={"file": ("receipt.png", png_bytes(), "image/png")},
    )
    assert refused.status_code == 401
    accepted = api_client.post(
        "/api/widget/uploads",
        data={"visitor_token": visitors.token_for("mine")},
        files={"file": ("receipt.png", png_bytes(), "image/png")},
    )
    assert accepted.status_code == 201
    with Session(get_engine()) as session:
        assert [a.sender_id for a in session.exec(select(Attachment))] == ["mine"]


def test_new_conversations_from_one_address_share_its_limit(sqlite_db, monkeypatch) -> None:
    monkeypatch.setenv("WIDGET_IP_RATE_LIMIT", "3/minute")
    reset_settings_cache()
    states = [widget("", ip="203.0.113.77") for _ in range(4)]  # a new conversation each time
    for state in states:
        state._queue("hello", "hello")
    assert [s.messages[-1].role for s in states] == ["visitor", "visitor", "visitor", "notice"]
    assert states[3].messages[-1].text.startswith("You're sending messages very quickly.")
    other = widget("", ip="203.0.113.78")  # another address is not affected
    other._queue("hello", "hello")
    assert other.messages[-1].role == "visitor"


def test_an_oversized_upload_is_refused_while_it_streams(api_client: TestClient, monkeypatch):
    monkeypatch.setenv("UPLOAD_MAX_BYTES", "1024")
    reset_settings_cache()
    sent = []

    head = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n'
        b"Content-Type: image/png\r\n\r\n"
    )

    def body():
        yield head
        for _ in range(200):  # 200 x 1 KB, far past the limit, with no Content-Length
            sent.append(1)
            yield b"x" * 1024

    response = api_client.post(
        "/api/widget/uploads",
        content=body(),
        headers={"Content-Type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    declared = api_client.post(
        "/api/widget/uploads",
        content=head + b"x" * 200_000,
        headers={"Content-Type": "multipart/form-data; boundary=b"},
    )
    assert declared.status_code == 413
    with Session(get_engine()) as session:
        assert session.exec(select(Attachment)).all() == []
