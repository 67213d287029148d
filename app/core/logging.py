"""Logging set-up with one filter that masks PII (emails, phone numbers) in every record."""

from __future__ import annotations

import logging

from app.core.pii import (
    PiiMaskingFilter,
    PiiMaskingFormatter,
    install_record_masking,
    mask_pii,
)

__all__ = ["PiiMaskingFilter", "PiiMaskingFormatter", "configure_logging", "mask_pii"]


def configure_logging(level: str = "INFO") -> None:
    """Root logging to stderr through the PII filter; safe to call more than once."""
    install_record_masking()
    root = logging.getLogger()
    if any(isinstance(f, PiiMaskingFilter) for h in root.handlers for f in h.filters):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(PiiMaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PiiMaskingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    # Health checks poll every part every few seconds; their request lines are noise.
    logging.getLogger("httpx").setLevel(logging.WARNING)
