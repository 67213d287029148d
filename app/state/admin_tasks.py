"""Tasks page: the original design's section 3.3 screen for each task (enabled, required and
optional fields, hours per weekday, blocked dates, services), saved through the config service."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

import reflex as rx
from pydantic import ValidationError

from app.core.db import session_scope
from app.models import TASK_KINDS, WEEKDAYS, FieldRefused, TaskConfigPublic, TaskConfigUpdate
from app.services.config import (
    TaskNotFound,
    field_errors,
    get_task_config,
    list_task_configs,
    save_task_config,
)
from app.state.auth import EDIT_ROLES, AuthState
from app.state.rows import FieldRow, HoursRow, ServiceRow, TaskTab

logger = logging.getLogger(__name__)

TASK_LABELS = {
    "book_service": "Book a service",
    "schedule_meeting": "Schedule a meeting",
    "cancel_booking": "Cancel a booking",
    "reschedule_booking": "Reschedule a booking",
}
FIELD_LABELS = {
    "service_type": "Service",
    "date": "Date",
    "time": "Time",
    "name": "Name",
    "email": "Email",
    "phone": "Phone",
    "topic": "Topic",
    "duration": "Duration",
    "booking_reference": "Booking reference",
}
FIELD_MODES = ("required", "optional", "off")
DEFAULT_HOURS = {"start": "09:00", "end": "17:00"}
SAVED_BANNER = "Saved. The bot uses this from the next message, no retraining needed."


def task_label(name: str, kind: str) -> str:
    """A task's name in words ('Book a service'), falling back to its identifier."""
    return TASK_LABELS.get(name) or TASK_LABELS.get(kind) or name.replace("_", " ").capitalize()


def config_to_form(config: TaskConfigPublic) -> dict[str, Any]:
    """A stored task config as the page's editable rows (the text in the inputs, bool flags)."""
    fields = []
    for name in TASK_KINDS[config.kind]:
        mode = (
            "required"
            if name in config.required_fields
            else "optional"
            if name in config.optional_fields
            else "off"
        )
        fields.append(FieldRow(name=name, label=FIELD_LABELS.get(name, name), mode=mode))
    hours = []
    for day in WEEKDAYS:
        opening = config.business_hours.get(day)
        hours.append(
            HoursRow(
                day=day,
                label=day.capitalize(),
                closed=opening is None,
                start=opening.start if opening else DEFAULT_HOURS["start"],
                end=opening.end if opening else DEFAULT_HOURS["end"],
            )
        )
    services = [
        ServiceRow(
            id=s.id,
            name=s.name,
            price=f"{s.price:g}",
            duration=str(s.duration_minutes),
            enabled=s.enabled,
        )
        for s in config.services
    ]
    return {
        "enabled": config.enabled,
        "fields": fields,
        "hours": hours,
        "blocked_dates": [d.isoformat() for d in config.blocked_dates],
        "services": services,
    }


def form_to_update(
    *,
    enabled: bool,
    fields: list[FieldRow],
    hours: list[HoursRow],
    blocked_dates: list[str],
    services: list[ServiceRow],
    keep: dict[str, Any],
) -> TaskConfigUpdate:
    """The page's rows as the schema the config service validates; raises ValidationError."""
    return TaskConfigUpdate.model_validate(
        {
            "enabled": enabled,
            "required_fields": [f.name for f in fields if f.mode == "required"],
            "optional_fields": [f.name for f in fields if f.mode == "optional"],
            "business_hours": {
                h.day: None if h.closed else {"start": h.start, "end": h.end} for h in hours
            },
            "blocked_dates": blocked_dates,
            "services": [
                {
                    "id": s.id,
                    "name": s.name.strip(),
                    "price": s.price.strip().lstrip("$") or "0",
                    "duration_minutes": s.duration.strip() or "30",
                    "enabled": s.enabled,
                }
                for s in services
            ],
            **keep,
        }
    )


def errors_by_place(errors: dict[str, str]) -> dict[str, str]:
    """Group validation errors by where the page shows them.

    `business_hours.monday.start` → `business_hours.monday` (the Monday row),
    `services.1.price` → `services.1` (the second service), `blocked_dates.0` → `blocked_dates`,
    everything else by its top-level field.
    """
    grouped: dict[str, str] = {}
    for path, message in errors.items():
        parts = path.split(".")
        if parts[0] in ("business_hours", "services") and len(parts) > 1:
            place = f"{parts[0]}.{parts[1]}"
            label = parts[2].replace("_", " ") if len(parts) > 2 and not parts[2].isdigit() else ""
            message = f"{label}: {message}" if label and label not in ("OpeningHours",) else message
        else:
            place = parts[0]
        grouped.setdefault(place, message[:1].upper() + message[1:])
    return grouped


def slug(name: str) -> str:
    """A service id from its name ('Premium support' → 'premium-support')."""
    cleaned = "".join(c if c.isalnum() else "-" for c in name.lower().strip())
    return "-".join(p for p in cleaned.split("-") if p)[:50] or "service"


class TasksState(AuthState):
    """The task being edited and its unsaved changes."""

    tasks: list[TaskTab] = []
    selected: str = ""
    kind: str = ""
    enabled: bool = True
    fields: list[FieldRow] = []
    hours: list[HoursRow] = []
    blocked_dates: list[str] = []
    new_blocked_date: str = ""
    services: list[ServiceRow] = []
    new_service_name: str = ""
    errors: dict[str, str] = {}
    saved_message: str = ""
    unsaved: bool = False
    loading: bool = True
    updated_at: str = ""

    _keep: dict[str, Any] = {}

    @rx.var
    def selected_label(self) -> str:
        """The selected task in words."""
        return task_label(self.selected, self.kind)

    @rx.var
    def has_hours(self) -> bool:
        """Only tasks that pick a date and time have opening hours and blocked dates."""
        return any(f.name == "date" for f in self.fields)

    @rx.var
    def has_services(self) -> bool:
        """Only booking offers services."""
        return self.kind == "book_service" or len(self.services) > 0

    @rx.event
    def load(self) -> None:
        """on_load: list the tasks and open the first (or the one in ?task=)."""
        if self._current_admin() is None:
            return
        with session_scope() as session:
            configs = list_task_configs(session=session)
        self.tasks = [
            TaskTab(name=c.name, label=task_label(c.name, c.kind), enabled=c.enabled)
            for c in configs
        ]
        wanted = self.router.url.query_parameters.get("task", self.selected)
        names = [c.name for c in configs]
        chosen = wanted if wanted in names else (names[0] if names else "")
        self._open(next((c for c in configs if c.name == chosen), None))
        self.loading = False

    def _open(self, config: TaskConfigPublic | None) -> None:
        self.errors = {}
        self.unsaved = False
        self.new_blocked_date = ""
        if config is None:
            self.selected = ""
            return
        form = config_to_form(config)
        self.selected, self.kind, self.enabled = config.name, config.kind, form["enabled"]
        self.fields, self.hours = form["fields"], form["hours"]
        self.blocked_dates, self.services = form["blocked_dates"], form["services"]
        self.updated_at = (
            config.updated_at.strftime("%d %b %Y, %H:%M UTC") if config.updated_at else ""
        )
        self._keep = {"slot_minutes": config.slot_minutes, "durations": list(config.durations)}

    @rx.event
    def select_task(self, name: str) -> None:
        """Open another task (unsaved changes of the current one are dropped)."""
        if self._current_admin() is None:
            return
        self.saved_message = ""
        self._open(get_task_config(name))

    def _changed(self) -> None:
        self.unsaved = True
        self.saved_message = ""

    @rx.event
    def set_enabled(self, value: bool) -> None:
        """Turn the whole task on or off."""
        if not self._token_allows(EDIT_ROLES):
            return None
        self.enabled = value
        self._changed()

    @rx.event
    def set_field_mode(self, name: str, mode: str | list[str]) -> None:
        """Make a field required, optional or not asked."""
        if not self._token_allows(EDIT_ROLES):
            return None
        mode = mode[0] if isinstance(mode, list) else mode
        if mode not in FIELD_MODES:
            return
        self.fields = [
            dataclasses.replace(f, mode=mode) if f.name == name else f for f in self.fields
        ]
        self._changed()

    @rx.event
    def set_day_open(self, day: str, is_open: bool) -> None:
        """Open or close a weekday."""
        if not self._token_allows(EDIT_ROLES):
            return None
        self.hours = [
            dataclasses.replace(h, closed=not is_open) if h.day == day else h for h in self.hours
        ]
        self._changed()

    @rx.event
    def set_day_time(self, day: str, which: str, value: str) -> None:
        """Change a weekday's opening (`start`) or closing (`end`) time."""
        if not self._token_allows(EDIT_ROLES):
            return None
        if which not in ("start", "end"):
            return
        self.hours = [
            dataclasses.replace(h, **{which: value[:5]}) if h.day == day else h for h in self.hours
        ]
        self._changed()

    @rx.event
    def set_new_blocked_date(self, value: str) -> None:
        """The date in the picker, not yet added."""
        if not self._token_allows(EDIT_ROLES):
            return None
        self.new_blocked_date = value
        self.errors = {k: v for k, v in self.errors.items() if k != "blocked_dates"}

    @rx.event
    def add_blocked_date(self) -> None:
        """Add the picked date to the blocked dates (sorted, no duplicates)."""
        if not self._token_allows(EDIT_ROLES):
            return None
        try:
            day = dt.date.fromisoformat(self.new_blocked_date)
        except ValueError:
            self.errors = {**self.errors, "blocked_dates": "Pick a date first."}
            return
        if day.isoformat() in self.blocked_dates:
            self.errors = {**self.errors, "blocked_dates": f"{day:%d %b %Y} is already blocked."}
            return
        self.blocked_dates = sorted([*self.blocked_dates, day.isoformat()])
        self.new_blocked_date = ""
        self._changed()

    @rx.event
    def remove_blocked_date(self, value: str) -> None:
        """Unblock a date."""
        if not self._token_allows(EDIT_ROLES):
            return None
        self.blocked_dates = [d for d in self.blocked_dates if d != value]
        self._changed()

    @rx.event
    def set_service(self, service_id: str, key: str, value: str | bool) -> None:
        """Edit one service's name, price, duration or enabled flag."""
        if not self._token_allows(EDIT_ROLES):
            return None
        if key not in ("name", "price", "duration", "enabled"):
            return
        # The switch sends a bool; the name, price and length boxes send their text.
        new = bool(value) if key == "enabled" else str(value)
        self.services = [
            dataclasses.replace(s, **{key: new}) if s.id == service_id else s for s in self.services
        ]
        self._changed()

    @rx.event
    def set_new_service_name(self, value: str) -> None:
        """The name typed for a new service."""
        if not self._token_allows(EDIT_ROLES):
            return None
        self.new_service_name = value

    @rx.event
    def add_service(self) -> None:
        """Add a service (free, 30 minutes, enabled) that the owner then prices."""
        if not self._token_allows(EDIT_ROLES):
            return None
        name = self.new_service_name.strip()
        if not name:
            self.errors = {**self.errors, "services": "Type the new service's name first."}
            return
        service_id = slug(name)
        if any(s.id == service_id for s in self.services):
            self.errors = {**self.errors, "services": f"There is already a service called {name}."}
            return
        self.services = [
            *self.services,
            ServiceRow(id=service_id, name=name, price="0", duration="30", enabled=True),
        ]
        self.new_service_name = ""
        self._changed()

    @rx.event
    def discard(self) -> None:
        """Forget unsaved changes."""
        if not self._token_allows(EDIT_ROLES):
            return None
        self.saved_message = ""
        self._open(get_task_config(self.selected))

    @rx.event
    def save(self) -> Any:
        """Validate, store, invalidate the bot's cache and audit, or show errors by the fields."""
        admin = self._require_role(EDIT_ROLES)
        if admin is None:
            return self._refusal()
        self.saved_message = ""
        try:
            update = form_to_update(
                enabled=self.enabled,
                fields=self.fields,
                hours=self.hours,
                blocked_dates=self.blocked_dates,
                services=self.services,
                keep=self._keep,
            )
            with session_scope() as session:
                saved = save_task_config(
                    session=session,
                    name=self.selected,
                    config_in=update,
                    actor=admin,
                )
        except (ValidationError, FieldRefused) as exc:
            self.errors = errors_by_place(field_errors(exc))
            return rx.toast.error("Some values need fixing before saving. See the red notes.")
        except TaskNotFound:
            self.errors = {"task": "This task no longer exists. Reload the page."}
            return None
        self._open(saved)
        self.tasks = [
            dataclasses.replace(t, enabled=saved.enabled) if t.name == saved.name else t
            for t in self.tasks
        ]
        self.saved_message = SAVED_BANNER
        logger.info("task %s saved from the dashboard", saved.name)
        return None
