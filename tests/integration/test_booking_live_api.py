"""The booking API on a real HTTP server (granian, its own process) against SQLite and
PostgreSQL: no double booking under 20 concurrent requests, idempotent duplicates, and the
action server's client surviving injected faults (500s, a response lost to a timeout after
the server committed, a server that is down).

The faults come from an ASGI middleware wrapped around the real API (`faulty_api`, built
in the server process from the BOOKING_FAULTS variable); nothing under test is mocked.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlmodel import Session, select

from app.core.security import service_token
from app.core.settings import ROOT_DIR, get_settings
from app.models import Booking, FieldRefused, SlotClaim
from app.services.booking_client import (
    BookingApiUnavailable,
    BookingClient,
    BookingNotFound,
    SlotTaken,
)
from app.services.seed import DEMO_HOLIDAYS

pytestmark = pytest.mark.integration

NEW_YORK = ZoneInfo("America/New_York")
VISITOR = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+1 212 555 0188"}


# --- the server process ---------------------------------------------------------------------


def faulty_api() -> Any:
    """The real API behind a fault injector (granian factory, runs in the server process).

    BOOKING_FAULTS is a comma-separated plan applied to successive POST /api/bookings:
    `500` answers 500 without reaching the API; `slow:N` lets the API handle the request
    (and commit) and holds the response back N seconds; `ok` passes it through. Every
    request is logged to $VAR_DIR/requests.jsonl so tests can see what arrived.
    """
    from app.api.main import create_api

    api = create_api()
    plan = [step for step in os.environ.get("BOOKING_FAULTS", "").split(",") if step]
    log_path = get_settings().var_dir / "requests.jsonl"
    lock = threading.Lock()

    async def injector(scope, receive, send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) != ("POST", "/api/bookings"):
            await api(scope, receive, send)
            return
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        with lock:
            step = plan.pop(0) if plan else "ok"
            with log_path.open("a") as log:
                log.write(json.dumps({"key": headers.get("idempotency-key"), "fault": step}) + "\n")
        if step == "500":
            await send({"type": "http.response.start", "status": 500, "headers": []})
            await send({"type": "http.response.body", "body": b"injected failure"})
            return
        if step.startswith("slow:"):
            held: list[dict] = []

            async def hold(message: dict) -> None:
                held.append(message)

            await api(scope, receive, hold)  # the booking is committed here
            await asyncio.sleep(float(step.split(":")[1]))
            for message in held:
                await send(message)
            return
        await api(scope, receive, send)

    return injector


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveApi:
    """A granian process serving the API (optionally with faults) on a free port."""

    def __init__(self, faults: str = "") -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/api"
        env = os.environ | {"BOOKING_FAULTS": faults, "PYTHONPATH": str(ROOT_DIR)}
        command = [
            sys.executable, "-m", "granian", "--interface", "asgi", "--factory",
            "--host", "127.0.0.1", "--port", str(self.port), "--workers", "1", "--no-ws",
            "--log-level", "warning", "tests.integration.test_booking_live_api:faulty_api",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT_DIR, env=env)
        self._wait_ready()

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"granian exited with {self.process.returncode}")
            try:
                if httpx.get(f"{self.base_url}/openapi.json", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        pytest.fail("the API server did not start")

    def requests_seen(self) -> list[dict]:
        path = get_settings().var_dir / "requests.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def live_api(seeded: Session, request: pytest.FixtureRequest) -> Iterator[LiveApi]:
    """The API for the demo business; an indirect parameter ("500,500") injects faults."""
    server = LiveApi(getattr(request, "param", ""))
    yield server
    server.stop()


def open_monday() -> dt.date:
    day = dt.datetime.now(NEW_YORK).date() + dt.timedelta(days=1)
    while day.weekday() != 0 or day.isoformat() in DEMO_HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), NEW_YORK)


def bookings_in(session: Session) -> list[Booking]:
    session.expire_all()
    return list(session.exec(select(Booking)).all())


# --- no double booking ----------------------------------------------------------------------


def race(url: str, bodies: list[dict], headers: list[dict]) -> list[httpx.Response]:
    """Send every request at the same instant from its own thread and connection."""
    barrier = threading.Barrier(len(bodies))
    token = service_token()

    def send(index: int) -> httpx.Response:
        with httpx.Client(timeout=60) as http:
            barrier.wait()
            return http.post(
                url,
                json=bodies[index],
                headers={"Authorization": f"Bearer {token}", **headers[index]},
            )

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(send, range(len(bodies))))


def race_for_consultation(
    live_api: LiveApi, start: dt.datetime, visitors: int
) -> list[httpx.Response]:
    """`visitors` different visitors asking for a consultation at `start` at the same moment."""
    bodies = [
        {"service_id": "consultation", "start": start.isoformat(), **VISITOR}
        | {"email": f"visitor{i}@example.com"}
        for i in range(visitors)
    ]
    return race(f"{live_api.base_url}/bookings", bodies, [{}] * visitors)


def test_twenty_concurrent_requests_for_one_slot_book_it_once(
    live_api: LiveApi, seeded: Session
) -> None:
    start = at(open_monday(), "14:00")
    responses = race_for_consultation(live_api, start, visitors=20)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 19, [r.text for r in responses if r.status_code >= 500]
    for refused in (r for r in responses if r.status_code == 409):
        assert refused.json()["detail"] == "slot_taken"
        assert start.isoformat() not in refused.json()["alternatives"]
        assert len(refused.json()["alternatives"]) == 3
    rows = bookings_in(seeded)
    assert len(rows) == 1
    winner = next(r for r in responses if r.status_code == 201).json()
    assert rows[0].reference == winner["reference"]
    claims = seeded.exec(select(SlotClaim)).all()
    assert {c.reference for c in claims} == {winner["reference"]} and len(claims) == 12


def test_three_practitioners_take_three_of_twenty_concurrent_requests(
    live_api: LiveApi, seeded: Session
) -> None:
    from app.models import BotSettingsUpdate
    from app.services.config import get_bot_settings, save_bot_settings

    current = get_bot_settings().model_dump(include=set(BotSettingsUpdate.model_fields))
    three = BotSettingsUpdate(**(current | {"parallel_appointments": 3}))
    save_bot_settings(session=seeded, settings_in=three)
    start = at(open_monday(), "14:00")
    responses = race_for_consultation(live_api, start, visitors=20)

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * 3 + [409] * 17, [r.text for r in responses if r.status_code >= 500]
    assert len(bookings_in(seeded)) == 3
    claims = seeded.exec(select(SlotClaim)).all()
    assert sorted({c.resource for c in claims}) == ["main", "main-2", "main-3"]
    assert len(claims) == 3 * 12


def test_concurrent_duplicates_under_one_key_make_one_booking(
    live_api: LiveApi, seeded: Session
) -> None:
    body = {"service_id": "demo", "start": at(open_monday(), "10:00").isoformat(), **VISITOR}
    key = {"Idempotency-Key": uuid.uuid4().hex}
    responses = race(f"{live_api.base_url}/bookings", [body] * 8, [key] * 8)

    assert [r.status_code for r in responses] == [201] * 8
    assert len({r.json()["reference"] for r in responses}) == 1
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in responses) == 7
    assert len(bookings_in(seeded)) == 1


# --- the client under faults ----------------------------------------------------------------


def client_for(server: LiveApi | None, *, timeout: float = 5, port: int | None = None):
    base_url = server.base_url if server else f"http://127.0.0.1:{port}/api"
    return BookingClient(base_url=base_url, timeout_seconds=timeout, backoff_seconds=0.05)


async def book_consultation(client: BookingClient, start: dt.datetime, key: str):
    return await client.create_booking(
        service_id="consultation",
        start=start,
        conversation_id="conv-1",
        idempotency_key=key,
        **VISITOR,
    )


@pytest.mark.parametrize("live_api", ["500,500"], indirect=True)
async def test_two_server_errors_then_success_make_one_booking(
    live_api: LiveApi, seeded: Session
) -> None:
    key = uuid.uuid4().hex
    record = await book_consultation(client_for(live_api), at(open_monday(), "14:00"), key)

    assert record.reference.startswith("BK-") and record.status == "confirmed"
    assert [r["key"] for r in live_api.requests_seen()] == [key, key, key]
    assert [b.reference for b in bookings_in(seeded)] == [record.reference]


@pytest.mark.parametrize("live_api", ["slow:4"], indirect=True)
async def test_a_response_lost_to_a_timeout_is_replayed_not_rebooked(
    live_api: LiveApi, seeded: Session
) -> None:
    key = uuid.uuid4().hex
    start = at(open_monday(), "14:00")
    record = await book_consultation(client_for(live_api, timeout=1.5), start, key)

    # The first attempt committed but its answer never came in time; the retry replayed it.
    assert [(r["key"], r["fault"]) for r in live_api.requests_seen()] == [
        (key, "slow:4"),
        (key, "ok"),
    ]
    assert [b.reference for b in bookings_in(seeded)] == [record.reference]
    assert record.start == start


@pytest.mark.parametrize("live_api", ["500,500,500"], indirect=True)
async def test_the_client_gives_up_after_three_attempts(live_api: LiveApi, seeded: Session) -> None:
    with pytest.raises(BookingApiUnavailable):
        await book_consultation(client_for(live_api), at(open_monday(), "14:00"), "k-down")
    assert len(live_api.requests_seen()) == 3
    assert bookings_in(seeded) == []


async def test_a_server_that_is_down_is_unavailable_after_the_retries() -> None:
    with pytest.raises(BookingApiUnavailable):
        await book_consultation(
            client_for(None, port=free_port()), at(open_monday(), "14:00"), "k-refused"
        )


async def test_refusals_are_not_retried_and_keep_their_meaning(
    live_api: LiveApi, seeded: Session
) -> None:
    client = client_for(live_api)
    monday = open_monday()
    with pytest.raises(FieldRefused) as rejected:
        await client.create_booking(
            service_id="massage",
            start=at(monday, "14:00"),
            conversation_id=None,
            idempotency_key="k-1",
            **VISITOR,
        )
    assert rejected.value.field == "service_id"
    assert len(live_api.requests_seen()) == 1

    await book_consultation(client, at(monday, "14:00"), "k-2")
    with pytest.raises(SlotTaken) as taken:
        await book_consultation(client, at(monday, "14:00"), "k-3")
    assert taken.value.alternatives == [at(monday, t) for t in ("12:30", "13:00", "15:00")]


async def test_client_round_trip_for_bookings_and_meetings(
    live_api: LiveApi, seeded: Session
) -> None:
    client = client_for(live_api)
    monday = open_monday()
    booking = await book_consultation(client, at(monday, "09:00"), "k-a")
    found = await client.get_booking(booking.reference, "ada@example.com")
    assert (found.service_name, found.price, found.phone) == ("Consultation", 50.0, "+12125550188")
    with pytest.raises(BookingNotFound):
        await client.get_booking(booking.reference, "eve@example.com")

    moved = await client.reschedule_booking(
        reference=booking.reference,
        email="ada@example.com",
        start=at(monday, "11:00"),
        idempotency_key="k-b",
    )
    assert moved.start == at(monday, "11:00") and moved.end == at(monday, "12:00")
    free = await client.availability(service_id="consultation", date=monday)
    assert at(monday, "09:00") in free and at(monday, "11:00") not in free

    meeting = await client.create_meeting(
        topic="Partnership",
        start=at(monday, "15:00"),
        duration_minutes=30,
        name="Ada",
        email="ada@example.com",
        phone=None,
        conversation_id="conv-2",
        idempotency_key="k-c",
    )
    assert meeting.kind == "meeting" and meeting.reference.startswith("MT-")
    assert (await client.get_booking(meeting.reference, "ada@example.com")).topic == "Partnership"
    moved_meeting = await client.reschedule_booking(
        reference=meeting.reference,
        email="ada@example.com",
        start=at(monday, "16:00"),
        idempotency_key="k-d",
    )
    assert moved_meeting.start == at(monday, "16:00")
    cancelled = await client.cancel_booking(reference=meeting.reference, email="ada@example.com")
    assert cancelled.status == "cancelled"
    cancelled = await client.cancel_booking(reference=booking.reference, email="ada@example.com")
    assert cancelled.status == "cancelled"
    assert {b.status for b in bookings_in(seeded)} == {"cancelled"}
