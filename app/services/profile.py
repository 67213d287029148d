"""The business's own profile as knowledge: its email, phone and address from Settings.

Staff keep these up to date on the Settings page; a visitor asking "what's your email?" or
"where are you?" gets them straight from there instead of from whatever sentence of the site
scores best. The answer cites the contact page set in Settings, else the page of the site
that shows the same detail (see `app.services.knowledge.answer_question`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models import BotSettingsPublic

# Questions that ask for exactly one detail of the profile; "is the studio located near the
# station?" is not one of them (it asks about the place, which the site's pages answer).
_ASKS: dict[str, re.Pattern[str]] = {
    "email": re.compile(
        r"\b(?:your|an?|the) e-?mail(?: address)?\b|\be-?mail address\b|\be-?mail you\b"
        r"|\bwhat(?:'s| is) (?:the |your )?e-?mail\b",
        re.IGNORECASE,
    ),
    "phone": re.compile(
        r"\b(?:your |the )?(?:phone|telephone) number\b|\bcall you\b|\bring you\b"
        r"|\bwhat number\b|\bwhich number\b|\bnumber (?:can|do|should) i call\b",
        re.IGNORECASE,
    ),
    "address": re.compile(
        r"\bwhere (?:are|r) (?:you|u)\b(?! (?:open|closed|going|based on))"
        r"|\b(?:your|the) (?:street |postal |full )?address\b"
        r"|\bwhere (?:can|do) i find you\b"
        r"|\bwhere(?: exactly)?(?:'s| is) (?:exactly )?(?:the|your) (?:studio|office|shop|store|"
        r"clinic|space|practice|salon|"
        r"restaurant|gym|surgery|building)\b",
        re.IGNORECASE,
    ),
}
# Never the profile for a question about something else that names the detail in passing.
_NOT_ABOUT_THE_DETAIL = re.compile(
    r"\b(?:change|update|wrong|unsubscribe|newsletter|receipt|confirmation|invoice|"
    r"parking|park|bus|train|station|tube|near|nearest|far|"
    # "If I email you, how long before I get a reply?" asks how soon, not for the address
    r"reply|replies|respond|response|answer|hear back|get back|how long|how soon|"
    # "what hours can I ring you?", "when can I call you?" ask when, not for the number
    r"hours|until|till|what time|what times|which days|what days"
    r"|when (?:can|could|should|do|may) (?:i|we)|when are (?:you|your|the))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ProfileFact:
    """One detail of the profile that answers the question: what it is and how it is said."""

    kind: str  # "email" | "phone" | "address"
    value: str
    text: str


def asked_detail(question: str) -> str | None:
    """Which detail of the profile the question asks for, if it asks for exactly one."""
    if _NOT_ABOUT_THE_DETAIL.search(question):
        return None
    kinds = [kind for kind, asks in _ASKS.items() if asks.search(question)]
    return kinds[0] if len(kinds) == 1 else None


def profile_fact(question: str, settings: BotSettingsPublic) -> ProfileFact | None:
    """The profile's answer to a question about its email, phone or address, when set."""
    kind = asked_detail(question)
    value = {
        "email": settings.contact_email,
        "phone": settings.contact_phone,
        "address": settings.contact_address,
    }.get(kind or "")
    if not kind or not value or not value.strip():
        return None
    value = value.strip()
    name = settings.business_name.strip()
    text = {
        "email": f"You can email {name} at {value}.",
        "phone": f"You can call {name} on {value}.",
        "address": f"{name} is at {value}.",
    }[kind]
    return ProfileFact(kind=kind, value=value, text=text)


def shows(text: str, fact: ProfileFact) -> bool:
    """Whether a page's text shows the same detail (digits for a phone, words for an address)."""
    if fact.kind == "phone":
        digits = re.sub(r"\D", "", fact.value)
        return len(digits) >= 6 and digits[-6:] in re.sub(r"\D", "", text)
    if fact.kind == "email":
        return fact.value.lower() in text.lower()
    first_line = re.split(r"[,\n]", fact.value)[0].strip().lower()
    return bool(first_line) and first_line in text.lower()
