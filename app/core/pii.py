"""Masking emails and phone numbers out of log records (standard library only).

Imported by every process: the app, the action server, and Rasa (its own Python 3.10 venv,
through `deploy/rasa-logging.yml` and Rasa's `--logging-config-file`), so it may depend on
nothing outside the standard library.

Masking happens where the record is made (`install_record_masking`, a log record factory),
so handlers and formatters that a library sets up later (Sanic does, when Rasa creates its
server) cannot print an unmasked line; the traceback is formatted and masked there too.
`PiiMaskingFormatter` masks each record it formats as a second line of defence.
"""

from __future__ import annotations

import logging
import re
import traceback
from typing import Any

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_RE = re.compile(r"(?<![\w-])\+?\d[\d\s().-]{6,}\d(?!\w)")
_IPV4_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
# An ISO date, perhaps with the hour after it ("2026-12-10 14" of "2026-12-10 14:00:00+00:00"):
# logs say when a slot was taken, and the phone pattern would swallow it.
_ISO_DATE_RE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[ T]\d{2})?")


def _mask_phone(match: re.Match[str]) -> str:
    candidate = match.group(0)
    digits = sum(ch.isdigit() for ch in candidate)
    # Addresses like 127.0.0.1, short numbers (ports, counts) and dates are not phone numbers.
    if digits < 7 or _IPV4_RE.fullmatch(candidate) or _ISO_DATE_RE.fullmatch(candidate):
        return candidate
    return "[phone]"


def mask_pii(text: str) -> str:
    """Replace emails and phone numbers with placeholders."""
    text = _EMAIL_RE.sub("[email]", text)
    return _PHONE_RE.sub(_mask_phone, text)


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask a record's message, traceback and stack in place (once)."""
    if getattr(record, "_pii_masked", False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string is not ours to crash on
        message = None
    if message is not None:
        masked = mask_pii(message)
        if masked != message:
            record.msg, record.args = masked, ()
    if record.exc_info and not record.exc_text:
        record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
    if record.exc_text:
        record.exc_text = mask_pii(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_pii(record.stack_info)
    record._pii_masked = True
    return record


class PiiMaskingFilter(logging.Filter):
    """A handler filter that masks each record it passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


class PiiMaskingFormatter(logging.Formatter):
    """A formatter that masks the record's message and traceback before formatting them.

    Only those: masking the whole line would take its timestamp for a phone number.
    """

    def format(self, record: logging.LogRecord) -> str:
        return super().format(mask_record(record))


def install_record_masking() -> None:
    """Mask every record this process creates, whoever handles it later (idempotent)."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "_pii_masking", False):
        return

    def masking_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return mask_record(factory(*args, **kwargs))

    masking_factory._pii_masking = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(masking_factory)


def masking_formatter(**kwargs: Any) -> PiiMaskingFormatter:
    """For logging config files (`"()": app.core.pii.masking_formatter`): installs the
    record masking in that process, and returns a masking formatter."""
    install_record_masking()
    return PiiMaskingFormatter(kwargs.get("format") or kwargs.get("fmt"), kwargs.get("datefmt"))
