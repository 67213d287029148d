"""One place for configuration: environment variables (and `.env`) read by `Settings`.

The embedded default needs no variable at all: SQLite and LanceDB under `var/`, an
in-process cache. `DATABASE_URL` and `REDIS_URL` switch to PostgreSQL and Redis.
Nothing here connects to anything; `get_settings()` only reads the environment.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_SECRET_KEY = "development-only-secret-key-change-me-0000"


class Settings(BaseSettings):
    """Every setting of the product; see `.env.example` for each one in words."""

    model_config = SettingsConfigDict(
        env_file=str(ROOT_DIR / ".env"),
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
    )

    environment: Literal["development", "test", "production"] = "development"
    log_level: str = "INFO"

    # Storage
    var_dir: Path = ROOT_DIR / "var"
    database_url: str = ""
    redis_url: str | None = None
    lancedb_dir: Path | None = None
    # Where Rasa's SQL event broker writes every conversation event (analytics reads it).
    rasa_events_url: str = ""

    # Secrets: SECRET_KEY signs tokens and derives the PII key unless ENCRYPTION_KEY is set.
    secret_key: str = DEFAULT_SECRET_KEY
    encryption_key: str | None = None

    # Processes
    public_url: str = "http://localhost:3000"
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str | None = None
    action_server_url: str = "http://127.0.0.1:5055"
    booking_api_url: str = "http://127.0.0.1:3000/api"
    booking_api_token: str | None = None
    booking_api_timeout_seconds: float = 5.0

    # First admin, created by `make up` when no admin exists
    admin_email: str = "admin@example.com"
    admin_password: str | None = None

    # Auth and limits
    access_token_minutes: int = 30
    refresh_token_days: int = 7
    admin_rate_limit: str = "50/minute"
    login_rate_limit: str = "10/minute"
    login_lockout_failures: int = 5
    login_lockout_minutes: int = 15
    widget_rate_limit: str = "100/minute"

    # Bot behaviour
    config_cache_ttl_seconds: int = 300
    default_phone_region: str = "US"
    upload_max_bytes: int = 10 * 1024 * 1024

    # Email (confirmation with an .ics invite); no SMTP_HOST means emails are logged as skipped.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_from: str = "Brightpath Consulting <bookings@example.com>"
    # Who hears about callback requests (a visitor asked for a person); unset: the bot
    # settings' contact email.
    staff_email: str | None = None

    # Retrieval
    embedding_model_path: str | None = None
    embedding_device: str = "cpu"

    @field_validator("var_dir", mode="after")
    @classmethod
    def _absolute_var_dir(cls, value: Path) -> Path:
        return value if value.is_absolute() else (ROOT_DIR / value)

    @model_validator(mode="after")
    def _defaults_and_secrets(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.var_dir / 'app.db'}"
        if not self.rasa_events_url:
            self.rasa_events_url = (
                f"sqlite:///{self.var_dir / 'rasa_events.db'}"
                if self.is_sqlite
                else self.database_url
            )
        if self.lancedb_dir is None:
            self.lancedb_dir = self.var_dir / "lancedb"
        if self.environment == "production":
            if self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < 32:
                raise ValueError(
                    "SECRET_KEY: set a random value of at least 32 characters in production "
                    "(python -c 'import secrets; print(secrets.token_urlsafe(48))')"
                )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def fernet_key(self) -> bytes:
        """Key for PII at rest: ENCRYPTION_KEY, or one derived from SECRET_KEY."""
        if self.encryption_key:
            return self.encryption_key.encode()
        digest = hashlib.sha256(b"pii-at-rest:" + self.secret_key.encode()).digest()
        return base64.urlsafe_b64encode(digest)

    @property
    def uploads_dir(self) -> Path:
        return self.var_dir / "uploads"


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read once from the environment (and `.env`, except in tests)."""
    if os.environ.get("ENVIRONMENT") == "test":
        # Tests must never pick up a developer's .env (it may point at a real database).
        return Settings(_env_file=None)
    return Settings()


def reset_settings_cache() -> None:
    """Forget the cached settings (tests change the environment)."""
    get_settings.cache_clear()
