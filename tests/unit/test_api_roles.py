"""Every admin API endpoint, every role: admin everything, editor config and content, viewer
read only; and no token, an expired token or a tampered one is 401 everywhere."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlmodel import Session

from app.core.db import get_engine
from app.models import ContentSource, Conversation, IngestJob, Role
from tests.unit.test_api_auth import (
    PASSWORD,
    add_staff,
    auth_header,
    expired_header,
    tampered_header,
)
from tests.unit.test_api_content import fake_ingest  # noqa: F401 - fixture

ALL = (Role.admin, Role.editor, Role.viewer)
EDITORS = (Role.admin, Role.editor)
ADMINS = (Role.admin,)
_unique = itertools.count(1)


@dataclass
class World:
    """Rows the endpoints act on, created once per test."""

    source_id: int
    job_id: int
    conversation_id: int
    settings: dict[str, Any] = field(default_factory=dict)

    def throwaway_user(self) -> int:
        return add_staff(Role.viewer, f"temp{next(_unique)}@example.com").id


@dataclass(frozen=True)
class Endpoint:
    """One route: who may call it, what success looks like, how to fill its path and body."""

    method: str
    route: str
    allowed: tuple[Role, ...]
    success: int
    body: Callable[[World, Role], Any] | None = None

    def __str__(self) -> str:
        return f"{self.method} {self.route}"

    def path(self, world: World) -> str:
        # Each method edits a different task, so one role's change cannot break another's call.
        task = {"GET": "book_service", "PUT": "cancel_booking"}.get(self.method, "schedule_meeting")
        path = self.route.replace("{name}", task)
        for placeholder, value in (
            ("{job_id}", world.job_id),
            ("{source_id}", world.source_id),
            ("{conversation_id}", world.conversation_id),
        ):
            path = path.replace(placeholder, str(value))
        if "{user_id}" in path:
            path = path.replace("{user_id}", str(world.throwaway_user()))
        return path


def _task_body(world: World, role: Role) -> dict:
    return {
        "name": f"extra_{role.value}_{next(_unique)}",
        "kind": "cancel_booking",
        "required_fields": ["booking_reference", "email"],
    }


ENDPOINTS = [
    Endpoint("GET", "/api/auth/me", ALL, 200),
    Endpoint("POST", "/api/auth/logout", ALL, 204),
    Endpoint(
        "POST",
        "/api/auth/password",
        ALL,
        204,
        lambda w, r: {"current_password": PASSWORD, "new_password": f"new-password-{r.value}"},
    ),
    Endpoint("GET", "/api/config/settings", ALL, 200),
    Endpoint("PUT", "/api/config/settings", EDITORS, 200, lambda w, r: w.settings),
    Endpoint("PATCH", "/api/config/settings", EDITORS, 200, lambda w, r: {"greeting": "Hello!"}),
    Endpoint("GET", "/api/config/tasks", ALL, 200),
    Endpoint("POST", "/api/config/tasks", EDITORS, 201, _task_body),
    Endpoint("GET", "/api/config/tasks/{name}", ALL, 200),
    Endpoint(
        "PUT",
        "/api/config/tasks/{name}",
        EDITORS,
        200,
        lambda w, r: {"required_fields": ["booking_reference", "email"]},
    ),
    Endpoint("PATCH", "/api/config/tasks/{name}", EDITORS, 200, lambda w, r: {"enabled": False}),
    Endpoint(
        "POST", "/api/content/ingest", EDITORS, 202, lambda w, r: {"url": "https://example.com/a"}
    ),
    Endpoint("GET", "/api/content/jobs", ALL, 200),
    Endpoint("GET", "/api/content/jobs/{job_id}", ALL, 200),
    Endpoint("GET", "/api/content/sources", ALL, 200),
    Endpoint("DELETE", "/api/content/sources/{source_id}", EDITORS, 204),
    Endpoint("POST", "/api/content/sources/{source_id}/resync", EDITORS, 202),
    Endpoint("GET", "/api/analytics/summary", ALL, 200),
    Endpoint("GET", "/api/analytics/conversations", ALL, 200),
    Endpoint("GET", "/api/analytics/conversations/{conversation_id}", ALL, 200),
    Endpoint("GET", "/api/audit", ADMINS, 200),
    Endpoint("GET", "/api/users", ADMINS, 200),
    Endpoint(
        "POST",
        "/api/users",
        ADMINS,
        201,
        lambda w, r: {"email": f"new{next(_unique)}@example.com", "password": "long-password-1"},
    ),
    Endpoint("GET", "/api/users/{user_id}", ADMINS, 200),
    Endpoint("PUT", "/api/users/{user_id}", ADMINS, 200, lambda w, r: {"full_name": "Renamed"}),
    Endpoint("DELETE", "/api/users/{user_id}", ADMINS, 204),
]
ADMIN_API = ("/api/auth", "/api/config", "/api/content", "/api/analytics", "/api/audit")
PUBLIC = {("POST", "/api/auth/login"), ("POST", "/api/auth/refresh")}


def test_the_table_covers_every_admin_route():
    """A new admin route must be added to ENDPOINTS, and so gets its role tests."""
    from app.api.main import create_api

    paths = create_api().openapi()["paths"]
    routes = {
        (method.upper(), path)
        for path, operations in paths.items()
        if path.startswith((*ADMIN_API, "/api/users"))
        for method in operations
    }
    assert routes - PUBLIC == {(e.method, e.route) for e in ENDPOINTS}


@pytest.fixture
def world(seeded: Session, fake_ingest) -> World:  # noqa: F811
    from app.services.config import get_bot_settings

    with Session(get_engine()) as session:
        source = ContentSource(source="https://example.com/prices", status="ok", chunk_count=3)
        job = IngestJob(target="https://example.com/", status="done")
        conversation = Conversation(sender_id="visitor-1")
        session.add_all([source, job, conversation])
        session.commit()
        ids = (source.id, job.id, conversation.id)
    settings = get_bot_settings().model_dump(mode="json", exclude={"updated_at"})
    return World(*ids, settings=settings)


def _call(client, endpoint: Endpoint, world: World, role: Role | None, headers: dict):
    path = endpoint.path(world)
    body = endpoint.body(world, role or Role.admin) if endpoint.body else None
    return client.request(endpoint.method, path, headers=headers, json=body)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_every_role_gets_exactly_its_rights(api_client, world, endpoint):
    for role in ALL:
        user = add_staff(role, f"{role.value}{next(_unique)}@example.com")
        response = _call(api_client, endpoint, world, role, auth_header(user))
        if role in endpoint.allowed:
            assert response.status_code == endpoint.success, (role, response.text)
        else:
            assert response.status_code == 403, (role, response.text)
            assert "may not" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_no_expired_or_tampered_token_is_401(api_client, world, endpoint):
    user = add_staff(Role.admin, f"admin{next(_unique)}@example.com")
    for headers in ({}, expired_header(user), tampered_header(user)):
        response = _call(api_client, endpoint, world, None, headers)
        assert response.status_code == 401, (headers, response.text)


BAD_INPUT = [
    ("POST", "/api/auth/login", {"json": {"email": "a"}}),
    ("POST", "/api/auth/refresh", {"json": {}}),
    ("POST", "/api/auth/password", {"json": {"current_password": "x", "new_password": "short"}}),
    ("PUT", "/api/config/settings", {"json": {"brand_color": "blue"}}),
    ("PATCH", "/api/config/settings", {"json": {"answer_threshold": -1}}),
    ("POST", "/api/config/tasks", {"json": {"name": "Bad Name", "kind": "book_service"}}),
    ("PUT", "/api/config/tasks/book_service", {"json": {"blocked_dates": ["someday"]}}),
    ("PATCH", "/api/config/tasks/book_service", {"json": {"required_fields": ["x"]}}),
    ("POST", "/api/content/ingest", {"json": {"url": "javascript:alert(1)"}}),
    ("GET", "/api/content/sources?collection=nope", {}),
    ("GET", "/api/content/jobs/abc", {}),
    ("DELETE", "/api/content/sources/abc", {}),
    ("POST", "/api/content/sources/abc/resync", {}),
    ("GET", "/api/analytics/summary?start=yesterday", {}),
    ("GET", "/api/analytics/conversations?page=0", {}),
    ("GET", "/api/analytics/conversations/abc", {}),
    ("GET", "/api/audit?log=everything", {}),
    ("GET", "/api/users/abc", {}),
    ("POST", "/api/users", {"json": {"email": "x"}}),
    ("PUT", "/api/users/1", {"json": {"role": "owner"}}),
    ("DELETE", "/api/users/abc", {}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), BAD_INPUT, ids=lambda v: str(v))
def test_bad_input_is_422_naming_what_is_wrong(api_client, world, method, path, kwargs):
    headers = auth_header(add_staff(Role.admin, f"admin{next(_unique)}@example.com"))
    response = api_client.request(method, path, headers=headers, **kwargs)
    assert response.status_code == 422, response.text
    assert all(error["loc"] and error["msg"] for error in response.json()["detail"])
