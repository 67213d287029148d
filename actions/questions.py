"""Questions about a policy that mention a task ("is there a fee to cancel?", "can I book for
someone else?") are answered, never started as the task. No Rasa import: eval uses it too."""

from __future__ import annotations

import re

_QUESTION_START = re.compile(
    r"^\W*(how|what|whats|what's|when|which|is|are|do|does|can|could|will|would|if|am|may)\b",
    re.IGNORECASE,
)
_POLICY_WORDS = re.compile(
    r"\b(fees?|charges?|charged|cost|costs|refunds?|refunded|penalty|polic(y|ies)|notice|"
    r"for free|free of charge|deposit|no-?show|someone else|somebody else|on behalf|"
    r"in advance|ahead|how (far|late|early|often|many times|long before)|allowed|"
    r"(by|over|via) (the )?(phone|e-?mail|text|mail|chat)|online|same[- ]day|walk[- ]?ins?|reminders?|"
    r"money back|more than once|twice(?! (a|per|every) (day|week|fortnight|month|term|year))|"
    r"(a )?(second|third|fourth|3rd|4th) time|what happens if|"
    r"what if i (need|have|want) to|"
    r"pay(ing)? (up ?front|when|before)|up ?front|(do|will) i (still )?(have to )?pay|"
    r"the latest|more than one|at once|at a time|for a (colleague|friend|group|family member)|"
    r"without (\w+ ){0,2}an? account|affect|(\d+|a day|a week) (hours? |days? )?before|less than|"
    r"how many (hours|days|weeks) (before|ahead|in advance|notice)|"
    r"(after|once) (it'?s|it is|it has been|it'?s been|being|my booking is) confirmed|"
    r"how do (cancell?ations|bookings|reschedul\w*) work|will (it|my \w+) be cancell?ed|"
    r"went through|minimum (contract|term)|"
    r"(after|once) (booking|i('ve| have)? booked|it'?s booked|it is booked))\b",
    re.IGNORECASE,
)
_REQUEST_WORDS = re.compile(
    r"\b(please|pls|plz)\b|^\W*(i want|i'd like|i would like|i need)\b", re.IGNORECASE
)
# A day or a time of its own makes it a request ("can I book an online session Monday at 10?").
_WHEN = re.compile(
    r"\b(today|tomorrow|tonight|this (morning|afternoon|evening|week)|next (week|month|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day)|on (mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(mon|tues|wednes|thurs|fri|satur|sun)day (at|morning|afternoon)|"
    r"\d{1,2}(:\d\d)? ?(am|pm)|at \d{1,2}(:\d\d)?|the \d{1,2}(st|nd|rd|th))\b",
    re.IGNORECASE,
)


def is_policy_question(text: str) -> bool:
    """True for a question about how booking/cancelling works, not a request to do it."""
    question = text.strip().endswith("?") or bool(_QUESTION_START.match(text))
    return (
        question
        and bool(_POLICY_WORDS.search(text))
        and not _REQUEST_WORDS.search(text)
        and not _WHEN.search(text)
    )
