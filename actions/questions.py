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
    r"money back|more than once|twice|(a )?(second|third|fourth|3rd|4th) time|what happens if|"
    r"what if i (need|have|want) to|"
    r"(after|once) (booking|i('ve| have)? booked|it'?s booked|it is booked))\b",
    re.IGNORECASE,
)
_REQUEST_WORDS = re.compile(
    r"\b(please|pls|plz)\b|^\W*(i want|i'd like|i would like|i need)\b", re.IGNORECASE
)


def is_policy_question(text: str) -> bool:
    """True for a question about how booking/cancelling works, not a request to do it."""
    question = text.strip().endswith("?") or bool(_QUESTION_START.match(text))
    return question and bool(_POLICY_WORDS.search(text)) and not _REQUEST_WORDS.search(text)
