"""The rows the admin tables show, typed: flags are bools, counts and ids are ints; only text
formatted for display (dates, prices, percentages) is a string.

Reflex sends them to the page as objects, and `rx.foreach` over a list of them gives typed item
vars (`row.enabled` is a bool var: `rx.cond(row.enabled, …)`).
"""

from __future__ import annotations

import dataclasses

from app.models.citation import Citation


@dataclasses.dataclass
class BookingRow:
    """One booking or meeting, as the table and the detail panel show it."""

    reference: str = ""
    kind: str = ""
    what: str = ""
    when: str = ""
    until: str = ""
    duration: str = ""
    price: str = ""
    status: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""
    conversation: str = ""
    created: str = ""


@dataclasses.dataclass
class CallbackRow:
    """One callback request."""

    id: int
    created: str
    contact: str
    kind: str
    note: str
    reason: str
    status: str
    promised: str
    sender_id: str
    done: str


@dataclasses.dataclass
class ConversationRow:
    """One conversation in the list."""

    id: int
    started: str
    preview: str
    intent: str
    outcome: str
    messages: int
    channel: str


@dataclasses.dataclass
class TurnRow:
    """One message of a transcript, with what the bot understood and cited."""

    role: str
    text: str
    time: str
    intent: str
    confidence: str
    outcome: str
    latency: str
    sources: list[Citation]


@dataclasses.dataclass
class AttachmentRow:
    """One file a visitor sent, with a short-lived link that opens it."""

    name: str
    kind: str
    size: str
    time: str
    url: str
    is_image: bool


@dataclasses.dataclass
class UnansweredQuestion:
    """A question the bot could not answer, how often it was asked, and how it ended."""

    text: str
    count: int
    outcome: str = ""


@dataclasses.dataclass
class SourceRow:
    """One page or file the bot answers from."""

    id: int
    source: str
    title: str
    collection: str
    chunks: int
    ingested: str
    status: str
    error: str
    is_link: bool


@dataclasses.dataclass
class JobRow:
    """An ingest job's progress in words, with a percentage for the progress bar."""

    id: int
    target: str
    status: str
    pages: str
    percent: int
    message: str
    finished: bool


@dataclasses.dataclass
class PassageRow:
    """A retrieved passage with its score (two decimals), as the question tester lists it."""

    title: str
    url: str
    section: str
    score: str
    text: str
    collection: str


@dataclasses.dataclass
class TaskTab:
    """A task in the picker: its name, its name in words, and whether it is on."""

    name: str
    label: str
    enabled: bool


@dataclasses.dataclass
class FieldRow:
    """A field a task asks for, and whether it is required, optional or off."""

    name: str
    label: str
    mode: str


@dataclasses.dataclass
class HoursRow:
    """One weekday's opening hours ("HH:MM", as the time inputs hold them)."""

    day: str
    label: str
    closed: bool
    start: str
    end: str


@dataclasses.dataclass
class ServiceRow:
    """A service being edited; price and length are the text in their boxes, validated on save."""

    id: str
    name: str
    price: str
    duration: str
    enabled: bool


@dataclasses.dataclass
class FieldChange:
    """One setting a staff change touched, before and after, in short text."""

    field: str
    before: str
    after: str


@dataclasses.dataclass
class StaffChangeRow:
    """One staff change, with its differences."""

    when: str
    who: str
    action: str
    target: str
    changes: list[FieldChange]
    summary: str


@dataclasses.dataclass
class BotActionRow:
    """One bot action (no personal data is stored in it)."""

    when: str
    action: str
    reference: str
    status: str
    conversation: str
    detail: str
