"""Rasa's calls to the action server (bot/addons/action_client.py through `addons.patches`), in
Rasa's own venv, against a small HTTP server on a loopback port.

What Rasa reads from a call is checked: the JSON reply, a 400's status and body (a form's
rejection), `None` for a reply that is not JSON, the errors a refused, dropped or slow call
raises, and that one kept-alive connection carries call after call but one the server has
closed, or left idle too long, is not written to.
"""

from __future__ import annotations

import pytest

from tests.support.rasa_venv import ISOLATED_ENV, run_rasa_script

pytestmark = pytest.mark.integration

SCRIPT = r"""
import asyncio, json, socket
import aiohttp
from addons import action_client, patches
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

patches.apply()
connections = []
REPLY = json.dumps({"events": [{"event": "slot", "name": "city", "value": "Zürich"}]})


async def handle(reader, writer):
    connections.append(writer)
    while True:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        lines = head.decode().split("\r\n")
        path = lines[0].split(" ")[1].split("?")[0]
        length = next(int(l.split(":")[1]) for l in lines if l.lower().startswith("content-length"))
        body = json.loads(await reader.readexactly(length))
        assert body == {"next_action": "action_x", "n": body["n"]}, body
        if path == "/webhook":
            data = REPLY.encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(data) + data)
        elif path == "/chunked":
            data = REPLY.encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n"
                         + b"%x\r\n" % 10 + data[:10] + b"\r\n"
                         + b"%x\r\n" % (len(data) - 10) + data[10:] + b"\r\n0\r\n\r\n")
        elif path == "/reject":
            data = b'{"error": "no such slot", "action_name": "action_x"}'
            writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(data) + data)
        elif path == "/text":
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 2\r\n\r\nok")
        elif path == "/close":  # replies, then closes the connection
            data = REPLY.encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(data) + data)
            await writer.drain()
            writer.close()
            return
        elif path == "/drop":  # closes without a reply
            writer.close()
            return
        elif path == "/slow":
            await asyncio.sleep(5)
        await writer.drain()


async def call(port, path, n):
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}{path}")
    return await endpoint.request(
        json={"next_action": "action_x", "n": n}, method="post", timeout=0.5
    )


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    out = {}
    replies = [await call(port, "/webhook", n) for n in range(5)]
    out["json"] = replies[0]
    out["same_replies"] = all(r == replies[0] for r in replies)
    out["connections_for_five_calls"] = len(connections)
    out["chunked"] = await call(port, "/chunked", 5)
    try:
        await call(port, "/reject", 6)
    except ClientResponseError as error:
        out["reject"] = [error.status, json.loads(error.text)["error"]]
    out["text"] = await call(port, "/text", 7)
    out["after_close"] = await call(port, "/close", 8) == replies[0]
    before = len(connections)
    out["next_call_after_close"] = await call(port, "/webhook", 9) == replies[0]
    out["new_connection_after_close"] = len(connections) == before + 1
    # the server closes the kept connection while it is idle: the next call opens another
    connections[-1].close()
    await asyncio.sleep(0.1)
    out["after_server_closed_idle"] = await call(port, "/webhook", 10) == replies[0]
    # a connection idle longer than the action server keeps one is not reused
    before = len(connections)
    action_client.IDLE_SECONDS = 0.2
    await asyncio.sleep(0.3)
    await call(port, "/webhook", 11)
    out["new_connection_after_idle"] = len(connections) == before + 1
    action_client.IDLE_SECONDS = 4.0
    try:
        await call(port, "/drop", 12)
    except aiohttp.ClientConnectionError as error:
        out["drop"] = type(error).__name__
    try:
        await call(port, "/slow", 13)
    except asyncio.TimeoutError:
        out["slow"] = "timeout"
    out["after_timeout"] = await call(port, "/webhook", 14) == replies[0]
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    free_port = spare.getsockname()[1]
    spare.close()
    try:
        await call(free_port, "/webhook", 15)
    except aiohttp.ClientConnectionError as error:
        out["refused"] = "Cannot connect" in str(error)
    # a call that needs aiohttp's features (a token as a query parameter) still goes through it
    endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", token="secret")
    out["via_aiohttp"] = await endpoint.request(
        json={"next_action": "action_x", "n": 16}, method="post", timeout=2
    ) == replies[0]
    server.close()
    print(json.dumps(out))


asyncio.run(main())
"""


def test_action_server_calls_read_replies_and_errors_as_rasa_expects():
    out, stderr = run_rasa_script(SCRIPT, timeout=120, env=ISOLATED_ENV)

    assert out["json"] == {"events": [{"event": "slot", "name": "city", "value": "Zürich"}]}
    assert out["same_replies"], stderr
    assert out["connections_for_five_calls"] == 1  # kept alive
    assert out["chunked"] == out["json"]
    assert out["reject"] == [400, "no such slot"]
    assert out["text"] is None
    assert out["after_close"] and out["next_call_after_close"]
    assert out["new_connection_after_close"]
    assert out["after_server_closed_idle"]
    assert out["new_connection_after_idle"]
    assert out["drop"] == "ServerDisconnectedError"
    assert out["slow"] == "timeout"
    assert out["after_timeout"]
    assert out["refused"] is True
    assert out["via_aiohttp"] is True
