"""Task configuration: which tasks the bot does, what it asks, when the business is open.

`TaskConfigUpdate` is the schema an admin's save is validated against (the original
design's body); `TaskConfig` is the stored row; `TaskConfigPublic` is what leaves the
server and what the action server caches.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, field_validator, model_validator
from pydantic import Field as PydanticField
from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from app.models.errors import FieldRefused

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

TASK_KINDS: dict[str, tuple[str, ...]] = {
    "book_service": ("service_type", "date", "time", "name", "email", "phone"),
    "schedule_meeting": ("topic", "date", "time", "duration", "name", "email", "phone"),
    "cancel_booking": ("booking_reference", "email"),
    "reschedule_booking": ("booking_reference", "email", "date", "time"),
}
"""Each known task kind and the fields its form can ask for, in the order it asks."""

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_SERVICE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")


def utcnow() -> dt.datetime:
    """Timezone-aware UTC now; every datetime column stores aware UTC."""
    return dt.datetime.now(dt.UTC)


class OpeningHours(BaseModel):
    """One day's opening hours, `HH:MM` 24-hour, start before end."""

    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        if not _TIME_RE.match(value):
            raise ValueError("use 24-hour HH:MM, e.g. 09:00")
        return value

    @model_validator(mode="after")
    def _start_before_end(self) -> OpeningHours:
        if self.start >= self.end:
            raise ValueError(f"opening time {self.start} must be before closing time {self.end}")
        return self


class Service(BaseModel):
    """A service visitors can book, with its price and length."""

    id: str
    name: str = PydanticField(min_length=1, max_length=80)
    price: float = PydanticField(ge=0)
    duration_minutes: int = PydanticField(default=30, ge=5, le=480)
    enabled: bool = True

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SERVICE_ID_RE.match(value):
            raise ValueError("lowercase letters, digits, '-' or '_' (e.g. 'consultation')")
        return value


BusinessHours = dict[str, OpeningHours | None]


class TaskConfigUpdate(BaseModel):
    """What an admin saves for one task; refused with the failing field's name when invalid."""

    enabled: bool = True
    required_fields: list[str] = PydanticField(default_factory=list)
    optional_fields: list[str] = PydanticField(default_factory=list)
    business_hours: BusinessHours = PydanticField(default_factory=dict)
    blocked_dates: list[dt.date] = PydanticField(default_factory=list)
    services: list[Service] = PydanticField(default_factory=list)
    slot_minutes: int = PydanticField(default=30, ge=5, le=240)
    durations: list[int] = PydanticField(default_factory=lambda: [15, 30, 60])

    @field_validator("business_hours", mode="before")
    @classmethod
    def _expand_hours(cls, value: Any) -> Any:
        # The original design's single {"start", "end"} means Monday to Friday.
        if isinstance(value, dict) and set(value) == {"start", "end"}:
            day = {"start": value["start"], "end": value["end"]}
            return {d: (day if d in WEEKDAYS[:5] else None) for d in WEEKDAYS}
        return value

    @field_validator("business_hours")
    @classmethod
    def _known_days(cls, value: BusinessHours) -> BusinessHours:
        unknown = sorted(set(value) - set(WEEKDAYS))
        if unknown:
            raise ValueError(f"unknown weekday {unknown[0]!r}; use {', '.join(WEEKDAYS)}")
        return {day: value.get(day) for day in WEEKDAYS}

    @field_validator("blocked_dates")
    @classmethod
    def _sorted_unique_dates(cls, value: list[dt.date]) -> list[dt.date]:
        return sorted(set(value))

    @field_validator("services")
    @classmethod
    def _unique_service_ids(cls, value: list[Service]) -> list[Service]:
        seen: set[str] = set()
        for service in value:
            if service.id in seen:
                raise ValueError(f"service id {service.id!r} is used twice")
            seen.add(service.id)
        return value

    @field_validator("durations")
    @classmethod
    def _positive_durations(cls, value: list[int]) -> list[int]:
        if any(d < 5 or d > 480 for d in value):
            raise ValueError("each duration must be between 5 and 480 minutes")
        return sorted(set(value))

    def check_fields_for(self, kind: str) -> None:
        """Raise FieldRefused when required/optional fields do not fit the kind."""
        known = TASK_KINDS[kind]
        for field_name in ("required_fields", "optional_fields"):
            for name in getattr(self, field_name):
                if name not in known:
                    raise FieldRefused(
                        field_name, f"{name!r} is not a field of {kind}; known: {', '.join(known)}"
                    )
        both = set(self.required_fields) & set(self.optional_fields)
        if both:
            raise FieldRefused(
                "optional_fields", f"{sorted(both)[0]!r} is both required and optional"
            )
        if kind == "book_service" and self.enabled and "service_type" in self.required_fields:
            if not any(s.enabled for s in self.services):
                raise FieldRefused("services", "enable at least one service, or turn the task off")


class TaskConfigCreate(TaskConfigUpdate):
    """A new task of a known kind."""

    name: str = PydanticField(pattern=r"^[a-z][a-z0-9_]{2,49}$")
    kind: str

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in TASK_KINDS:
            raise ValueError(f"unknown task kind; use one of {', '.join(TASK_KINDS)}")
        return value


class TaskConfigPublic(TaskConfigUpdate):
    """A task's configuration as the API, the dashboard and the actions see it."""

    name: str
    kind: str
    updated_at: dt.datetime | None = None

    @property
    def enabled_services(self) -> list[Service]:
        return [s for s in self.services if s.enabled]

    def hours_on(self, day: dt.date) -> OpeningHours | None:
        """Opening hours on that date, or None when closed (weekday closed or date blocked)."""
        if day in self.blocked_dates:
            return None
        return self.business_hours.get(WEEKDAYS[day.weekday()])

    def asked_fields(self) -> list[str]:
        """Fields the form asks for, in the kind's order: required first, then optional."""
        order = TASK_KINDS[self.kind]
        return [f for f in order if f in self.required_fields] + [
            f for f in order if f in self.optional_fields
        ]


class TaskConfig(SQLModel, table=True):
    """One row per task; JSON columns hold the structured parts."""

    __tablename__ = "task_config"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=50)
    kind: str = Field(max_length=50)
    enabled: bool = True
    required_fields: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    optional_fields: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    business_hours: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    blocked_dates: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    services: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    slot_minutes: int = 30
    durations: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str | None = Field(default=None, max_length=255)

    def to_public(self) -> TaskConfigPublic:
        return TaskConfigPublic(
            name=self.name,
            kind=self.kind,
            enabled=self.enabled,
            required_fields=list(self.required_fields),
            optional_fields=list(self.optional_fields),
            business_hours=self.business_hours,
            blocked_dates=self.blocked_dates,
            services=self.services,
            slot_minutes=self.slot_minutes,
            durations=self.durations or [15, 30, 60],
            updated_at=self.updated_at,
        )

    def apply(self, update: TaskConfigUpdate) -> None:
        """Copy a validated update onto the row (JSON-ready values)."""
        data = update.model_dump(mode="json")
        for key in (
            "enabled",
            "required_fields",
            "optional_fields",
            "business_hours",
            "blocked_dates",
            "services",
            "slot_minutes",
            "durations",
        ):
            setattr(self, key, data[key])
        self.updated_at = utcnow()
