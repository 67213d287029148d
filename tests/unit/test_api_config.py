"""Config API: read and change settings and tasks; refusals name the field; saves are audited
and the bot's cached view changes at once."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Role
from app.services.config import get_bot_settings, get_task_config
from tests.unit.test_api_auth import add_staff, auth_header


@pytest.fixture
def editor(api_client, seeded):
    return auth_header(add_staff(Role.editor))


def test_list_and_read_tasks(api_client, editor):
    tasks = api_client.get("/api/config/tasks", headers=editor).json()
    assert [t["name"] for t in tasks] == [
        "book_service",
        "schedule_meeting",
        "cancel_booking",
        "reschedule_booking",
    ]
    booking = api_client.get("/api/config/tasks/book_service", headers=editor).json()
    assert booking["business_hours"]["monday"] == {"start": "09:00", "end": "18:00"}
    assert booking["business_hours"]["sunday"] is None
    assert [s["id"] for s in booking["services"]] == ["consultation", "demo", "support"]
    assert api_client.get("/api/config/tasks/nope", headers=editor).status_code == 404


def test_phone_optional_and_a_blocked_date_reach_the_bot_and_the_audit_log(api_client, editor):
    before = get_task_config("book_service")  # the bot's cached view
    assert "phone" in before.required_fields
    body = before.model_dump(mode="json", exclude={"name", "kind", "updated_at"})
    body["required_fields"].remove("phone")
    body["optional_fields"] = ["phone"]
    body["blocked_dates"].append("2026-12-24")
    response = api_client.put("/api/config/tasks/book_service", headers=editor, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["optional_fields"] == ["phone"]

    after = get_task_config("book_service")
    assert "phone" not in after.required_fields
    assert after.asked_fields()[-1] == "phone"
    assert after.hours_on(dt.date(2026, 12, 24)) is None

    admin = auth_header(add_staff(Role.admin))
    audit = api_client.get("/api/audit", headers=admin, params={"target": "book_service"}).json()[
        "items"
    ]
    assert audit[0]["admin_email"] == "editor@example.com"
    assert audit[0]["action"] == "update_task_config"
    assert "phone" in audit[0]["previous_value"]["required_fields"]
    assert audit[0]["new_value"]["optional_fields"] == ["phone"]
    assert "2026-12-24" in audit[0]["new_value"]["blocked_dates"]


def test_patch_changes_only_what_is_sent(api_client, editor):
    response = api_client.patch(
        "/api/config/tasks/schedule_meeting", headers=editor, json={"enabled": False}
    )
    assert response.status_code == 200
    task = get_task_config("schedule_meeting")
    assert task.enabled is False
    assert task.required_fields == ["topic", "date", "time", "duration", "name", "email"]


_HOURS_BACKWARDS = {"business_hours": {"monday": {"start": "18:00", "end": "09:00"}}}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_HOURS_BACKWARDS, "business_hours.monday"),
        ({"business_hours": {"monday": {"start": "9am", "end": "17:00"}}}, "business_hours"),
        ({"business_hours": {"funday": None}}, "business_hours"),
        ({"blocked_dates": ["2026-02-30"]}, "blocked_dates.0"),
        ({"required_fields": ["shoe_size"]}, "required_fields"),
        ({"optional_fields": ["email"]}, "optional_fields"),
        (
            {
                "services": [
                    {"id": "a", "name": "A", "price": 1},
                    {"id": "a", "name": "B", "price": 2},
                ]
            },
            "services",
        ),
        ({"services": [{"id": "a", "name": "A", "price": -5}]}, "services.0.price"),
        ({"slot_minutes": 1}, "slot_minutes"),
    ],
)
def test_invalid_task_config_is_422_naming_the_field(api_client, editor, change, field):
    before = get_task_config("book_service")
    response = api_client.patch("/api/config/tasks/book_service", headers=editor, json=change)
    assert response.status_code == 422, response.text
    locs = [".".join(map(str, e["loc"][1:])) for e in response.json()["detail"]]
    assert any(loc.startswith(field) for loc in locs), locs
    assert get_task_config("book_service") == before  # nothing stored


def test_put_with_a_wrong_type_is_422(api_client, editor):
    response = api_client.put(
        "/api/config/tasks/book_service", headers=editor, json={"enabled": "maybe"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "enabled"]


def test_create_a_task_of_a_known_kind(api_client, editor):
    body = {
        "name": "book_workshop",
        "kind": "book_service",
        "required_fields": ["service_type", "date", "time", "name", "email"],
        "services": [{"id": "workshop", "name": "Workshop", "price": 300, "duration_minutes": 120}],
        "business_hours": {"start": "10:00", "end": "16:00"},
    }
    created = api_client.post("/api/config/tasks", headers=editor, json=body)
    assert created.status_code == 201, created.text
    assert created.json()["business_hours"]["friday"] == {"start": "10:00", "end": "16:00"}
    assert get_task_config("book_workshop").services[0].price == 300
    again = api_client.post("/api/config/tasks", headers=editor, json=body)
    assert again.status_code == 422
    assert again.json()["detail"][0]["loc"] == ["body", "name"]
    unknown = api_client.post(
        "/api/config/tasks", headers=editor, json={**body, "name": "x_task", "kind": "teleport"}
    )
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "kind"]


def test_settings_read_replace_and_patch(api_client, editor):
    current = api_client.get("/api/config/settings", headers=editor).json()
    assert current["business_name"] == "Brightpath Consulting"
    current.pop("updated_at")
    current["brand_color"] = "#FF0000"
    replaced = api_client.put("/api/config/settings", headers=editor, json=current)
    assert replaced.status_code == 200
    assert get_bot_settings().brand_color == "#ff0000"
    patched = api_client.patch(
        "/api/config/settings", headers=editor, json={"timezone": "Europe/London"}
    )
    assert patched.status_code == 200
    assert get_bot_settings().timezone == "Europe/London"
    assert get_bot_settings().brand_color == "#ff0000"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"brand_color": "red"}, "brand_color"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"answer_threshold": 2}, "answer_threshold"),
        ({"allowed_origins": ["not an origin"]}, "allowed_origins"),
        ({"contact_page_url": "javascript:alert(1)"}, "contact_page_url"),
        ({"contact_address": "x" * 301}, "contact_address"),
        ({"parallel_appointments": 0}, "parallel_appointments"),
    ],
)
def test_invalid_settings_are_422_naming_the_field(api_client, editor, change, field):
    response = api_client.patch("/api/config/settings", headers=editor, json=change)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert get_bot_settings().business_name == "Brightpath Consulting"
