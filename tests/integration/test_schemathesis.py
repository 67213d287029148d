"""Property-based API test: schemathesis generates requests for every route and method of the
OpenAPI schema (admin, booking, widget, health), signed in as an admin, and checks that none
answers 5xx and that every answer's status, content type and body are the documented ones.

Health answers 503 when a part is down (here Rasa and the action server are not running), which
is its documented contract, not a server error; its body is still checked against the schema.
Bounded (a few examples per route) so it runs in about a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlmodel import Session, SQLModel

from app.api.main import create_api
from app.core.db import get_engine
from app.core.settings import get_settings
from app.models import ContentSource, Role
from tests.unit.test_api_auth import add_staff, auth_header

pytestmark = pytest.mark.integration

HEALTH = ("/api/health", "/api/health/details")


@pytest.fixture
def admin_headers(sqlite_db, monkeypatch, isolated_env):
    """A seeded database and an admin's header."""
    from app.services.seed import seed_demo_business

    # Generated requests come fast; this test is about answers, not the rate limit.
    monkeypatch.setenv("ADMIN_RATE_LIMIT", "100000/minute")
    monkeypatch.setenv("RASA_EVENTS_URL", f"sqlite:///{isolated_env / 'rasa_events.db'}")
    get_settings.cache_clear()
    SQLModel.metadata.create_all(get_engine())
    with Session(get_engine()) as session:
        seed_demo_business(session=session)
        session.add(ContentSource(source="https://example.com/", status="ok"))
        session.commit()
    return auth_header(add_staff(Role.admin))


# Building the app connects to nothing; each request uses the test's database and settings.
schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_api())


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_route_never_fails_and_answers_as_documented(case, admin_headers):
    server_errors = [] if case.operation.path in HEALTH else [not_a_server_error]
    case.call_and_validate(
        headers=admin_headers,
        checks=[
            *server_errors,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
