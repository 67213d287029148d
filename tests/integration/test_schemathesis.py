"""Property-based API test: schemathesis generates requests for every admin API GET route from
the OpenAPI schema and checks that none answers 5xx and every answer matches the schema.

Bounded (a few examples per route) so it runs in well under a minute.
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

ADMIN_API = r"^/api/(auth|config|content|analytics|audit|users|callbacks)"


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
schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_api()).include(
    method="GET", path_regex=ADMIN_API
)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_admin_api_gets_never_fail_and_match_the_schema(case, admin_headers):
    case.call_and_validate(
        headers=admin_headers,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
