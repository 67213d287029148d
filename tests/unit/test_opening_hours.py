"""Opening hours from the Tasks page answer "when are you open?" when the site's pages do not."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models import BotSettingsPublic, TaskConfigUpdate
from app.services.opening_hours import asks_opening_hours, hours_answer

CLINIC_HOURS = TaskConfigUpdate(
    business_hours={
        "monday": {"start": "07:00", "end": "19:30"},
        "tuesday": {"start": "07:00", "end": "19:30"},
        "wednesday": {"start": "08:00", "end": "18:00"},
        "thursday": {"start": "07:00", "end": "20:00"},
        "friday": {"start": "07:00", "end": "17:00"},
        "saturday": {"start": "08:00", "end": "13:00"},
        "sunday": None,
    }
).business_hours
CLINIC = BotSettingsPublic(
    business_name="Corio Bay Physio",
    timezone="Australia/Melbourne",
    default_phone_region="AU",
)
# Monday 7 December 2026, 3pm in Melbourne
MONDAY_3PM = dt.datetime(2026, 12, 7, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))


def answer(question: str, *, blocked: list[dt.date] | None = None, **kwargs) -> str | None:
    options = {"hours": CLINIC_HOURS, "settings": CLINIC, "now": MONDAY_3PM, **kwargs}
    return hours_answer(question, blocked_dates=blocked or [], **options)


def test_the_week_is_said_in_groups_of_days_with_the_same_hours():
    assert answer("When are you open?") == (
        "Corio Bay Physio is open Monday and Tuesday 7:00 am to 7:30 pm, Wednesday 8:00 am to "
        "6:00 pm, Thursday 7:00 am to 8:00 pm, Friday 7:00 am to 5:00 pm and Saturday 8:00 am "
        "to 1:00 pm. Closed on Sunday."
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("saturday hours", "On Saturdays Corio Bay Physio is open from 8:00 am to 1:00 pm."),
        ("Are you open on Sundays?", "Corio Bay Physio is closed on Sundays."),
        ("What time do you close on Thursday?", "On Thursdays Corio Bay Physio is open from "),
        ("are you open on weekends", "On Saturdays Corio Bay Physio is open from 8:00 am to "),
    ],
)
def test_a_day_asked_about_is_answered_with_that_day(question: str, expected: str):
    said = answer(question)

    assert said is not None and said.startswith(expected), said
    if question == "What time do you close on Thursday?":
        assert "8:00 pm" in said
    if "weekends" in question:
        assert said.endswith("Closed on Sundays.")


def test_today_tomorrow_and_now_are_the_business_timezone_and_its_blocked_dates():
    tuesday = dt.date(2026, 12, 8)

    assert answer("are you open today?") == (
        "Corio Bay Physio is open today (Monday 7 December) from 7:00 am to 7:30 pm."
    )
    assert answer("is the clinic open tomorrow?", blocked=[tuesday]) == (
        "Corio Bay Physio is closed tomorrow (Tuesday 8 December)."
    )
    assert answer("are you open now?") == "Yes, Corio Bay Physio is open now, until 7:30 pm."
    late = MONDAY_3PM.replace(hour=21)
    assert answer("are you still open?", now=late, blocked=[tuesday]) == (
        "Corio Bay Physio is closed right now; it opens on Wednesday at 8:00 am."
    )
    # 9pm in Melbourne is 10am UTC: the business's clock decides, not the server's
    assert answer("are you open now?", now=late.astimezone(dt.UTC)) == (
        "Corio Bay Physio is closed right now; it opens tomorrow at 7:00 am."
    )


def test_a_blocked_date_in_the_next_two_weeks_is_said_with_the_week():
    said = answer("what are your opening hours?", blocked=[dt.date(2026, 12, 10)])

    assert said is not None and said.endswith("Also closed on Thursday 10 December."), said


def test_times_are_written_as_the_business_country_writes_them():
    dublin = CLINIC.model_copy(update={"default_phone_region": "IE", "timezone": "Europe/Dublin"})
    boston = CLINIC.model_copy(
        update={"default_phone_region": "US", "timezone": "America/New_York"}
    )

    assert answer("saturday hours", settings=dublin) == (
        "On Saturdays Corio Bay Physio is open from 08:00 to 13:00."
    )
    assert answer("saturday hours", settings=boston) == (
        "On Saturdays Corio Bay Physio is open from 8:00 AM to 1:00 PM."
    )


@pytest.mark.parametrize(
    "question",
    [
        "What time does the kitchen close?",
        "Are you open on public holidays?",
        "Are you open on Christmas Day?",
        "Are you open to new patients?",
        "What time is my appointment?",
        "Is there parking close to the clinic?",
        "Can members get in at night?",
        "Are you open on the 24th?",
    ],
)
def test_other_questions_are_not_answered_with_the_hours(question: str):
    assert not asks_opening_hours(question)
    assert answer(question) is None


def test_no_hours_set_gives_no_answer():
    closed = TaskConfigUpdate(business_hours={}).business_hours

    assert answer("When are you open?", hours=closed) is None
