"""Users API (admin only): create, list, change, remove staff accounts; audited without secrets."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import Role
from tests.unit.test_api_auth import add_staff, auth_header, login


@pytest.fixture
def admin(api_client):
    user = add_staff(Role.admin)
    return user, auth_header(user)


def test_create_list_update_delete(api_client, admin):
    admin_user, headers = admin
    created = api_client.post(
        "/api/users",
        headers=headers,
        json={"email": "Sam@Example.com", "password": "a-long-password", "role": "editor"},
    )
    assert created.status_code == 201, created.text
    sam = created.json()
    assert (sam["email"], sam["role"], sam["is_active"]) == ("sam@example.com", "editor", True)
    assert "password" not in sam and "password_hash" not in sam
    assert login(api_client, "sam@example.com", "a-long-password").status_code == 200

    emails = [u["email"] for u in api_client.get("/api/users", headers=headers).json()]
    assert emails == ["admin@example.com", "sam@example.com"]

    changed = api_client.put(
        f"/api/users/{sam['id']}", headers=headers, json={"role": "viewer", "full_name": "Sam"}
    )
    assert changed.status_code == 200
    assert (changed.json()["role"], changed.json()["full_name"]) == ("viewer", "Sam")

    assert api_client.delete(f"/api/users/{sam['id']}", headers=headers).status_code == 204
    assert api_client.get(f"/api/users/{sam['id']}", headers=headers).status_code == 404

    audit = api_client.get("/api/audit", headers=headers, params={"target": "sam@example.com"})
    actions = [row["action"] for row in audit.json()["items"]]
    assert actions == ["delete_user", "update_user", "create_user"]
    assert "hash" not in audit.text and "a-long-password" not in audit.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-email", "password": "a-long-password"}, "email"),
        ({"email": "a@example.com", "password": "short"}, "password"),
        ({"email": "a@example.com", "password": "a-long-password", "role": "owner"}, "role"),
    ],
)
def test_invalid_new_user_is_422(api_client, admin, body, field):
    response = api_client.post("/api/users", headers=admin[1], json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_duplicate_email_is_409(api_client, admin):
    body = {"email": "admin@example.com", "password": "a-long-password"}
    response = api_client.post("/api/users", headers=admin[1], json=body)
    assert response.status_code == 409
    assert response.json()["detail"]["field"] == "email"


def test_the_last_admin_cannot_be_demoted_disabled_or_deleted(api_client, admin):
    admin_user, headers = admin
    for change in ({"role": "editor"}, {"is_active": False}):
        response = api_client.put(f"/api/users/{admin_user.id}", headers=headers, json=change)
        assert response.status_code == 409
        assert "last active admin" in response.json()["detail"]["message"]
    assert api_client.delete(f"/api/users/{admin_user.id}", headers=headers).status_code == 409
    other = add_staff(Role.admin, "second@example.com")
    own = api_client.delete(f"/api/users/{admin_user.id}", headers=headers)
    assert own.status_code == 409
    assert "your own account" in own.json()["detail"]["message"]
    # With a second admin, either may step down.
    assert (
        api_client.put(
            f"/api/users/{other.id}", headers=headers, json={"role": "viewer"}
        ).status_code
        == 200
    )


def test_a_password_reset_by_an_admin_signs_the_user_out(api_client, admin):
    editor = add_staff(Role.editor)
    editor_headers = auth_header(editor)
    assert api_client.get("/api/auth/me", headers=editor_headers).status_code == 200
    response = api_client.put(
        f"/api/users/{editor.id}", headers=admin[1], json={"password": "reset-password-99"}
    )
    assert response.status_code == 200
    assert api_client.get("/api/auth/me", headers=editor_headers).status_code == 401
    assert login(api_client, "editor@example.com", "reset-password-99").status_code == 200


def test_unknown_user_is_404(api_client, admin):
    headers = admin[1]
    assert api_client.get("/api/users/999", headers=headers).status_code == 404
    assert api_client.put("/api/users/999", headers=headers, json={}).status_code == 404
    assert api_client.delete("/api/users/999", headers=headers).status_code == 404


def test_audit_filters_by_day_and_action(api_client, admin):
    headers = admin[1]
    api_client.post(
        "/api/users",
        headers=headers,
        json={"email": "kim@example.com", "password": "a-long-password"},
    )
    today = dt.datetime.now(dt.UTC).date().isoformat()  # audit days are UTC days
    found = api_client.get(
        "/api/audit", headers=headers, params={"start": today, "action": "create_user"}
    ).json()
    assert [row["target"] for row in found["items"]] == ["kim@example.com"]
    assert found["total"] == 1
    none_yet = api_client.get("/api/audit", headers=headers, params={"end": "2000-01-01"}).json()
    assert none_yet["items"] == []
    far = api_client.get(
        "/api/audit", headers=headers, params={"start": "0001-01-01", "end": "9999-12-31"}
    )
    assert far.status_code == 200
    bot = api_client.get("/api/audit", headers=headers, params={"log": "bot"}).json()
    assert (bot["log"], bot["items"]) == ("bot", [])
