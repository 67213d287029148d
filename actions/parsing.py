"""Pure helpers that turn a visitor's free text into form values, or say what is wrong.

Nothing here touches the database or the network: callers pass the task config, the
business timezone and "now", so every rule is testable on its own. A helper that cannot
accept an answer raises `InvalidAnswer` with the re-prompt the visitor should see; the
messages live here (not in the domain) because they carry the concrete reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import dateparser
import phonenumbers
from dateparser.search import search_dates
from email_validator import EmailNotValidError, validate_email

from app.models import WEEKDAYS, OpeningHours, Service, TaskConfigPublic
from app.services.calendar import start_fault

SKIP_WORDS = frozenset({"skip", "no", "none", "no thanks", "rather not", "n/a", "-", "pass"})
MAX_DAYS_AHEAD = 366

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_HOUR = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_HALF_PAST = re.compile(rf"\bhalf\s+(?:past\s+)?{_HOUR}\b")
_QUARTER = re.compile(rf"\bquarter\s+(past|after|to|till|before)\s+{_HOUR}\b")
_MINUTES_PAST = re.compile(rf"\b(\d{{1,2}})\s+(?:minutes\s+)?(past|after|to|before)\s+{_HOUR}\b")
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d/-])")
_OCLOCK = re.compile(rf"\b{_HOUR}\s*o'?\s?clock\b")
_MERIDIEM = re.compile(r"\b(am|pm|a\.m\.|p\.m\.|morning|afternoon|evening)\b")
_ORDINAL_DAY = re.compile(
    r"^(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+the\s+month)?$"
)
_DATE_WORDS = re.compile(
    r"\b(today|tomorrow|tonight|yesterday|ago|last|week|month|next|this|coming|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    + "|".join(WEEKDAYS)
    + r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december)\b|\d{1,4}[/-]\d{1,2}|\d(?:st|nd|rd|th)\b"
)
_FILLER = re.compile(
    r"\b(please|thanks|thank you|how about|what about|can we do|could we do|can i come|"
    r"let'?s (?:say|do)|let'?s|maybe|i'?d like|i would like|i want|instead|make it|change it to|"
    r"change the (?:date|day|time) to|move it to|actually|ok|okay|sure|ideally|preferably|"
    r"would be|works|great|good|for me|is fine|on|at|for|around|about)\b"
)
_EMAIL_CANDIDATE = re.compile(r"[^\s@<>,;:()\"']+@[^\s@<>,;:()\"']+")
_PHONE_CANDIDATE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
_REFERENCE = re.compile(r"\b(BK|MT)[\s-]?(\d{4})[\s-]?(\d{3,6})\b", re.IGNORECASE)
_NAME_PREFIX = re.compile(
    r"^(?:my name is|my name's|name is|name's|i am|i'm|im|it's|its|this is|call me)\s+", re.I
)
_NAME_OK = re.compile(r"^[^\W\d_]+(?:[ '.-]+[^\W\d_]+)*\.?$")


class InvalidAnswer(ValueError):
    """The visitor's answer cannot be used; `message` is the re-prompt that says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BusinessClock:
    """The business's timezone and "now" in it, so date rules never use the server's clock."""

    timezone: str
    now: dt.datetime  # aware

    @classmethod
    def current(cls, timezone: str) -> BusinessClock:
        """The clock right now in the business's timezone."""
        return cls(timezone, dt.datetime.now(ZoneInfo(timezone)))

    @property
    def today(self) -> dt.date:
        return self.now.date()


def is_skip(text: str) -> bool:
    """True when the visitor declines an optional question ("skip", "no thanks" …)."""
    answer = text.strip().lower().rstrip(".!")
    return answer in SKIP_WORDS or answer.startswith("skip ")


def format_day(day: dt.date) -> str:
    """'Monday 30 November'; no year, since bookings are at most a year ahead."""
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


def format_time(value: dt.time) -> str:
    """'2:30pm', the way visitors write times."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


# --- dates -----------------------------------------------------------------------------------


def _next_day_of_month(day_number: int, today: dt.date) -> dt.date | None:
    """The next date (today included) whose day of the month is `day_number`."""
    if not 1 <= day_number <= 31:
        return None
    year, month = today.year, today.month
    for _ in range(13):
        try:
            candidate = dt.date(year, month, day_number)
        except ValueError:  # e.g. the 31st in a 30-day month: try the next month
            candidate = None
        if candidate is not None and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _looks_like_a_date(text: str) -> bool:
    return bool(_DATE_WORDS.search(text)) or (
        parse_time(text) is None and any(c.isdigit() for c in text)
    )


def parse_date(text: str, clock: BusinessClock) -> dt.date | None:
    """A calendar date from free text ("next Monday", "15 Jan", "the 3rd"), preferring the future."""
    cleaned = " ".join(_FILLER.sub(" ", text.lower().strip().rstrip("?.!")).split())
    if not cleaned or not _looks_like_a_date(text.lower()):
        return None
    ordinal = _ORDINAL_DAY.match(cleaned)
    if ordinal:
        return _next_day_of_month(int(ordinal.group(1)), clock.today)
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": clock.now.replace(tzinfo=None),
        "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    for candidate in (cleaned, text.strip()):
        parsed = dateparser.parse(candidate, languages=["en"], settings=settings)
        if parsed is not None:
            return parsed.date()
    return None


_LEADING_PREPOSITIONS = re.compile(r"^(?:(?:in|on|for|at|by)\s+)+", re.IGNORECASE)


def find_date(text: str, clock: BusinessClock) -> dt.date | None:
    """A date mentioned inside a longer request ("book a consultation for next Monday at 2pm")."""
    found = search_dates(
        text,
        languages=["en"],
        settings={"PREFER_DATES_FROM": "future", "RELATIVE_BASE": clock.now.replace(tzinfo=None)},
    )
    for phrase, _ in found or []:
        candidate = _LEADING_PREPOSITIONS.sub("", phrase.strip())
        if _DATE_WORDS.search(candidate.lower()):
            day = parse_date(candidate, clock)
            if day is not None:
                return day
    return None


def check_date(day: dt.date, config: TaskConfigPublic, clock: BusinessClock) -> dt.date:
    """The date when the business takes bookings on it; else InvalidAnswer saying why."""
    if day < clock.today:
        raise InvalidAnswer(
            f"{format_day(day)} has already passed — could you pick a day from today on?"
        )
    if (day - clock.today).days > MAX_DAYS_AHEAD:
        raise InvalidAnswer("We take bookings up to a year ahead — could you pick an earlier day?")
    if day in config.blocked_dates:
        raise InvalidAnswer(
            f"Sorry, we're closed on {format_day(day)} — could you pick another day?"
        )
    if config.hours_on(day) is None:
        weekday = day.strftime("%A")
        raise InvalidAnswer(f"We're closed on {weekday}s — could you pick another day?")
    if day == clock.today and not _bookable_times_left_today(config, clock):
        raise InvalidAnswer("We have no times left today — could you pick another day?")
    return day


def _bookable_times_left_today(config: TaskConfigPublic, clock: BusinessClock) -> bool:
    hours = config.hours_on(clock.today)
    return hours is not None and clock.now.strftime("%H:%M") < hours.end


def read_date(text: str, config: TaskConfigPublic, clock: BusinessClock) -> dt.date:
    """Parse and check a date answer in one step."""
    day = parse_date(text, clock)
    if day is None:
        raise InvalidAnswer(
            "Sorry, I couldn't read that as a date — try something like "
            "'next Monday', 'tomorrow' or '15 January'."
        )
    return check_date(day, config, clock)


# --- times -----------------------------------------------------------------------------------


def _hour_number(token: str) -> int:
    return _NUMBER_WORDS[token] if token in _NUMBER_WORDS else int(token)


def _business_hour(hour: int, meridiem: str | None) -> int:
    """24-hour clock from an hour and an optional am/pm; bare 1-7 mean afternoon (no one books 3am)."""
    if meridiem in ("pm", "p.m.", "afternoon", "evening"):
        return hour if hour == 12 else hour + 12
    if meridiem in ("am", "a.m.", "morning"):
        return 0 if hour == 12 else hour
    return hour + 12 if 1 <= hour <= 7 else hour


def parse_time(text: str) -> dt.time | None:
    """A time of day from free text: "2pm", "14:00", "half past two", "quarter to five", "noon"."""
    lowered = text.lower()
    meridiem_match = _MERIDIEM.search(lowered)
    meridiem = meridiem_match.group(1) if meridiem_match else None
    if re.search(r"\b(noon|midday)\b", lowered):
        return dt.time(12, 0)
    hour, minute = None, 0
    if match := _QUARTER.search(lowered):
        hour = _hour_number(match.group(2))
        minute = 15 if match.group(1) in ("past", "after") else -15
    elif match := _HALF_PAST.search(lowered):
        hour, minute = _hour_number(match.group(1)), 30
    elif match := _MINUTES_PAST.search(lowered):
        hour = _hour_number(match.group(3))
        minute = int(match.group(1)) * (1 if match.group(2) in ("past", "after") else -1)
    elif match := _OCLOCK.search(lowered):
        hour = _hour_number(match.group(1))
    else:
        for match in _CLOCK.finditer(lowered):
            # A bare number is a time only with a colon or am/pm, so "the 15th" never reads as 3pm.
            if (
                match.group(2)
                or match.group(3)
                or meridiem
                or re.fullmatch(r"\s*(at\s+)?\d{1,2}\s*", lowered)
            ):
                hour, minute = int(match.group(1)), int(match.group(2) or 0)
                meridiem = match.group(3) or meridiem
                # "09:00" / "01:00" are written on a 24-hour clock: take them literally.
                if match.group(1).startswith("0") and not meridiem:
                    meridiem = "24h"
                break
    if hour is None or hour > 23 or not -59 <= minute <= 59:
        return None
    if hour <= 12 and meridiem != "24h":
        hour = _business_hour(hour, meridiem)
    total = (hour * 60 + minute) % (24 * 60)
    return dt.time(total // 60, total % 60)


def _minutes(value: dt.time | str) -> int:
    if isinstance(value, str):
        value = dt.time.fromisoformat(value)
    return value.hour * 60 + value.minute


def check_time(
    day: dt.date,
    start: dt.time,
    config: TaskConfigPublic,
    clock: BusinessClock,
    *,
    duration_minutes: int,
    what: str = "an appointment",
) -> dt.time:
    """The time when the calendar takes it (`calendar.start_fault`: that day's hours, the slot
    grid and the length) and it has not passed; else InvalidAnswer saying why."""
    fault = start_fault(config, day, start, dt.timedelta(minutes=duration_minutes))
    if fault == "closed":
        raise InvalidAnswer(f"We're closed on {format_day(day)} — could you pick another day?")
    if fault == "hours":
        raise InvalidAnswer(_outside_hours(day, config.hours_on(day), duration_minutes, what))
    begin = _minutes(start)
    if fault == "grid":
        raise InvalidAnswer(
            f"Appointments start every {config.slot_minutes} minutes "
            f"(for example {format_time(dt.time(begin // 60, 0))}) — could you pick one of those?"
        )
    if day == clock.today and begin <= clock.now.hour * 60 + clock.now.minute:
        raise InvalidAnswer("That time has already passed today — could you pick a later time?")
    return start


def _outside_hours(day: dt.date, hours: OpeningHours, duration_minutes: int, what: str) -> str:
    """The re-prompt for a time outside that day's hours: the hours and the latest start."""
    opens = dt.time.fromisoformat(hours.start)
    closes = dt.time.fromisoformat(hours.end)
    latest = _minutes(closes) - duration_minutes
    if latest < _minutes(opens):
        return (
            f"{what.capitalize()} doesn't fit into our hours that day — could you pick another day?"
        )
    return (
        f"On {day.strftime('%A')}s we're open {format_time(opens)}–{format_time(closes)}, and "
        f"{what} takes {duration_minutes} minutes — could you pick a time between "
        f"{format_time(opens)} and {format_time(dt.time(latest // 60, latest % 60))}?"
    )


def read_time(
    text: str,
    day: dt.date,
    config: TaskConfigPublic,
    clock: BusinessClock,
    *,
    duration_minutes: int,
    what: str = "an appointment",
) -> dt.time:
    """Parse and check a time answer in one step."""
    start = parse_time(text)
    if start is None:
        raise InvalidAnswer(
            "Sorry, I couldn't read that as a time — try something like '2pm', '14:30' or 'half past ten'."
        )
    return check_time(day, start, config, clock, duration_minutes=duration_minutes, what=what)


# --- contact details -------------------------------------------------------------------------


def read_email(text: str) -> str:
    """The normalised email address in the text; InvalidAnswer when there is none or it is malformed."""
    candidate = _EMAIL_CANDIDATE.search(text)
    if candidate is None:
        raise InvalidAnswer(
            "That doesn't look like an email address — could you type it like name@example.com?"
        )
    try:
        return validate_email(candidate.group(0).rstrip("."), check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidAnswer(
            f"'{candidate.group(0)}' doesn't look like a valid email address — could you check it?"
        ) from None


def read_phone(text: str, default_region: str) -> str:
    """The phone number in E.164 (+15550104242); InvalidAnswer when it is not a valid number."""
    candidate = _PHONE_CANDIDATE.search(text)
    if candidate is None:
        raise InvalidAnswer(
            "That doesn't look like a phone number — could you type it with the area code?"
        )
    try:
        number = phonenumbers.parse(candidate.group(0), default_region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise InvalidAnswer(
            "That phone number doesn't look right — could you check it and include the area code?"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def read_name(text: str) -> str:
    """The visitor's name without "my name is"; InvalidAnswer when it does not look like a name."""
    name = _NAME_PREFIX.sub("", text.strip()).strip().strip(".!")
    if not 2 <= len(name) <= 80 or not _NAME_OK.match(name):
        raise InvalidAnswer("Sorry, what name should I put the booking under? (e.g. Jane Smith)")
    return " ".join(part[:1].upper() + part[1:] for part in name.split())


def read_reference(text: str) -> str:
    """A booking reference like BK-2026-481390 (or an older BK-2026-0042) in any spacing or case."""
    match = _REFERENCE.search(text)
    if match is None:
        raise InvalidAnswer(
            "I couldn't find a booking reference in that — it looks like BK-2026-0042 "
            "and is in your confirmation email."
        )
    prefix, year, number = match.groups()
    return f"{prefix.upper()}-{year}-{number}"


# --- services, topics, durations -------------------------------------------------------------


def read_service(text: str, services: list[Service]) -> Service:
    """The enabled service the visitor means (by id or name, any case); InvalidAnswer otherwise."""
    lowered = text.strip().lower()
    enabled = [s for s in services if s.enabled]
    for service in enabled:
        if lowered in (service.id, service.name.lower()):
            return service
    for service in enabled:
        if service.id in lowered or service.name.lower() in lowered:
            return service
    names = ", ".join(s.name for s in enabled)
    raise InvalidAnswer(f"Sorry, we don't offer that. You can choose: {names}.")


def read_topic(text: str) -> str:
    """A meeting topic of a sensible length."""
    topic = " ".join(text.split())
    if not 3 <= len(topic) <= 200:
        raise InvalidAnswer("Could you tell me in a few words what the meeting is about?")
    return topic


_HOURS_DURATION = re.compile(r"(\d+(?:\.\d+)?|an?|one|half an?)\s*(?:hours?|hrs?|h)\b")
_MINUTES_DURATION = re.compile(r"(\d+)\s*(?:minutes?|mins?|m)?\b")


def read_duration(text: str, allowed: list[int]) -> int:
    """Meeting length in minutes ("30 minutes", "half an hour", "1 hour"), one of `allowed`."""
    lowered = text.lower()
    minutes: int | None = None
    if "half an hour" in lowered or "half hour" in lowered:
        minutes = 30
    elif "quarter of an hour" in lowered or "quarter hour" in lowered:
        minutes = 15
    elif match := _HOURS_DURATION.search(lowered):
        amount = match.group(1)
        hours = (
            1.0
            if amount in ("a", "an", "one")
            else 0.5
            if amount.startswith("half")
            else float(amount)
        )
        minutes = int(hours * 60)
    elif match := _MINUTES_DURATION.search(lowered):
        minutes = int(match.group(1))
    if minutes not in allowed:
        choices = (
            ", ".join(str(m) for m in allowed[:-1]) + f" or {allowed[-1]}"
            if len(allowed) > 1
            else str(allowed[0])
        )
        raise InvalidAnswer(f"Meetings can be {choices} minutes long — which would suit you?")
    return minutes
