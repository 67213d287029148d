"""Settings: the embedded default needs nothing; production refuses placeholder secrets."""

import pytest
from pydantic import ValidationError

from app.core.settings import DEFAULT_SECRET_KEY, Settings


def test_embedded_default_uses_sqlite_and_lancedb_under_var(isolated_env):
    settings = Settings()
    assert settings.database_url == f"sqlite:///{isolated_env / 'app.db'}"
    assert settings.lancedb_dir == isolated_env / "lancedb"
    assert settings.redis_url is None
    assert settings.rasa_events_url.endswith("rasa_events.db")


def test_production_refuses_the_default_secret_key(monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", DEFAULT_SECRET_KEY)
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings()


def test_production_accepts_a_long_random_secret(monkeypatch):
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
    settings = Settings()
    assert settings.rasa_events_url == settings.database_url


def test_encryption_key_comes_first_and_the_legacy_derived_key_still_reads(monkeypatch):
    # Not the checkout's .env: `make up` writes an ENCRYPTION_KEY there.
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)
    legacy = Settings(_env_file=None).fernet_keys
    assert len(legacy) == 1
    monkeypatch.setenv("ENCRYPTION_KEY", "k" * 43 + "=")
    keys = Settings(_env_file=None).fernet_keys
    assert keys[0] == ("k" * 43 + "=").encode() and keys[1:] == legacy
