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

from cryptography.fernet import Fernet
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
    # The conversation event log: Rasa's tracker store appends every event there in batches
    # (bot/addons/tracker_store.py), and the dashboard's analytics read it.
    rasa_events_url: str = ""
    # How often queued conversation events are written (a crash can lose this much).
    event_flush_seconds: float = 0.2
    # A conversation idle this long starts a new session (and leaves Rasa's memory).
    session_idle_minutes: int = 60
    # Rasa server processes (needs REDIS_URL: they share conversations and locks through it).
    rasa_workers: int = 1

    # Secrets. SECRET_KEY signs tokens; ENCRYPTION_KEY (Fernet keys, newest first,
    # comma-separated) encrypts contact details at rest. Outside tests an empty or default
    # SECRET_KEY is refused: with the public default anyone could sign an admin token.
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
    # Sign-in: attempts per address, then failures counted before the password is checked
    # (limits separated by ";" act as a backoff: more failures, longer waits). Per account
    # and address; per address over all accounts; per account over all addresses, which does
    # not apply to an address the account signed in from lately (so nobody can lock the
    # known admin email out by failing on purpose).
    login_rate_limit: str = "10/minute"
    login_failure_limits: str = "5/minute;10/15 minutes;20/day"
    login_ip_failure_limits: str = "30/hour;100/day"
    login_account_failure_limits: str = "100/hour"
    # Comma-separated addresses or networks of the gateway(s) whose X-Forwarded-For is believed.
    trusted_proxies: str = ""
    widget_rate_limit: str = "100/minute"  # messages and uploads per conversation
    widget_ip_rate_limit: str = "300/minute"  # per address (several visitors may share one)

    # Bookings: failed lookups (reference + email) per email and per reference; upcoming
    # bookings one email address or one conversation may hold; how long a stored response
    # to an Idempotency-Key is kept.
    booking_lookup_failure_limits: str = "10/hour;30/day"
    max_open_bookings_per_email: int = 3
    max_open_bookings_per_conversation: int = 3
    idempotency_key_days: int = 2

    # Bot behaviour
    config_cache_ttl_seconds: int = 300
    default_phone_region: str = "US"
    upload_max_bytes: int = 10 * 1024 * 1024
    # Conversations, Rasa's stored events and uploads older than this are deleted (daily).
    retention_days: int = 180

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

    # Ingest fetches public addresses only; these hosts (comma-separated host[:port]) are
    # exempt, e.g. the demo site served by the app itself on localhost.
    ingest_allowed_hosts: str = ""

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
        if self.environment != "test" and (
            self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < 32
        ):
            raise ValueError(
                "SECRET_KEY is empty, the public default or shorter than 32 characters: "
                "anyone could sign an admin token with it. `make up` writes a random one to "
                ".env; or set one: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        for key in self._encryption_keys():
            try:
                Fernet(key)
            except ValueError as exc:
                raise ValueError(
                    "ENCRYPTION_KEY: each comma-separated key must be a Fernet key "
                    "(python -c 'from cryptography.fernet import Fernet; "
                    "print(Fernet.generate_key().decode())')"
                ) from exc
        return self

    def _encryption_keys(self) -> list[bytes]:
        return [k.strip().encode() for k in (self.encryption_key or "").split(",") if k.strip()]

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def fernet_keys(self) -> list[bytes]:
        """Keys for PII at rest, newest (the one that encrypts) first.

        The ENCRYPTION_KEY keys, then the key earlier versions derived from SECRET_KEY, so
        rows written before ENCRYPTION_KEY existed still open; `python -m app.cli
        rotate-encryption-key` re-encrypts them with the newest key. Without ENCRYPTION_KEY
        only the derived key is used (tests, and installs that predate the setting).
        """
        legacy = base64.urlsafe_b64encode(
            hashlib.sha256(b"pii-at-rest:" + self.secret_key.encode()).digest()
        )
        return [*self._encryption_keys(), legacy]

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
