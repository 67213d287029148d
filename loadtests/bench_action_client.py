"""CPU per action-server call on Rasa's side, aiohttp against `addons.action_client`.

    cd bot && .venv/bin/python ../loadtests/bench_action_client.py [calls]

Runs in Rasa's venv. A small HTTP server in a process of its own answers every POST with a
fixed JSON reply (so its CPU is not counted); this process sends the same call, a form
validation's size, through `EndpointConfig.request` with `addons.patches` applied, first
through aiohttp, then through the lean client, twice each, on uvloop as Rasa runs, and prints
the CPU time per call.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bot"))

PORT = 5998
REPLY = json.dumps(
    {
        "events": [{"event": "slot", "name": f"slot{i}", "value": "x" * 40} for i in range(5)],
        "responses": [{"text": "Which day suits you? " * 5}],
    }
).encode()
CALL = {
    "next_action": "validate_booking_form",
    "tracker": {
        "slots": {f"slot{i}": "value" * 4 for i in range(30)},
        "events": [{"event": "user", "text": "next tuesday at 10"}] * 6,
    },
}


def _serve() -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            await reader.readexactly(length)
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: %d\r\n\r\n" % len(REPLY) + REPLY
            )

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", PORT)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


async def _cpu_per_call(calls: int) -> float:
    from rasa.utils.endpoints import EndpointConfig

    endpoint = EndpointConfig(f"http://127.0.0.1:{PORT}/webhook")
    for _ in range(200):  # warm up, and open the kept connection
        await endpoint.request(json=CALL, method="post", timeout=300)
    started = time.process_time()
    for _ in range(calls):
        reply = await endpoint.request(json=CALL, method="post", timeout=300)
    assert reply["events"][0]["name"] == "slot0"
    return (time.process_time() - started) / calls * 1e6


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    server = multiprocessing.Process(target=_serve, daemon=True)
    server.start()
    time.sleep(1.0)
    import uvloop  # Rasa's Sanic runs on uvloop
    from addons import action_client, patches

    uvloop.install()
    patches.apply()
    try:
        for arm in ("aiohttp", "lean", "aiohttp", "lean"):
            patches._LEAN_ACTION_CLIENT = arm == "lean"
            action_client._idle.clear()  # connections of the previous run's event loop
            print(f"{arm:8} {asyncio.run(_cpu_per_call(calls)):6.0f} µs of CPU a call")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
