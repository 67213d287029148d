"""Opening hours as knowledge: "when are you open?" answered from the hours staff set.

The booking task's opening hours and blocked dates (the dashboard's Tasks page) are what the
bot books against; they also answer a visitor's question about opening hours when the site's
own pages do not (`app.services.knowledge.answer_question` asks here only after the pages
declined). The pages come first because they can say more than one opening a day: a
restaurant's lunch and dinner, a gym's staffed hours and members' access.

Times are written as the business's country writes them (Babel's short time format for
English in the country of Settings' default phone region: "9:00 am" in Australia, "09:00" in
Ireland), in the business's timezone for "today", "tomorrow" and "now".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_time

from app.models import BotSettingsPublic
from app.models.task_config import WEEKDAYS, BusinessHours, OpeningHours, utcnow

# Questions about when the business is open. The subject is the business ("you", "the
# clinic") or nothing ("saturday hours"); the kitchen's, the phones' or a holiday's hours are
# another question, which the staff's one opening a day does not answer.
_PLACE = (
    r"(?:you|u|ya|the (?:studio|shop|store|clinic|salon|practice|surgery|restaurant|cafe|gym|"
    r"office|workshop|place|centre|center|spa|space))"
)
_ASKS = re.compile(
    r"\b(?:opening|business|office|trading|shop|store|clinic|salon|studio|surgery|practice|"
    r"restaurant|gym|workshop)\s+(?:hours|times)\b"
    r"|\b(?:your|the) hours\b"
    r"|^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+|weekend\s+)?(?:opening\s+)?"
    r"hours\W*$"
    rf"|\b(?:are|r|is)\s+{_PLACE}\s+(?:still\s+)?(?:open|closed)\b"
    rf"|\bwhen\s+(?:are|r|is)\s+{_PLACE}\s+open\b"
    rf"|\b(?:what time|when|how late|how early|(?:till|until) what time)\s+(?:do|does|are|r|is|"
    rf"will)\s+{_PLACE}\s+(?:open|close|shut|closed|opening|closing)\b"
    rf"|\b(?:do|does)\s+{_PLACE}\s+(?:open|close|shut)\b"
    rf"|\bwhat days\s+(?:are|r|is)\s+{_PLACE}\s+open\b",
    re.IGNORECASE,
)
_ANOTHER_QUESTION = re.compile(
    r"\b(?:kitchen|bar|reception|phones?|lines?|class|classes|pool|sauna|desk|members?|"
    r"access|24/7|lunch|breakfast|brunch|dinner|holidays?|christmas|xmas|easter|new year|"
    r"bank|public|thanksgiving|boxing|anzac|school|term|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"book|booking|bookings|appointments?|reservations?|deliver|delivery|deliveries|"
    r"collection|pickup|registration|enrol|enrolment|applications?|parking|car park|"
    r"open (?:to|for|an?|up|source)|close to|closest|nearby)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}/\d{1,2}\b",
    re.IGNORECASE,
)
_DAY_NAME = re.compile(
    r"\b(?:(?P<full>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"|(?P<short>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b)",
    re.IGNORECASE,
)
_WEEKEND = re.compile(r"\bweekends?\b", re.IGNORECASE)
_WEEKDAYS = re.compile(r"\bweekdays?\b|\bduring the week\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_TOMORROW = re.compile(r"\b(?:tomorrow|tmrw|tmr)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|right now|at the moment|currently|still open)\b", re.IGNORECASE)
# How far ahead an answer about the week mentions a blocked date
_BLOCKED_AHEAD = dt.timedelta(days=14)


def asks_opening_hours(question: str) -> bool:
    """Whether the question asks when the business itself is open."""
    return bool(_ASKS.search(question)) and not _ANOTHER_QUESTION.search(question)


def day_index(name: str) -> int:
    """The weekday (0 is Monday) a day's name or short form names: "Tues", "saturday"."""
    return next(i for i, day in enumerate(WEEKDAYS) if day.startswith(name.lower()[:3]))


def _asked_days(question: str) -> list[int]:
    """The weekdays (0 is Monday) the question names, in week order; none for the whole week."""
    days: set[int] = set()
    for match in _DAY_NAME.finditer(question):
        if match["short"] and not match["short"][0].isupper():
            continue  # "sun", "sat", "wed" in lower case are words, not days
        days.add(day_index(match["full"] or match["short"]))
    if _WEEKEND.search(question):
        days |= {5, 6}
    if _WEEKDAYS.search(question):
        days |= {0, 1, 2, 3, 4}
    return sorted(days)


def _locale(region: str) -> Locale:
    try:
        return Locale.parse(f"en_{region}")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_001")


def _clock(value: str, locale: Locale) -> str:
    hour, minute = (int(part) for part in value.split(":"))
    # CLDR puts a narrow no-break space before "am"/"pm"; visitors type and read a space
    text = format_time(dt.time(hour, minute), format="short", locale=locale)
    return re.sub(r"[\u202f\u00a0]", " ", text)


def _span(opening: OpeningHours, locale: Locale) -> str:
    return f"{_clock(opening.start, locale)} to {_clock(opening.end, locale)}"


def _day_runs(days: Iterable[int]) -> list[list[int]]:
    """Consecutive weekdays grouped: [0, 1, 2, 4] → [[0, 1, 2], [4]]."""
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _say_days(days: Iterable[int]) -> str:
    """[0, 1, 2, 3, 4] → "Monday to Friday"; [5, 6] → "Saturday and Sunday"."""
    parts = []
    for run in _day_runs(days):
        first, last = WEEKDAYS[run[0]].title(), WEEKDAYS[run[-1]].title()
        if len(run) == 1:
            parts.append(first)
        elif len(run) == 2:
            parts.append(f"{first} and {last}")
        else:
            parts.append(f"{first} to {last}")
    return _join(parts)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _week(
    hours: BusinessHours, days: list[int]
) -> tuple[list[tuple[list[int], OpeningHours]], list[int]]:
    """The asked days grouped by their hours (in week order), and the closed days."""
    groups: dict[tuple[str, str], list[int]] = {}
    closed = []
    for day in days:
        opening = hours.get(WEEKDAYS[day])
        if opening is None:
            closed.append(day)
        else:
            groups.setdefault((opening.start, opening.end), []).append(day)
    opened = [
        (group, OpeningHours(start=start, end=end))
        for (start, end), group in sorted(groups.items(), key=lambda item: item[1][0])
    ]
    return opened, closed


def _on_date(day: dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


def _next_opening(
    hours: BusinessHours, blocked: set[dt.date], local: dt.datetime, locale: Locale
) -> str:
    """When the business next opens after `local`: "today at 9:00 am", "on Monday at 09:00"."""
    now = local.strftime("%H:%M")
    for offset in range(0, 15):
        day = local.date() + dt.timedelta(days=offset)
        opening = hours.get(WEEKDAYS[day.weekday()])
        if opening is None or day in blocked or (offset == 0 and now >= opening.start):
            continue
        when = {0: "today", 1: "tomorrow"}.get(offset, f"on {day.strftime('%A')}")
        return f"{when} at {_clock(opening.start, locale)}"
    return ""


def hours_answer(
    question: str,
    *,
    hours: BusinessHours,
    blocked_dates: list[dt.date],
    settings: BotSettingsPublic,
    now: dt.datetime | None = None,
) -> str | None:
    """The answer to a question about opening hours from the hours staff set, or None when
    the question asks something else or no hours are set."""
    if not asks_opening_hours(question) or not any(hours.get(day) for day in WEEKDAYS):
        return None
    name = settings.business_name.strip() or "We"
    locale = _locale(settings.default_phone_region)
    local = (now or utcnow()).astimezone(ZoneInfo(settings.timezone))
    blocked = set(blocked_dates)
    asked = _asked_days(question)

    if _NOW.search(question) and not asked:
        opening = hours.get(WEEKDAYS[local.weekday()])
        hhmm = local.strftime("%H:%M")
        if opening and local.date() not in blocked and opening.start <= hhmm < opening.end:
            return f"Yes, {name} is open now, until {_clock(opening.end, locale)}."
        reopens = _next_opening(hours, blocked, local, locale)
        return f"{name} is closed right now" + (f"; it opens {reopens}." if reopens else ".")

    for pattern, offset in ((_TODAY, 0), (_TOMORROW, 1)):
        if pattern.search(question) and not asked:
            day = local.date() + dt.timedelta(days=offset)
            which = "today" if offset == 0 else "tomorrow"
            opening = hours.get(WEEKDAYS[day.weekday()])
            if day in blocked or opening is None:
                return f"{name} is closed {which} ({_on_date(day)})."
            return f"{name} is open {which} ({_on_date(day)}) from {_span(opening, locale)}."

    days = asked or list(range(7))
    opened, closed = _week(hours, days)
    sentences = []
    if asked and len(opened) == 1:
        # "Are you open on Saturdays?": "On Saturdays … is open from 8:00 am to 1:00 pm."
        group, opening = opened[0]
        plural = [WEEKDAYS[day].title() + "s" for day in group]
        sentences.append(f"On {_join(plural)} {name} is open from {_span(opening, locale)}.")
    elif opened:
        said = [f"{_say_days(group)} {_span(opening, locale)}" for group, opening in opened]
        sentences.append(f"{name} is open {_join(said)}.")
    if closed:
        plural = "s" if asked else ""
        closed_days = _join([WEEKDAYS[day].title() + plural for day in closed])
        sentences.append(
            f"{name} is closed on {closed_days}." if not opened else f"Closed on {closed_days}."
        )
    ahead = sorted(
        day
        for day in blocked
        if local.date() <= day <= local.date() + _BLOCKED_AHEAD
        and day.weekday() in days
        and hours.get(WEEKDAYS[day.weekday()]) is not None
    )
    if ahead:
        sentences.append(f"Also closed on {_join([_on_date(day) for day in ahead])}.")
    return " ".join(sentences)
