"""The Alembic migrations create exactly the schema the models describe (SQLite and PostgreSQL)."""

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.cli import migrate
from app.core import db
from tests.conftest import _drop_postgres_database, _postgres_database, reset_singletons


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_migrations_match_models(backend, monkeypatch):
    url = None
    if backend == "postgres":
        url = _postgres_database()
        monkeypatch.setenv("DATABASE_URL", url)
        reset_singletons()
    try:
        migrate()
        with db.get_engine().connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, SQLModel.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        db.reset_engine()
        if url:
            _drop_postgres_database(url)
    assert os.environ.get("DATABASE_URL", "") == (url or "")
