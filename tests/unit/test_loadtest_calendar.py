"""`python -m loadtests.run --parallel-appointments N`: the business takes N appointments at
once for the run and gets its own setting back afterwards; the report counts new bookings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from app.services.config import get_bot_settings
from loadtests.run import appointments_at_once, bookings_since
from tests.unit.test_booking_service import at, book, open_day


def test_the_run_sets_the_calendars_and_puts_the_setting_back(seeded: Session) -> None:
    assert get_bot_settings().parallel_appointments == 1
    with appointments_at_once(5) as during:
        assert during == 5 and get_bot_settings().parallel_appointments == 5
    assert get_bot_settings().parallel_appointments == 1


def test_the_setting_comes_back_when_the_run_fails(seeded: Session) -> None:
    with pytest.raises(RuntimeError), appointments_at_once(3):
        raise RuntimeError("locust crashed")
    assert get_bot_settings().parallel_appointments == 1


def test_without_the_option_the_run_reports_the_business_setting(seeded: Session) -> None:
    with appointments_at_once(None) as during:
        assert during == 1


def test_bookings_since_counts_only_the_runs_bookings(seeded: Session) -> None:
    monday = open_day()
    book(seeded, at(monday, "10:00"))
    started = dt.datetime.now(dt.UTC)
    assert bookings_since(started) == 0
    book(seeded, at(monday, "14:00"), email="grace@example.com")
    book(seeded, at(monday, "16:00"), email="alan@example.com")
    assert bookings_since(started) == 2
