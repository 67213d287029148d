"""Split documents into passages by headings and paragraphs (pure functions, no I/O).

Each chunk stays inside one section, holds whole paragraphs up to `max_chars` (a longer
paragraph is cut at sentence ends) and repeats the previous chunk's last sentence as a
small overlap so that an answer split across two chunks is still found whole in one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.documents import Chunk, Document

DEFAULT_MAX_CHARS = 700

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")
# A sentence ends at . ! or ? followed by space and a capital, digit, quote or bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9$])")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass
class _Section:
    heading: str | None
    paragraphs: list[str]
    rows: list[str] = field(default_factory=list)  # table rows, each its own chunk
    items: set[int] = field(default_factory=set)  # which paragraphs are a list's items
    lists: set[int] = field(default_factory=set)  # which are a short list said as one sentence


# A title's full stop ends no sentence ("Dr. Patel", "Mrs. Ortiz"), nor does "No. 5", "e.g." or
# "approx.". "St." and "Dr." are a saint and a doctor after a lowercase word or a comma
# ("1:30 pm, St. Agnes Church", "with Dr. Lee") and may be a street or a drive after a
# capitalised one ("12 Main St. Parking is at the back").
_ALWAYS_ABBREVIATED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Prof|Rev|Fr|Mt|No|Nos|approx|e\.g|i\.e|vs|cf)\.$", re.IGNORECASE
)
_SAINT_OR_DOCTOR = re.compile(r"(?:^|(?:^|\s)(?:[a-z0-9]\S*|\S*[,;:(])\s)(?:St|Dr)\.$")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, whitespace-normalised."""
    text = " ".join(text.split())
    sentences: list[str] = []
    for part in _SENTENCE_END.split(text):
        part = part.strip()
        if not part:
            continue
        if sentences and (
            _ALWAYS_ABBREVIATED.search(sentences[-1]) or _SAINT_OR_DOCTOR.search(sentences[-1])
        ):
            sentences[-1] = f"{sentences[-1]} {part}"
        else:
            sentences.append(part)
    return sentences


def chunk_document(document: Document, *, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """The document's chunks: one per FAQ pair, else packed paragraphs per section."""
    if document.faq_pairs:
        return [
            Chunk(
                text=f"{question.strip()} {answer.strip()}",
                url=document.source,
                title=document.title,
                section=question.strip(),
                position=position,
            )
            for position, (question, answer) in enumerate(document.faq_pairs)
            if question.strip() and answer.strip()
        ]
    chunks: list[Chunk] = []
    for section in _sections(document.text, document.title):
        for text in [*_pack_runs(section, max_chars), *section.rows]:
            chunks.append(
                Chunk(
                    text=text,
                    url=document.source,
                    title=document.title,
                    section=section.heading,
                    position=len(chunks),
                )
            )
    return chunks


def _sections(markdown: str, title: str) -> list[_Section]:
    """Paragraphs grouped under their nearest heading (the page title itself is no section)."""
    sections = [_Section(heading=None, paragraphs=[])]
    paragraph: list[str] = []
    table_rows: list[list[str]] = []
    ruled = False  # whether the table's first row is ruled off as its header (`|---|`)
    in_item = False  # whether `paragraph` is a list item

    def flush(*, item: bool = False) -> None:
        nonlocal in_item, ruled
        if paragraph:
            if in_item:
                sections[-1].items.add(len(sections[-1].paragraphs))
            sections[-1].paragraphs.append(" ".join(paragraph))
            paragraph.clear()
        in_item = item
        if table_rows:
            header = table_rows[0] if _has_header(table_rows, ruled) else []
            body = table_rows[1:] if header else list(table_rows)
            if len(header) > 2:
                # A table with labelled columns gives one chunk per row: "Permanent desk —
                # Price: €289 per month; Access: 24/7" is found and said on its own.
                for row in body:
                    sentence = _table_as_sentences(header, [row])
                    if sentence:
                        sections[-1].rows.append(sentence)
            else:
                sections[-1].paragraphs.append(_table_as_sentences(header, body))
            table_rows.clear()
            ruled = False

    for raw_line in _values_with_headings(markdown).splitlines():
        line = raw_line.strip()
        heading = _HEADING.match(line)
        if heading:
            flush()
            text = heading.group(2).strip()
            if len(heading.group(1)) == 1 and text.lower() == title.lower():
                continue
            sections.append(_Section(heading=text, paragraphs=[]))
        elif line.startswith("|"):
            if paragraph:
                flush()
            if not _TABLE_SEPARATOR.match(line):
                table_rows.append([cell.strip() for cell in line.strip("|").split("|")])
            elif len(table_rows) == 1:
                ruled = True
        elif not line:
            flush()
        elif _LIST_MARKER.match(line):
            # Each list item is its own paragraph so that it reads as a sentence.
            flush(item=True)
            item = _LIST_MARKER.sub("", line)
            paragraph.append(item if item.endswith((".", "!", "?", ":")) else item + ".")
        else:
            paragraph.append(line)
    flush()
    for section in sections:
        _join_short_lists(section)
    return [section for section in sections if section.paragraphs or section.rows]


# A list whose items are a few words each ("Air filter and pollen (cabin) filter", "Brake fluid
# change") names the parts of one thing: what a service includes, what to bring. Said item by
# item, an answer gave two of them ("Everything in the interim service. Everything in the full
# service.", one from each of two lists). Such a list is one sentence, its items kept apart by
# semicolons. Items that are sentences of their own, or say a price, a label ("Wash: $40") or a
# contact detail, stay one sentence each: each is a fact an answer may give alone.
_LIST_ITEM_WORDS = 10
_LIST_ITEMS = (2, 10)
_LIST_CHARS = 320
# A contact detail ("0113 496 0417"), a discount or a free thing ("10% off all other treatment")
_OWN_FACT = re.compile(r"@|://|www\.|\d[\d ]{5,}|%|\bfree\b", re.IGNORECASE)


def _short_item(item: str) -> bool:
    text = item.rstrip(".")
    return (
        len(text.split()) <= _LIST_ITEM_WORDS
        and ":" not in text
        and not MONEY.search(text)
        and not _OWN_FACT.search(text)
        and not re.search(r"[.!?]", text)
    )


def is_short_list(sentence: str) -> bool:
    """Whether a sentence is a short list said as one (`_join_short_lists`): items kept apart
    by semicolons, none of them labelled."""
    return "; " in sentence and ":" not in sentence and " — " not in sentence


def _join_short_lists(section: _Section) -> None:
    """Each run of two to ten short items of a list in the section as one paragraph ("A; B;
    C."); an item that is a fact of its own stays a paragraph between such runs."""
    paragraphs: list[str] = []
    items: set[int] = set()
    lists: set[int] = set()
    run: list[str] = []

    def close() -> None:
        low, high = _LIST_ITEMS
        if low <= len(run) <= high and sum(len(item) + 2 for item in run) <= _LIST_CHARS:
            lists.add(len(paragraphs))
            paragraphs.append("; ".join(item.rstrip(".") for item in run) + ".")
        else:
            for item in run:
                items.add(len(paragraphs))
                paragraphs.append(item)
        run.clear()

    for index, paragraph in enumerate(section.paragraphs):
        if index in section.items and _short_item(paragraph):
            run.append(paragraph)
            continue
        close()
        if index in section.items:
            items.add(len(paragraphs))
        paragraphs.append(paragraph)
    close()
    section.paragraphs, section.items, section.lists = paragraphs, items, lists


MONEY = re.compile(r"[$€£]\s?\d|\d\s?(?:€|eur\b|euros?\b|usd\b|gbp\b)", re.IGNORECASE)
_BARE_VALUE_CHARS = 40


def _bare_value_kind(line: str) -> str | None:
    """What a line that is only a value is ("€25", "€20 per day", "+353 1 555 0148"), if it is.

    A short line with a number or an address in it, no sentence end and no label of its own.
    """
    if (
        not line
        or len(line) > _BARE_VALUE_CHARS
        or line.startswith(("#", "|"))
        or _LIST_MARKER.match(line)
        or line.endswith((".", "!", "?", ":"))
        or re.search(r":\s", line)
        or not re.search(r"\d|@", line)
    ):
        return None
    if MONEY.search(line):
        return "money"
    return "email" if "@" in line else "other"


def _values_with_headings(markdown: str) -> str:
    """A price card's "### Safety check" then "€25" as "Safety check: €25.": the value said
    with what it is the value of. Bare values right under a heading (of one kind: "€20 per
    day", "€80 per week") are joined into one sentence that names the heading."""
    lines = markdown.splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        heading = _HEADING.match(line.strip())
        if not heading or len(heading.group(1)) == 1:
            continue
        values: list[str] = []
        kind, probe = None, index
        while probe < len(lines):
            text = lines[probe].strip()
            if not text:
                probe += 1
                continue
            # A value is a paragraph of its own: the next line must end it.
            if probe + 1 < len(lines) and lines[probe + 1].strip():
                break
            this = _bare_value_kind(text)
            if this is None or (kind and this != kind):
                break
            kind = this
            values.append(text)
            probe += 1
            index = probe
        if values:
            out += ["", f"{heading.group(2).strip()}: {', '.join(values)}.", ""]
    return "\n".join(out)


_WEEKDAY = re.compile(
    r"\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b", re.IGNORECASE
)


def _has_header(rows: list[list[str]], ruled: bool) -> bool:
    """Whether a table's first row labels its columns: ruled off as its header (`<th>` cells),
    or, in a table of `<td>` cells only, naming with no number the columns that hold numbers in
    the rows below ("Plan | Price | Access" over "Desk | €289 | 24/7"); an hours table's first
    row ("Monday – Friday | 7:00am – 6:00pm", "Monday | Closed") is its first line."""
    if len(rows) < 2:
        return False
    if ruled:
        return True
    if _WEEKDAY.match(rows[0][0]):
        return False  # "Monday | Closed" is the first day of an hours table
    numbered = re.compile(r"\d")
    return not any(numbered.search(cell) for cell in rows[0][1:]) and any(
        numbered.search(cell) for row in rows[1:] for cell in row[1:]
    )


def _table_as_sentences(header: list[str], body: list[list[str]]) -> str:
    """A Markdown table's rows (`body`) as one sentence per row that keeps its labels.

    The first cell names the row and each other cell is said with its column's header:
    "Permanent desk — Price: €289 per month; Includes: 24/7 access." rather than a bag of
    numbers ("Saturday: 10:00 am – 4:00 pm." when the header names nothing more).
    """
    lines = []
    for cells in body:
        if not any(cells):
            continue
        label, values, labelled = cells[0] or "", [], False
        for column, cell in enumerate(cells[1:], start=1):
            if not cell:
                continue
            name = header[column].strip() if column < len(header) else ""
            useful = name and name.lower() not in cell.lower() and len(header) > 2
            values.append(f"{name}: {cell}" if useful else cell)
            labelled = labelled or bool(useful)
        if not label:
            label, values = values[0], values[1:]
        if not values:
            lines.append(label if label.endswith(".") else label + ".")
        elif labelled:
            lines.append(f"{label} — {'; '.join(values)}.")
        else:
            lines.append(f"{label}: {', '.join(values)}.")
    return " ".join(lines)


def _pack_runs(section: _Section, max_chars: int) -> list[str]:
    """The section's paragraphs packed, prose that follows a list (of two items or more) apart
    from it: "Students get 15% off all cuts" after a list of treatments' prices is a passage of
    its own, not lost among the prices. An intro before a list stays with it."""
    runs: list[list[str]] = [[]]
    items = 0  # list items just before this paragraph
    for index, paragraph in enumerate(section.paragraphs):
        if index not in section.items and index not in section.lists and items >= 2:
            runs.append([])
        if index in section.lists:
            items = 2  # a list said as one sentence
        else:
            items = items + 1 if index in section.items else 0
        runs[-1].append(paragraph)
    return [chunk for run in runs if run for chunk in _pack(run, max_chars)]


def _pack(paragraphs: list[str], max_chars: int) -> list[str]:
    """Whole paragraphs (or sentence runs) up to `max_chars`, one sentence of overlap."""
    pieces: list[str] = []
    for paragraph in paragraphs:
        pieces.extend(_split_long(paragraph, max_chars))
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + 1 + len(piece) > max_chars:
            chunks.append(current)
            overlap = split_sentences(current)[-1]
            current = overlap if len(overlap) + 1 + len(piece) <= max_chars else ""
        current = f"{current} {piece}".strip()
    if current:
        chunks.append(current)
    return chunks


def _split_long(paragraph: str, max_chars: int) -> list[str]:
    if len(paragraph) <= max_chars:
        return [paragraph]
    parts: list[str] = []
    current = ""
    for sentence in split_sentences(paragraph):
        while len(sentence) > max_chars:  # one huge "sentence": cut at a word boundary
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            parts.append(sentence[:cut])
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > max_chars:
            parts.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        parts.append(current)
    return parts
