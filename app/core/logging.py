"""Logging set-up with one filter that masks PII (emails, phone numbers) in every record."""

from __future__ import annotations

import logging
import re

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_RE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{6,}\d(?!\w)")


def mask_pii(text: str) -> str:
    """Replace emails and phone numbers with placeholders."""
    text = _EMAIL_RE.sub("[email]", text)
    return _PHONE_RE.sub("[phone]", text)


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
