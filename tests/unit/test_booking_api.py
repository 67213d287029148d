"""The booking API as the action server (or a business's own client) sees it over HTTP."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.core.security import create_token, service_token
from app.models import AuditLog, Booking
from app.services.seed import DEMO_HOLIDAYS

NEW_YORK = ZoneInfo("America/New_York")
VISITOR = {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+1 212 555 0188"}


def open_day(weekday: int = 0) -> dt.date:
    day = dt.datetime.now(NEW_YORK).date() + dt.timedelta(days=1)
    while day.weekday() != weekday or day.isoformat() in DEMO_HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def at(day: dt.date, hhmm: str) -> str:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm), NEW_YORK).isoformat()


@pytest.fixture
def api(api_client: TestClient, seeded: Session) -> TestClient:
    """The API with the demo business, calling as the action server."""
    api_client.headers["Authorization"] = f"Bearer {service_token()}"
    return api_client


def post_booking(api: TestClient, start: str, key: str | None = None, **overrides):
    headers = {"Idempotency-Key": key} if key else {}
    body = {"service_id": "consultation", "start": start, **VISITOR} | overrides
    return api.post("/api/bookings", json=body, headers=headers)


def test_create_read_reschedule_cancel_by_reference(api: TestClient, seeded: Session) -> None:
    monday = open_day()
    created = post_booking(api, at(monday, "14:00"), conversation_id="conv-7")
    assert created.status_code == 201, created.text
    booking = created.json()
    reference = booking["reference"]
    assert booking | {"reference": "", "created_at": ""} == {
        "reference": "",
        "kind": "booking",
        "status": "confirmed",
        "service_id": "consultation",
        "service_name": "Consultation",
        "price": 50.0,
        "start": at(monday, "14:00"),
        "end": at(monday, "15:00"),
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "phone": "+12125550188",
        "topic": None,
        "duration_minutes": 60,
        "conversation_id": "conv-7",
        "created_at": "",
    }

    read = api.get(f"/api/bookings/{reference}", params={"email": "ada@example.com"})
    assert read.status_code == 200 and read.json()["reference"] == reference
    by_header = api.get(
        f"/api/bookings/{reference}", headers={"X-Booking-Email": "ada@example.com"}
    )
    assert by_header.json()["start"] == at(monday, "14:00")

    moved = api.put(
        f"/api/bookings/{reference}",
        json={"email": "ada@example.com", "start": at(monday, "16:00")},
        headers={"X-Conversation-Id": "conv-7"},
    )
    assert moved.status_code == 200 and moved.json()["end"] == at(monday, "17:00")

    cancelled = api.delete(f"/api/bookings/{reference}", params={"email": "ada@example.com"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = api.put(
        f"/api/bookings/{reference}",
        json={"email": "ada@example.com", "start": at(monday, "10:00")},
    )
    assert again.status_code == 409 and again.json() == {"detail": "booking_cancelled"}

    audit = seeded.exec(
        select(AuditLog.action, AuditLog.conversation_id).where(
            AuditLog.booking_reference == reference
        )
    ).all()
    assert audit == [
        ("create_booking", "conv-7"),
        ("reschedule_booking", "conv-7"),
        ("cancel_booking", None),
    ]


def test_a_wrong_email_looks_exactly_like_an_unknown_reference(api: TestClient) -> None:
    reference = post_booking(api, at(open_day(), "14:00")).json()["reference"]
    wrong = api.get(f"/api/bookings/{reference}", params={"email": "eve@example.com"})
    unknown = api.get("/api/bookings/BK-2020-9999", params={"email": "ada@example.com"})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json() == {"detail": "booking_not_found"}
    assert (
        api.delete(f"/api/bookings/{reference}", params={"email": "eve@x.com"}).status_code == 404
    )
    moved = api.put(
        f"/api/bookings/{reference}",
        json={"email": "eve@example.com", "start": at(open_day(), "10:00")},
    )
    assert moved.status_code == 404
    missing = api.get(f"/api/bookings/{reference}")
    assert missing.status_code == 422 and missing.json()["detail"][0]["loc"] == ["query", "email"]


def test_every_call_needs_a_service_token(api_client: TestClient, seeded: Session) -> None:
    body = {"service_id": "consultation", "start": at(open_day(), "14:00"), **VISITOR}
    assert api_client.post("/api/bookings", json=body).status_code == 401
    admin_token, _, _ = create_token(
        subject="1", token_type="access", expires_in=dt.timedelta(minutes=5)
    )
    as_admin = api_client.post(
        "/api/bookings", json=body, headers={"Authorization": f"Bearer {admin_token}"}
    )
    assert as_admin.status_code == 401
    forged = api_client.get(
        "/api/availability",
        params={"service": "demo", "date": open_day().isoformat()},
        headers={"Authorization": f"Bearer {service_token()}x"},
    )
    assert forged.status_code == 401
    assert seeded.exec(select(Booking)).first() is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"service_id": "massage"}, "service_id", "no such service"),
        ({"service_id": ""}, "service_id", "at least 1"),
        ({"start": "tomorrow at two"}, "start", "datetime"),
        ({"start": "past"}, "start", "in the past"),
        ({"start": "sunday"}, "start", "closed on Sundays"),
        ({"start": "early"}, "start", "outside business hours"),
        ({"start": "misaligned"}, "start", "every 30 minutes"),
        ({"name": ""}, "name", "at least 1"),
        ({"name": "   "}, "name", "a name is required"),
        ({"email": "ada-at-example"}, "email", "not a valid email"),
        ({"email": None}, "email", "string"),
        ({"phone": "call me"}, "phone", "phone"),
        ({"phone": None}, "phone", "required"),
    ],
)
def test_each_invalid_value_is_422_naming_its_field(
    api: TestClient, seeded: Session, change: dict, field: str, words: str
) -> None:
    monday = open_day()
    named_starts = {
        "past": at(dt.datetime.now(NEW_YORK).date() - dt.timedelta(days=2), "14:00"),
        "sunday": at(open_day(6), "14:00"),
        "early": at(monday, "07:00"),
        "misaligned": at(monday, "14:05"),
    }
    change = dict(change)
    start = change.pop("start", at(monday, "14:00"))
    response = post_booking(api, named_starts.get(start, start), **change)
    assert response.status_code == 422, response.text
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", field]
    assert words in error["msg"]
    assert seeded.exec(select(Booking)).first() is None


def test_a_taken_slot_is_409_with_alternatives(api: TestClient) -> None:
    monday = open_day()
    assert post_booking(api, at(monday, "14:00")).status_code == 201
    taken = post_booking(api, at(monday, "14:00"), email="grace@example.com")
    assert taken.status_code == 409
    assert taken.json() == {
        "detail": "slot_taken",
        # 13:00 and 15:00 are an hour away; of 12:30 and 15:30 (90 minutes) the earlier wins.
        "alternatives": [at(monday, "12:30"), at(monday, "13:00"), at(monday, "15:00")],
    }


def test_idempotency_key_replays_the_first_response(api: TestClient, seeded: Session) -> None:
    monday = open_day()
    key = uuid.uuid4().hex
    first = post_booking(api, at(monday, "14:00"), key=key)
    retry = post_booking(api, at(monday, "14:00"), key=key)
    assert (retry.status_code, retry.json()) == (first.status_code, first.json())
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert len(seeded.exec(select(Booking)).all()) == 1

    other = post_booking(api, at(monday, "15:00"), key=key)
    assert other.status_code == 422
    assert other.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]

    # A refused request stores nothing: the same key may be used once the problem is fixed.
    fresh = uuid.uuid4().hex
    assert post_booking(api, at(monday, "14:00"), key=fresh).status_code == 409
    assert post_booking(api, at(monday, "10:00"), key=fresh).status_code == 201


def test_meetings_endpoints(api: TestClient) -> None:
    monday = open_day()
    body = {"topic": "Partnership", "start": at(monday, "11:00"), "duration_minutes": 30}
    created = api.post("/api/meetings", json=body | {"name": "Ada", "email": "ada@example.com"})
    assert created.status_code == 201, created.text
    meeting = created.json()
    assert (meeting["kind"], meeting["topic"], meeting["phone"]) == ("meeting", "Partnership", None)
    reference = meeting["reference"]
    assert reference.startswith("MT-")
    read = api.get(f"/api/meetings/{reference}", params={"email": "ada@example.com"})
    assert read.json()["end"] == at(monday, "11:30")
    clash = post_booking(api, at(monday, "11:00"))
    assert clash.status_code == 409
    moved = api.put(
        f"/api/meetings/{reference}",
        json={"email": "ada@example.com", "start": at(monday, "12:00")},
    )
    assert moved.status_code == 200 and moved.json()["start"] == at(monday, "12:00")
    assert post_booking(api, at(monday, "11:00")).status_code == 201
    gone = api.delete(f"/api/meetings/{reference}", params={"email": "ada@example.com"})
    assert gone.json()["status"] == "cancelled"
    bad = api.post(
        "/api/meetings", json=body | {"duration_minutes": 45, "name": "A", "email": "a@b.co"}
    )
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "duration_minutes"]


def test_availability(api: TestClient) -> None:
    monday = open_day()
    post_booking(api, at(monday, "14:00"))
    free = api.get("/api/availability", params={"service": "consultation", "date": str(monday)})
    assert free.status_code == 200
    assert at(monday, "13:00") in free.json() and at(monday, "13:30") not in free.json()
    assert len(free.json()) == 17 - 3  # 09:00..17:00 every 30 min, less 13:30, 14:00, 14:30
    closed = api.get("/api/availability", params={"service": "demo", "date": str(open_day(6))})
    assert closed.json() == []
    unknown = api.get("/api/availability", params={"service": "massage", "date": str(monday)})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["query", "service"]
    bad_date = api.get("/api/availability", params={"service": "demo", "date": "next monday"})
    assert bad_date.status_code == 422 and bad_date.json()["detail"][0]["loc"] == ["query", "date"]


def test_logs_never_show_contact_details(api: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        reference = post_booking(api, at(open_day(), "14:00")).json()["reference"]
        api.get(f"/api/bookings/{reference}", headers={"X-Booking-Email": "ada@example.com"})
        api.delete(f"/api/bookings/{reference}", headers={"X-Booking-Email": "ada@example.com"})
    assert reference in caplog.text
    for secret in ("Ada", "ada@example.com", "555", "0188"):
        assert secret not in caplog.text


def test_a_start_without_offset_is_business_local_time(api: TestClient) -> None:
    monday = open_day()
    naive = dt.datetime.combine(monday, dt.time(14, 0)).isoformat()
    created = post_booking(api, naive)
    assert created.status_code == 201
    assert created.json()["start"] == at(monday, "14:00")
