"""Rasa's calls to the action server over plain HTTP/1.1 kept-alive connections, without
aiohttp's per-request machinery.

Every custom action, form validation and slot question is a POST of one JSON body to the
action server, on Rasa's one event loop. With the calls already on one kept-alive aiohttp
session (`addons.patches`), py-spy on Rasa under 300 REST conversations (2026-12-07,
`loadtests/results/20261207-073612`) still put those calls at 19% of the event loop's busy
time, three quarters of it inside aiohttp: building a `ClientRequest` (URL, headers, cookies,
auth, proxy and SSL checks), its payload object, the header writer, the response parser's
setup and the connector's bookkeeping. The request Rasa makes is always the same shape, so
here it is written as bytes and its reply read with asyncio's streams: a status line,
headers, and a body of `Content-Length` bytes (or chunks).

Only that shape is handled: a POST over `http://` with no basic auth, no query parameters, no
compression and no CA file. Anything else goes to aiohttp as before (`can_send`). The
behaviour Rasa relies on is kept:
- a reply with status 400 or more raises Rasa's `ClientResponseError` with the status,
  reason and body (a form's rejection is a 400);
- a connection refused, reset or closed before a whole reply raises
  `aiohttp.ClientConnectionError`, and a timeout `asyncio.TimeoutError`, which Rasa turns
  into its "failed to execute custom action" errors as it does for aiohttp's;
- a reply that is not JSON (by its content type) is `None`, as `patches._request` returns.

Connections are kept per host and port and reused one request at a time. One idle for
`IDLE_SECONDS` (4 s, under the 5 s after which the action server's Sanic closes an idle
connection) or closed by the server is dropped before it is used, so a request is not
written to a connection the server is closing; as with aiohttp, a request is never sent
twice (an action may have run).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import ujson

IDLE_SECONDS = 4.0
MAX_IDLE_CONNECTIONS = 64


class _Connection:
    __slots__ = ("reader", "writer", "idle_since")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.idle_since = time.monotonic()

    def usable(self) -> bool:
        return (
            not self.writer.is_closing()
            and not self.reader.at_eof()
            and time.monotonic() - self.idle_since < IDLE_SECONDS
        )

    def close(self) -> None:
        self.writer.close()


class Reply:
    __slots__ = ("status", "reason", "headers", "body")

    def __init__(self, status: int, reason: str, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body

    def json(self) -> Any:
        """The body as JSON, or None when the reply does not say it is JSON."""
        kind = self.headers.get("content-type", "")
        if "json" not in kind.lower():
            return None
        return ujson.loads(self.body) if self.body else None


_idle: dict[tuple[str, int], deque[_Connection]] = {}


def can_send(url: str, *, method: str, compress: bool, cafile: Any, auth: Any, params: Any) -> bool:
    """Whether a request is of the one shape this client sends (else aiohttp sends it)."""
    return (
        method.lower() == "post"
        and url.startswith("http://")
        and not compress
        and not cafile
        and not auth
        and not params
    )


async def _connection(host: str, port: int) -> _Connection:
    idle = _idle.get((host, port))
    while idle:
        connection = idle.pop()  # the most recently used first
        if connection.usable():
            return connection
        connection.close()
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError as error:
        raise aiohttp.ClientConnectionError(
            f"Cannot connect to the action server at {host}:{port}: {error}"
        ) from error
    return _Connection(reader, writer)


def _keep(host: str, port: int, connection: _Connection) -> None:
    idle = _idle.setdefault((host, port), deque())
    if len(idle) >= MAX_IDLE_CONNECTIONS:
        connection.close()
        return
    connection.idle_since = time.monotonic()
    idle.append(connection)


async def _read_reply(reader: asyncio.StreamReader) -> tuple[Reply, bool]:
    """The reply, and whether the connection may carry another request."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.LimitOverrunError as error:
        raise aiohttp.ClientConnectionError("The reply's headers are too long") from error
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise aiohttp.ClientConnectionError(f"Not an HTTP reply: {lines[0][:80]!r}")
    status, reason = int(parts[1]), parts[2] if len(parts) > 2 else ""
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    keep = parts[0] == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks = []
        while True:
            size = int((await reader.readline()).split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                break
            chunks.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(chunks)
    elif "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif status in (204, 304) or 100 <= status < 200:
        body = b""
    else:
        body = await reader.read()  # until the server closes it
        keep = False
    return Reply(status, reason, headers, body), keep


async def post(url: str, body: bytes, headers: dict[str, str], timeout: float | None) -> Reply:
    """POST `body` to `url` (http only) on a kept-alive connection; the whole reply."""
    parts = urlsplit(url)
    host, port = parts.hostname or "localhost", parts.port or 80
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    head = [f"POST {target} HTTP/1.1", f"Host: {parts.netloc}", f"Content-Length: {len(body)}"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    request = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
    connection = await _connection(host, port)
    try:
        connection.writer.write(request)
        if timeout is None:
            reply, keep = await _read_reply(connection.reader)
        else:
            # `asyncio.wait_for` would run the read as a task of its own: a timer that
            # cancels this one costs less. The timer says that it fired: uvloop's timers
            # fire on whole milliseconds, so the loop's clock may still read a little before
            # the timer's due time, and a timeout read as any other cancellation reached
            # Rasa as CancelledError (seen once in CI).
            task = asyncio.current_task()
            fired = []

            def expire() -> None:
                fired.append(True)
                task.cancel()

            timer = asyncio.get_running_loop().call_later(timeout, expire)
            try:
                reply, keep = await _read_reply(connection.reader)
            except asyncio.CancelledError:
                if fired:
                    # Rasa runs on Python 3.10, where this is not the builtin TimeoutError
                    raise asyncio.TimeoutError() from None  # noqa: UP041
                raise
            finally:
                timer.cancel()
    except asyncio.IncompleteReadError as error:
        connection.close()
        raise aiohttp.ServerDisconnectedError() from error
    except (ConnectionError, OSError) as error:
        connection.close()
        raise aiohttp.ClientConnectionError(str(error)) from error
    except BaseException:
        connection.close()  # a timeout or a cancelled call leaves a reply half read
        raise
    if keep:
        _keep(host, port, connection)
    else:
        connection.close()
    return reply
