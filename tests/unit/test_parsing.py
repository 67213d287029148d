"""The pure helpers that read a visitor's free-text answers (actions/parsing.py)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actions.parsing import (
    BusinessClock,
    InvalidAnswer,
    check_time,
    format_time,
    is_skip,
    parse_date,
    parse_time,
    read_date,
    read_duration,
    read_email,
    read_name,
    read_phone,
    read_reference,
    read_service,
    read_time,
)
from app.models import TaskConfigPublic
from app.services.seed import DEMO_HOLIDAYS, DEMO_HOURS, DEMO_SERVICES

NEW_YORK = ZoneInfo("America/New_York")
# Wednesday 25 November 2026, 10:00 in New York; Thursday the 26th is Thanksgiving (blocked).
CLOCK = BusinessClock("America/New_York", dt.datetime(2026, 11, 25, 10, 0, tzinfo=NEW_YORK))


def demo_config() -> TaskConfigPublic:
    """The demo business's booking task, built without a database."""
    return TaskConfigPublic(
        name="book_service",
        kind="book_service",
        required_fields=["service_type", "date", "time", "name", "email", "phone"],
        business_hours=DEMO_HOURS,
        blocked_dates=DEMO_HOLIDAYS,
        services=DEMO_SERVICES,
        slot_minutes=30,
    )


@pytest.fixture
def config() -> TaskConfigPublic:
    return demo_config()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next Monday", dt.date(2026, 11, 30)),
        ("monday", dt.date(2026, 11, 30)),
        ("on Monday please", dt.date(2026, 11, 30)),
        ("tomorrow", dt.date(2026, 11, 26)),
        ("15 Jan", dt.date(2027, 1, 15)),
        ("January 15th", dt.date(2027, 1, 15)),
        ("Friday 4th December", dt.date(2026, 12, 4)),
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("how about Tuesday?", dt.date(2026, 12, 1)),
        ("the 3rd", dt.date(2026, 12, 3)),
        ("3rd", dt.date(2026, 12, 3)),
        ("the 25th", dt.date(2026, 11, 25)),  # today is the 25th: today counts
        ("the 31st", dt.date(2026, 12, 31)),  # November has no 31st
    ],
)
def test_parse_date_reads_visitor_phrasing(text: str, expected: dt.date) -> None:
    assert parse_date(text, CLOCK) == expected


@pytest.mark.parametrize("text", ["banana", "3pm", "half past two", "", "whenever"])
def test_parse_date_refuses_what_is_not_a_date(text: str) -> None:
    assert parse_date(text, CLOCK) is None


@given(st.integers(min_value=1, max_value=31))
def test_the_nth_is_never_in_the_past_and_has_that_day(day_number: int) -> None:
    day = parse_date(f"the {day_number}th", CLOCK)
    assert day is not None
    assert day >= CLOCK.today
    assert day.day == day_number
    assert (day - CLOCK.today).days < 366


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Sunday", "We're closed on Sundays — could you pick another day?"),
        ("tomorrow", "Sorry, we're closed on Thursday 26 November — could you pick another day?"),
        (
            "yesterday",
            "Tuesday 24 November has already passed — could you pick a day from today on?",
        ),
        ("banana", "Sorry, I couldn't read that as a date"),
        ("15 March 2028", "We take bookings up to a year ahead"),
    ],
)
def test_read_date_says_what_is_wrong(config: TaskConfigPublic, text: str, message: str) -> None:
    with pytest.raises(InvalidAnswer) as problem:
        read_date(text, config, CLOCK)
    assert problem.value.message.startswith(message)


def test_read_date_refuses_today_after_closing(config: TaskConfigPublic) -> None:
    evening = BusinessClock(CLOCK.timezone, CLOCK.now.replace(hour=19))
    with pytest.raises(InvalidAnswer, match="no times left today"):
        read_date("today", config, evening)
    assert read_date("today", config, CLOCK) == CLOCK.today


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2pm", dt.time(14, 0)),
        ("2 pm", dt.time(14, 0)),
        ("14:00", dt.time(14, 0)),
        ("14.30", dt.time(14, 30)),
        ("10:30am", dt.time(10, 30)),
        ("half past two", dt.time(14, 30)),
        ("half past 10", dt.time(10, 30)),
        ("quarter to five", dt.time(16, 45)),
        ("quarter past 3", dt.time(15, 15)),
        ("20 past 4", dt.time(16, 20)),
        ("noon", dt.time(12, 0)),
        ("at 3", dt.time(15, 0)),
        ("9", dt.time(9, 0)),
        ("ten o'clock", dt.time(10, 0)),
        ("3 in the afternoon", dt.time(15, 0)),
        ("make it 3pm instead", dt.time(15, 0)),
        ("12am", dt.time(0, 0)),
    ],
)
def test_parse_time_reads_visitor_phrasing(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["the 15th", "banana", "2026-12-01", "12/01", "next Monday"])
def test_parse_time_refuses_what_is_not_a_time(text: str) -> None:
    assert parse_time(text) is None


@given(st.integers(min_value=0, max_value=23), st.sampled_from([0, 15, 30, 45]))
def test_parse_time_reads_back_every_24_hour_time(hour: int, minute: int) -> None:
    assert parse_time(f"{hour:02d}:{minute:02d}") == dt.time(hour, minute)


@given(st.integers(min_value=0, max_value=23), st.sampled_from([0, 30]))
def test_format_time_reads_back(hour: int, minute: int) -> None:
    assert parse_time(format_time(dt.time(hour, minute))) == dt.time(hour, minute)


MONDAY = dt.date(2026, 11, 30)
SATURDAY = dt.date(2026, 11, 28)


def test_check_time_accepts_a_slot_inside_hours(config: TaskConfigPublic) -> None:
    assert check_time(MONDAY, dt.time(14), config, CLOCK, duration_minutes=60) == dt.time(14)
    assert check_time(MONDAY, dt.time(17), config, CLOCK, duration_minutes=60) == dt.time(17)


@pytest.mark.parametrize(
    ("day", "start", "minutes", "message"),
    [
        (MONDAY, dt.time(8, 0), 60, "could you pick a time between 9am and 5pm?"),
        (MONDAY, dt.time(17, 30), 60, "could you pick a time between 9am and 5pm?"),
        (SATURDAY, dt.time(16, 0), 30, "On Saturdays we're open 10am–4pm"),
        (MONDAY, dt.time(14, 10), 60, "Appointments start every 30 minutes"),
    ],
)
def test_check_time_says_what_is_wrong(
    config: TaskConfigPublic, day: dt.date, start: dt.time, minutes: int, message: str
) -> None:
    with pytest.raises(InvalidAnswer) as problem:
        check_time(day, start, config, CLOCK, duration_minutes=minutes)
    assert message in problem.value.message


def test_check_time_refuses_a_time_already_gone_today(config: TaskConfigPublic) -> None:
    with pytest.raises(InvalidAnswer, match="already passed today"):
        check_time(CLOCK.today, dt.time(9, 30), config, CLOCK, duration_minutes=30)


@given(st.integers(min_value=0, max_value=23 * 60 + 59))
def test_check_time_accepts_only_aligned_starts_that_fit(minute: int) -> None:
    config = demo_config()
    start = dt.time(minute // 60, minute % 60)
    fits = 9 * 60 <= minute <= 17 * 60 and minute % 30 == 0
    try:
        check_time(MONDAY, start, config, CLOCK, duration_minutes=60)
        accepted = True
    except InvalidAnswer:
        accepted = False
    assert accepted == fits


def test_read_time_unreadable(config: TaskConfigPublic) -> None:
    with pytest.raises(InvalidAnswer, match="couldn't read that as a time"):
        read_time("whenever", MONDAY, config, CLOCK, duration_minutes=60)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane@example.com", "jane@example.com"),
        ("my email is Jane.Doe@Example.COM.", "Jane.Doe@example.com"),
    ],
)
def test_read_email(text: str, expected: str) -> None:
    assert read_email(text) == expected


@pytest.mark.parametrize(
    "text", ["jane at example dot com", "jane@", "@example.com", "jane@exa mple"]
)
def test_read_email_refuses_malformed(text: str) -> None:
    with pytest.raises(InvalidAnswer):
        read_email(text)


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("(212) 555-0142", "US", "+12125550142"),
        ("my number is 212-555-0142", "US", "+12125550142"),
        ("+44 20 7946 0958", "US", "+442079460958"),
        ("020 7946 0958", "GB", "+442079460958"),
    ],
)
def test_read_phone_stores_e164(text: str, region: str, expected: str) -> None:
    assert read_phone(text, region) == expected


@pytest.mark.parametrize("text", ["12345", "call me maybe", "555 1234"])
def test_read_phone_refuses_invalid(text: str) -> None:
    with pytest.raises(InvalidAnswer):
        read_phone(text, "US")


def test_read_name_strips_lead_in_and_capitalises() -> None:
    assert read_name("my name is jane smith") == "Jane Smith"
    assert read_name("Olivia O'Brien") == "Olivia O'Brien"
    with pytest.raises(InvalidAnswer):
        read_name("jane@example.com")
    with pytest.raises(InvalidAnswer):
        read_name("x")


def test_read_reference_normalises() -> None:
    assert read_reference("it's bk 2026 0042") == "BK-2026-0042"
    assert read_reference("MT-2026-0007") == "MT-2026-0007"
    with pytest.raises(InvalidAnswer, match="BK-2026-0042"):
        read_reference("I lost it")


def test_read_service_only_enabled(config: TaskConfigPublic) -> None:
    assert read_service("consultation", config.services).id == "consultation"
    assert read_service("the Support session please", config.services).id == "support"
    services = [s.model_copy(update={"enabled": s.id != "demo"}) for s in config.services]
    with pytest.raises(InvalidAnswer, match="You can choose: Consultation, Support session"):
        read_service("demo", services)


@pytest.mark.parametrize(
    ("text", "minutes"), [("half an hour", 30), ("1 hour", 60), ("an hour", 60), ("15 minutes", 15)]
)
def test_read_duration(text: str, minutes: int) -> None:
    assert read_duration(text, [15, 30, 60]) == minutes


def test_read_duration_refuses_lengths_not_offered() -> None:
    with pytest.raises(InvalidAnswer, match="15, 30 or 60 minutes"):
        read_duration("45 minutes", [15, 30, 60])


@pytest.mark.parametrize(
    ("text", "skip"),
    [("skip", True), ("No thanks", True), ("skip it", True), ("0207", False), ("Skipper", False)],
)
def test_is_skip(text: str, skip: bool) -> None:
    assert is_skip(text) is skip


def test_check_time_counts_the_slot_grid_from_opening_as_the_calendar_does() -> None:
    """Opening at 9:15 with 30-minute slots: 9:45 is a slot (the booking API takes it and
    offers it as an alternative), 10:00 is not."""
    hours = {**DEMO_HOURS, "monday": {"start": "09:15", "end": "18:00"}}
    config = TaskConfigPublic.model_validate(
        {**demo_config().model_dump(), "business_hours": hours}
    )
    assert check_time(MONDAY, dt.time(9, 45), config, CLOCK, duration_minutes=30) == dt.time(9, 45)
    with pytest.raises(InvalidAnswer, match="Appointments start every 30 minutes"):
        check_time(MONDAY, dt.time(10), config, CLOCK, duration_minutes=30)
