"""The business's calendar: the slot grid of each task, the claims that make double booking
impossible, and the free and nearest starts offered to visitors.

How double booking is prevented: a booking or meeting inserts one `slot_claims` row per
`CLAIM_STEP` cell of calendar time it covers, in the same transaction as the booking. The
UNIQUE(resource, slot_start) key lets only one of two concurrent inserts for the same cell
commit, on SQLite and PostgreSQL alike, whatever either request read before. A fixed 5-minute
cell (rather than each task's own slot length) makes a 15-minute meeting and a 60-minute
consultation collide whenever they overlap, even if an admin gives the tasks different slot
lengths.

A business with several practitioners, chairs or rooms (the settings' "appointments at the same
time", N) has N calendars: `main`, `main-2`, ... `main-N`. A booking takes the first calendar
whose cells are all free, each attempt inside a savepoint, so a clash with a concurrent booking
on one calendar moves on to the next instead of failing; a start is free while any calendar has
it free. Lowering N keeps the bookings already on the calendars beyond it.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.models import Booking, FieldRefused, Meeting, SlotClaim, TaskConfigPublic, utcnow
from app.services.config import get_bot_settings, get_task_config

logger = logging.getLogger(__name__)

RESOURCE = "main"  # the first calendar: bookings and meetings share the business's time
CLAIM_STEP = dt.timedelta(minutes=5)
ALTERNATIVE_COUNT = 3
ALTERNATIVE_SEARCH_DAYS = 14
BOOKING_TASK = "book_service"
MEETING_TASK = "schedule_meeting"


class SlotTakenError(Exception):
    """The time overlaps a live booking; `alternatives` are the nearest free starts."""

    def __init__(self, alternatives: list[dt.datetime]) -> None:
        super().__init__("slot_taken")
        self.alternatives = alternatives


def business_zone() -> ZoneInfo:
    """The business's timezone (bot settings), in which hours and dates are meant."""
    return ZoneInfo(get_bot_settings().timezone)


def aware(start: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A naive start is business-local time; anything else keeps its offset."""
    return start.replace(tzinfo=zone) if start.tzinfo is None else start


def task_config(name: str, field: str) -> TaskConfigPublic:
    config = get_task_config(name)
    if config is None:
        raise FieldRefused(field, f"the business has no {name} task configured")
    return config


def start_fault(
    config: TaskConfigPublic, day: dt.date, start: dt.time, duration: dt.timedelta
) -> Literal["closed", "hours", "grid"] | None:
    """Which rule of the calendar a business-local start of `duration` breaks, or None when it
    is a slot: `closed` (a closed weekday or a blocked date), `hours` (it starts before opening
    or ends after closing), `grid` (not a slot start counted from opening). Pure: whether the
    time has passed is the caller's, who holds the clock; the bot words each fault its own way."""
    hours = config.hours_on(day)
    if hours is None:
        return "closed"
    opens = dt.datetime.combine(day, dt.time.fromisoformat(hours.start))
    closes = dt.datetime.combine(day, dt.time.fromisoformat(hours.end))
    local = dt.datetime.combine(day, start)
    if local < opens or local + duration > closes:
        return "hours"
    if (local - opens) % dt.timedelta(minutes=config.slot_minutes):
        return "grid"
    return None


def check_start(
    config: TaskConfigPublic, start: dt.datetime, duration: dt.timedelta, *, field: str = "start"
) -> None:
    """Raise FieldRefused unless `start` is a bookable future slot of that length."""
    if start <= utcnow():
        raise FieldRefused(field, "that time is in the past")
    local = start.astimezone(business_zone())
    day = local.date()
    fault = start_fault(config, day, local.time(), duration)
    if fault is None:
        return
    hours = config.hours_on(day)
    if fault == "closed" or hours is None:
        if day in config.blocked_dates:
            raise FieldRefused(field, f"we are closed on {day:%A %d %B %Y}")
        raise FieldRefused(field, f"we are closed on {day:%A}s")
    if fault == "hours":
        minutes = int(duration.total_seconds() // 60)
        raise FieldRefused(
            field,
            f"outside business hours: on {day:%A}s we are open {hours.start}-{hours.end} "
            f"and a {minutes}-minute appointment must end by {hours.end}",
        )
    raise FieldRefused(
        field, f"appointments start every {config.slot_minutes} minutes from {hours.start}"
    )


def cells(start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """The CLAIM_STEP cells (aware UTC) that [start, end) touches."""
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    first = epoch + ((start.astimezone(dt.UTC) - epoch) // CLAIM_STEP) * CLAIM_STEP
    cells = []
    cell = first
    while cell < end:
        cells.append(cell)
        cell += CLAIM_STEP
    return cells


def resources() -> list[str]:
    """The calendars bookings can go on: one per appointment the business takes at once."""
    count = get_bot_settings().parallel_appointments
    return [RESOURCE] + [f"{RESOURCE}-{n}" for n in range(2, count + 1)]


def claim(session: Session, reference: str, start: dt.datetime, end: dt.datetime) -> str | None:
    """Claim [start, end) on the first calendar that has it free and return that calendar, or
    None when every calendar has it taken.

    The claims go in ascending order and are flushed. The read only orders the attempts: the
    UNIQUE key decides between concurrent bookings, so IntegrityError from the last calendar
    tried means the time went meanwhile."""
    wanted = cells(start, end)
    taken = _claimed_cells(session, start, end)
    open_calendars = [r for r in resources() if not taken.get(r, set()).intersection(wanted)]
    if not open_calendars:
        return None
    *others, last = open_calendars
    for resource in others:
        try:
            with session.begin_nested():  # a clash rolls back this calendar's claims only
                _insert_claims(session, resource, reference, wanted)
            return resource
        except IntegrityError:
            continue
    _insert_claims(session, last, reference, wanted)
    return last


def _insert_claims(
    session: Session, resource: str, reference: str, wanted: list[dt.datetime]
) -> None:
    session.add_all(
        SlotClaim(resource=resource, slot_start=cell, reference=reference) for cell in wanted
    )
    session.flush()


def release(session: Session, reference: str) -> None:
    session.execute(delete(SlotClaim).where(col(SlotClaim.reference) == reference))


def _claimed_cells(
    session: Session, start: dt.datetime, end: dt.datetime
) -> dict[str, set[dt.datetime]]:
    """The claimed cells between `start` and `end`, by calendar."""
    rows = session.exec(
        select(SlotClaim.resource, SlotClaim.slot_start).where(
            col(SlotClaim.resource).in_(resources()),
            col(SlotClaim.slot_start) >= start - CLAIM_STEP,
            col(SlotClaim.slot_start) < end,
        )
    ).all()
    taken: dict[str, set[dt.datetime]] = {}
    for resource, cell in rows:
        taken.setdefault(resource, set()).add(cell.astimezone(dt.UTC))
    return taken


def _candidate_starts(
    config: TaskConfigPublic, day: dt.date, duration: dt.timedelta
) -> list[dt.datetime]:
    """Every slot start on `day` where an appointment of `duration` fits in the hours."""
    hours = config.hours_on(day)
    if hours is None:
        return []
    zone = business_zone()
    opens = dt.datetime.combine(day, dt.time.fromisoformat(hours.start), zone)
    closes = dt.datetime.combine(day, dt.time.fromisoformat(hours.end), zone)
    step = dt.timedelta(minutes=config.slot_minutes)
    starts = []
    start = opens
    while start + duration <= closes:
        starts.append(start)
        start += step
    return starts


def free_starts(
    *, session: Session, config: TaskConfigPublic, day: dt.date, duration: dt.timedelta
) -> list[dt.datetime]:
    """The future starts on `day` (business-local date) that are open and not taken."""
    candidates = [s for s in _candidate_starts(config, day, duration) if s > utcnow()]
    if not candidates:
        return []
    taken = _claimed_cells(session, candidates[0], candidates[-1] + duration)
    calendars = [taken.get(resource, set()) for resource in resources()]
    free = []
    for start in candidates:
        span = cells(start, start + duration)
        if any(not claimed.intersection(span) for claimed in calendars):
            free.append(start)
    return free


def nearest_free_starts(
    *,
    session: Session,
    config: TaskConfigPublic,
    wanted: dt.datetime,
    duration: dt.timedelta,
    count: int = ALTERNATIVE_COUNT,
) -> list[dt.datetime]:
    """The `count` free starts closest to `wanted` (same day first, then the days after)."""
    zone = business_zone()
    first_day = wanted.astimezone(zone).date()
    found: list[dt.datetime] = []
    for offset in range(ALTERNATIVE_SEARCH_DAYS):
        found += free_starts(
            session=session,
            config=config,
            day=first_day + dt.timedelta(days=offset),
            duration=duration,
        )
        if len(found) >= count * 3:
            break
    nearest = sorted(found, key=lambda s: abs(s - wanted))[:count]
    return sorted(nearest)


def insert_claimed(
    session: Session, record: Booking | Meeting, config: TaskConfigPublic, duration: dt.timedelta
) -> None:
    """Add the record with its claims; on a clash roll back and raise SlotTakenError."""
    session.add(record)
    # Flushed before any savepoint: the SQLite driver begins its transaction at the first write,
    # and a SAVEPOINT outside a transaction would commit on release.
    session.flush()
    try:
        calendar = claim(session, record.reference, record.start_at, record.end_at)
    except IntegrityError:
        calendar = None
    if calendar is None:
        session.rollback()
        alternatives = nearest_free_starts(
            session=session, config=config, wanted=record.start_at, duration=duration
        )
        logger.info(
            "slot taken at %s; offering %d alternatives", record.start_at, len(alternatives)
        )
        raise SlotTakenError(alternatives) from None


def availability(
    *, session: Session, service_id: str, day: dt.date, duration_minutes: int | None = None
) -> list[dt.datetime]:
    """Free starts (business timezone) on `day` for a service, or for `meeting` of a length."""
    if service_id == "meeting":
        config = task_config(MEETING_TASK, "service")
        minutes = duration_minutes or min(config.durations)
        if minutes not in config.durations:
            raise FieldRefused("duration", f"meetings last {config.durations} minutes")
    else:
        config = task_config(BOOKING_TASK, "service")
        service = next((s for s in config.enabled_services if s.id == service_id), None)
        if service is None:
            offered = ", ".join(s.id for s in config.enabled_services) or "none"
            raise FieldRefused("service", f"no such service; we offer: {offered}")
        minutes = service.duration_minutes
    return free_starts(
        session=session, config=config, day=day, duration=dt.timedelta(minutes=minutes)
    )
