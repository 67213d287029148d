"""Visitor tokens: the widget browser's proof that a conversation is its own.

A conversation's id (Rasa's `sender_id`) is what staff see and what Rasa stores; on its own
it grants nothing. The browser keeps a token signed here that names it: history, restart,
messages and uploads act only on the conversation a valid token names, so copying an id
(from the dashboard, a log, a shoulder) opens nobody's conversation.
"""

from __future__ import annotations

import datetime as dt
import uuid

from app.core.security import TokenError, create_token, decode_token

VISITOR_TOKEN = "visitor"
VISITOR_TOKEN_LIFETIME = dt.timedelta(days=365)


def new_conversation() -> tuple[str, str]:
    """A fresh conversation id and the visitor token that names it."""
    sender_id = uuid.uuid4().hex
    return sender_id, token_for(sender_id)


def token_for(sender_id: str) -> str:
    token, _, _ = create_token(
        subject=sender_id, token_type=VISITOR_TOKEN, expires_in=VISITOR_TOKEN_LIFETIME
    )
    return token


def conversation_of(token: str | None) -> str | None:
    """The conversation id a visitor token names, or None (missing, expired, forged)."""
    if not token:
        return None
    try:
        return decode_token(token, token_type=VISITOR_TOKEN)["sub"]
    except TokenError:
        return None
