"""Global bot settings: one row, edited in the dashboard's Settings page."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from zoneinfo import available_timezones

from pydantic import BaseModel, field_validator
from pydantic import Field as PydanticField
from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.core.contrast import brand_text_choice
from app.models.task_config import utcnow

# Listing the zones walks the tz database on disk; settings are validated on every turn.
_zone_names = lru_cache(maxsize=1)(available_timezones)

_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_ORIGIN_RE = re.compile(r"^https?://[^/\s]+$")


class BotSettingsUpdate(BaseModel):
    """What an admin saves on the Settings page."""

    bot_name: str = PydanticField(default="Assistant", min_length=1, max_length=60)
    business_name: str = PydanticField(default="Our business", min_length=1, max_length=120)
    greeting: str = PydanticField(
        default="Hi! Ask me anything, or book an appointment.", min_length=1, max_length=500
    )
    brand_color: str = "#2563eb"
    timezone: str = "UTC"
    answer_threshold: float = PydanticField(default=0.37, ge=0.0, le=1.0)
    fallback_text: str = PydanticField(
        default="I'm sorry, I don't know that.", min_length=1, max_length=500
    )
    contact_email: str | None = None
    contact_phone: str | None = None
    # The business's street address, and its public contact page: the bot answers "where are
    # you?" with the one and cites the other (app/services/profile.py).
    contact_address: str | None = PydanticField(default=None, max_length=300)
    contact_page_url: str | None = PydanticField(default=None, max_length=500)
    allowed_origins: list[str] = PydanticField(default_factory=list)
    widget_position: str = PydanticField(default="right", pattern=r"^(left|right)$")
    default_phone_region: str = PydanticField(default="US", pattern=r"^[A-Z]{2}$")
    # How many appointments and meetings can take place at the same time: the practitioners,
    # chairs or rooms the business has. Each is a calendar of its own (app/services/calendar.py).
    parallel_appointments: int = PydanticField(default=1, ge=1, le=50)

    @field_validator("brand_color")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not _COLOUR_RE.match(value):
            raise ValueError("use a hex colour like #2563eb")
        return value.lower()

    @field_validator("parallel_appointments", mode="before")
    @classmethod
    def _whole_number(cls, value: object) -> object:
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, bool) or not re.fullmatch(r"\d{1,2}(\.0*)?", str(text)):
            raise ValueError("enter a whole number from 1 to 50")
        number = int(float(str(text)))
        if not 1 <= number <= 50:
            raise ValueError("enter a whole number from 1 to 50")
        return number

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if value not in _zone_names():
            raise ValueError(f"unknown timezone {value!r}; use an IANA name like Europe/London")
        return value

    @field_validator("contact_page_url")
    @classmethod
    def _page(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not re.match(r"^https?://[^\s/]+(/\S*)?$", value.strip()):
            raise ValueError(f"{value!r} is not a web address like https://www.example.com/contact")
        return value.strip()

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        cleaned = []
        for origin in value:
            origin = origin.strip().rstrip("/")
            if not _ORIGIN_RE.match(origin):
                raise ValueError(f"{origin!r} is not an origin like https://www.example.com")
            cleaned.append(origin)
        return sorted(set(cleaned))


class BotSettingsPublic(BotSettingsUpdate):
    updated_at: dt.datetime | None = None

    @property
    def contact_line(self) -> str:
        """How to reach a person, in words, from the contact settings."""
        parts = []
        if self.contact_phone:
            parts.append(f"call us at {self.contact_phone}")
        if self.contact_email:
            parts.append(f"email {self.contact_email}")
        return " or ".join(parts)

    @property
    def contact_sentence(self) -> str:
        """'You can call us at … or email ….', or a neutral line when no contact is set."""
        line = self.contact_line
        return f"You can {line}." if line else "Please get in touch with our team directly."

    @property
    def brand_text_color(self) -> str:
        """Text colour on the brand colour: white, or dark where white would fail WCAG AA."""
        return brand_text_choice(self.brand_color).text_color


class BotConfig(SQLModel, table=True):
    """The bot's global settings (a single row, id 1)."""

    __tablename__ = "bot_config"

    id: int | None = Field(default=None, primary_key=True)
    bot_name: str = "Assistant"
    business_name: str = "Our business"
    greeting: str = "Hi! Ask me anything, or book an appointment."
    brand_color: str = "#2563eb"
    timezone: str = "UTC"
    answer_threshold: float = 0.37
    fallback_text: str = "I'm sorry, I don't know that."
    contact_email: str | None = None
    contact_phone: str | None = None
    contact_address: str | None = None
    contact_page_url: str | None = None
    allowed_origins: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    widget_position: str = "right"
    default_phone_region: str = "US"
    parallel_appointments: int = 1
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str | None = None

    def to_public(self) -> BotSettingsPublic:
        return BotSettingsPublic.model_validate(self.model_dump())

    def apply(self, update: BotSettingsUpdate) -> None:
        for key, value in update.model_dump().items():
            setattr(self, key, value)
        self.updated_at = utcnow()
