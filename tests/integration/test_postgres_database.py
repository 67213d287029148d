"""`make up` (and `make up-prod`) with a PostgreSQL `DATABASE_URL` whose database does not exist
yet, as on a fresh server that has only `postgres`: the database is created before the
migrations run, instead of the start failing with a driver traceback; a server that cannot be
reached is named in one line."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text

from scripts.control import ensure_postgres_database
from tests.conftest import POSTGRES_ADMIN_URL, _drop_postgres_database, require_service


def _databases() -> set[str]:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return set(connection.execute(text("SELECT datname FROM pg_database")).scalars())
    except Exception as exc:  # noqa: BLE001
        require_service("PostgreSQL", str(exc).splitlines()[0])
        raise
    finally:
        admin.dispose()


def test_a_missing_database_is_created_once() -> None:
    name = f"t_up_{uuid.uuid4().hex[:10]}"
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    assert name not in _databases()
    try:
        ensure_postgres_database(url)
        assert name in _databases()
        ensure_postgres_database(url)  # already there: nothing to do, no error
        assert name in _databases()
    finally:
        _drop_postgres_database(url)


def test_sqlite_needs_nothing_and_an_unreachable_server_is_named() -> None:
    ensure_postgres_database("sqlite:///var/app.db")  # the embedded default: nothing to create
    with pytest.raises(SystemExit) as raised:
        ensure_postgres_database("postgresql+psycopg://postgres@127.0.0.1:1/chatbot")
    message = str(raised.value)
    assert message.startswith("PostgreSQL at postgresql+psycopg://postgres@127.0.0.1:1/chatbot")
    assert "is unreachable" in message and "Traceback" not in message
