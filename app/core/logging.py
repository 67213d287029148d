"""Logging set-up with one filter that masks PII (emails, phone numbers) in every record."""

from __future__ import annotations

import logging
import re

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_RE = re.compile(r"(?<![\w-])\+?\d[\d\s().-]{6,}\d(?!\w)")


_IPV4_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


def _mask_phone(match: re.Match[str]) -> str:
    candidate = match.group(0)
    digits = sum(ch.isdigit() for ch in candidate)
    # Addresses like 127.0.0.1 and short numbers (ports, counts) are not phone numbers.
    if digits < 7 or _IPV4_RE.fullmatch(candidate):
        return candidate
    return "[phone]"


def mask_pii(text: str) -> str:
    """Replace emails and phone numbers with placeholders."""
    text = _EMAIL_RE.sub("[email]", text)
    return _PHONE_RE.sub(_mask_phone, text)


class PiiMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string is not ours to crash on
            return True
        masked = mask_pii(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


def configure_logging(level: str = "INFO") -> None:
    """Root logging to stderr through the PII filter; safe to call more than once."""
    root = logging.getLogger()
    if any(isinstance(f, PiiMaskingFilter) for h in root.handlers for f in h.filters):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PiiMaskingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    # Health checks poll every part every few seconds; their request lines are noise.
    logging.getLogger("httpx").setLevel(logging.WARNING)
