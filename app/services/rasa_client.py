"""Talking to the Rasa server on a visitor's behalf: send a message, read the history, restart.

The widget (and anything else that chats as a visitor) calls these; they speak Rasa's REST
channel (`/webhooks/rest/webhook`) and its HTTP API (`/conversations/{id}/tracker`). Nothing
here imports Rasa: the two run in different virtual environments and meet over HTTP only.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import weakref
from collections.abc import Iterable
from typing import Any, Literal
from urllib.parse import quote

import httpx
from pydantic import BaseModel, Field

from app.core.settings import get_settings
from app.models.citation import Citation, citations, safe_link

logger = logging.getLogger(__name__)

SEND_TIMEOUT_SECONDS = 30.0
HISTORY_TIMEOUT_SECONDS = 10.0
RESTART_PAYLOAD = "/restart"


class RasaUnavailable(RuntimeError):
    """The Rasa server could not be reached or answered with an error."""


class QuickReply(BaseModel):
    """A button the bot offers: the visitor sees `title`, the bot receives `payload`."""

    title: str
    payload: str


class BotMessage(BaseModel):
    """One message from the bot, as the widget shows it."""

    text: str = ""
    buttons: list[QuickReply] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    image: str | None = None


class TranscriptEntry(BaseModel):
    """One message of a past conversation, by the visitor or the bot."""

    role: Literal["visitor", "bot"]
    text: str
    sent_at: dt.datetime | None = None
    buttons: list[QuickReply] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)


def _buttons(raw: Any) -> list[QuickReply]:
    return [
        QuickReply(title=str(button.get("title") or button["payload"]), payload=button["payload"])
        for button in (raw if isinstance(raw, list) else [])
        if isinstance(button, dict) and isinstance(button.get("payload"), str)
    ]


def _attach_sources(messages: list[Any], sources: list[Citation]) -> None:
    """Hang sources sent on their own on the answer before them."""
    last = messages[-1]
    last.sources.extend(source for source in sources if source not in last.sources)


def parse_bot_messages(raw_messages: Iterable[dict[str, Any]]) -> list[BotMessage]:
    """Rasa's REST replies as widget messages.

    A message that carries only `custom.sources` (how the Q&A action cites its pages) is merged
    into the text message before it, so the citation sits under the answer it belongs to.
    """
    messages: list[BotMessage] = []
    for raw in raw_messages:
        custom = raw.get("custom") if isinstance(raw.get("custom"), dict) else {}
        sources = citations(custom.get("sources"))
        text = raw.get("text") if isinstance(raw.get("text"), str) else ""
        buttons = _buttons(raw.get("buttons"))
        image = safe_link(raw.get("image"))
        if not text and not buttons and not image:
            if sources and messages:
                _attach_sources(messages, sources)
            continue
        messages.append(BotMessage(text=text, buttons=buttons, sources=sources, image=image))
    return messages


def _rasa_url(path: str) -> str:
    return get_settings().rasa_url.rstrip("/") + path


def _token_params() -> dict[str, str]:
    token = get_settings().rasa_token
    return {"token": token} if token else {}


# One HTTP client per event loop, its connections to Rasa kept alive. A client made per message
# cost the web app more CPU than anything else it does for a message: httpx builds a TLS
# context (loading the CA bundle) for every new client, even for plain http (py-spy under the
# widget load test: 18% of the web process's samples, about half of its work).
_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncClient] = (
    weakref.WeakKeyDictionary()
)


# A kept connection idle for 4 s is closed here: Rasa's server (Sanic) closes one after 5 s, and
# httpx's default of 5 s could reuse one for a message just as Rasa closes it (the message then
# fails, and a POST is not retried).
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=4.0)


def _client() -> httpx.AsyncClient:
    loop = asyncio.get_running_loop()
    client = _clients.get(loop)
    if client is None or client.is_closed:
        client = httpx.AsyncClient(timeout=SEND_TIMEOUT_SECONDS, limits=_LIMITS)
        _clients[loop] = client
    return client


async def send_message(sender_id: str, text: str) -> list[BotMessage]:
    """Send the visitor's message to Rasa; the bot's replies, possibly none.

    Raises:
        RasaUnavailable: Rasa is down, timed out, or answered with an error status.
    """
    payload = {"sender": sender_id, "message": text}
    try:
        response = await _client().post(_rasa_url("/webhooks/rest/webhook"), json=payload)
        response.raise_for_status()
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        logger.warning("Rasa did not answer the widget: %s", exc.__class__.__name__)
        raise RasaUnavailable(str(exc) or exc.__class__.__name__) from exc
    if not isinstance(body, list):
        raise RasaUnavailable("unexpected reply from Rasa (not a list)")
    return parse_bot_messages(item for item in body if isinstance(item, dict))


async def restart(sender_id: str) -> None:
    """Reset a conversation in Rasa (its slots and form); errors are logged, not raised."""
    try:
        await send_message(sender_id, RESTART_PAYLOAD)
    except RasaUnavailable:
        logger.info("Could not restart a conversation in Rasa; a new one starts anyway")


def _event_time(event: dict[str, Any]) -> dt.datetime | None:
    stamp = event.get("timestamp")
    if isinstance(stamp, int | float):
        return dt.datetime.fromtimestamp(stamp, tz=dt.UTC)
    return None


def transcript_from_events(events: Iterable[dict[str, Any]]) -> list[TranscriptEntry]:
    """The visible conversation in a Rasa tracker's events (since the last restart).

    Button clicks are stored by Rasa as their payload; they are shown with the button's
    title, as the visitor saw them. Other `/intent` payloads (like `/restart`) are hidden.
    """
    entries: list[TranscriptEntry] = []
    offered: dict[str, str] = {}
    for event in events:
        kind = event.get("event")
        if kind == "restart":
            entries, offered = [], {}
        elif kind == "user":
            text = event.get("text") or ""
            if text in offered:
                text = offered[text]
            elif text.startswith("/"):
                continue
            if text:
                entries.append(
                    TranscriptEntry(role="visitor", text=text, sent_at=_event_time(event))
                )
        elif kind == "bot":
            data = event.get("data") if isinstance(event.get("data"), dict) else {}
            custom = data.get("custom") if isinstance(data.get("custom"), dict) else {}
            sources = citations(custom.get("sources"))
            buttons = _buttons(data.get("buttons"))
            text = event.get("text") if isinstance(event.get("text"), str) else ""
            if not text and not buttons:
                # A citation sent as its own message belongs to the answer before it.
                if sources and entries and entries[-1].role == "bot":
                    _attach_sources(entries, sources)
                continue
            offered.update({button.payload: button.title for button in buttons})
            entries.append(
                TranscriptEntry(
                    role="bot",
                    text=text,
                    sent_at=_event_time(event),
                    buttons=buttons,
                    sources=sources,
                )
            )
    return entries


async def history(sender_id: str) -> list[TranscriptEntry]:
    """The conversation so far, from Rasa's tracker (empty for a new visitor).

    Raises:
        RasaUnavailable: Rasa is down or refused the request.
    """
    url = _rasa_url(f"/conversations/{quote(sender_id, safe='')}/tracker")
    try:
        response = await _client().get(
            url,
            params={**_token_params(), "include_events": "ALL"},
            timeout=HISTORY_TIMEOUT_SECONDS,
        )
        if response.status_code == 404:
            return []
        response.raise_for_status()
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        logger.warning("Could not read a conversation's history from Rasa: %s", exc)
        raise RasaUnavailable(str(exc) or exc.__class__.__name__) from exc
    events = body.get("events") if isinstance(body, dict) else None
    return transcript_from_events(e for e in events or [] if isinstance(e, dict))
