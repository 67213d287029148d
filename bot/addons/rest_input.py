"""Rasa's REST channel refuses a malformed request with 400 and says why.

The REST webhook (`/webhooks/rest/webhook`) is the public way in: the gateway passes it
through, and integrations other than the widget may call it. Rasa 3.6 read the request's
`sender` and `message` as they came:
- without a `sender`, every such caller was put in one shared conversation named "default",
  each seeing the replies to the others' messages (a booking's summary included);
- a `message` that is not text (a number, a list) failed inside Rasa and the caller got an
  empty list with status 200, as if the bot had nothing to say;
- a body that is JSON but not an object failed with a 500;
- a `sender` longer than the event log's conversation id column (`VARCHAR(255)`) could not be
  written to it on PostgreSQL.

Now each of these is a 400 whose message names the field. A `message` that is an empty
string is still a message (the bot asks what the visitor wants: `addons.nlu_process`), and
a numeric `sender` is still read as its digits, as before.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage
from sanic.request import Request

# As long as the conversation id the web app stores (app/models/conversation.py).
MAX_SENDER_CHARS = 255
# The widget sends at most this much of a message (app/state/widget.py).
MAX_MESSAGE_CHARS = 2000


def _body(request: Request) -> dict[str, Any]:
    body = request.json  # a body that is not JSON is refused by Sanic (400)
    if not isinstance(body, dict):
        raise InvalidUsage('The body must be a JSON object: {"sender": "…", "message": "…"}.')
    return body


def _text(request: Request, name: str, meaning: str, limit: int, *, blank: bool) -> str:
    """The body's field `name`, a string of at most `limit` characters (empty only if `blank`)."""
    value = _body(request).get(name)
    if name == "sender" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # Rasa took a numeric sender as its digits
    if value is None or (not blank and isinstance(value, str) and not value.strip()):
        raise InvalidUsage(f'"{name}" is required: {meaning}.')
    if not isinstance(value, str):
        raise InvalidUsage(f'"{name}" must be a string: {meaning}.')
    if len(value) > limit:
        raise InvalidUsage(f'"{name}" is too long: at most {limit} characters.')
    return value


async def extract_sender(self: RestInput, request: Request) -> str:
    return _text(request, "sender", "the conversation's id", MAX_SENDER_CHARS, blank=False)


def extract_message(self: RestInput, request: Request) -> str:
    return _text(request, "message", "the text the visitor sent", MAX_MESSAGE_CHARS, blank=True)


def apply() -> None:
    RestInput._extract_sender = extract_sender
    RestInput._extract_message = extract_message
