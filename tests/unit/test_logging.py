"""Logs never show visitors' contact details, and stay readable otherwise."""

import logging

from app.core.logging import PiiMaskingFilter, mask_pii


def test_emails_and_phone_numbers_are_masked():
    line = "booking for jane.doe+x@example.com, phone +1 (555) 010-4242 or 555.010.4242"
    assert mask_pii(line) == "booking for [email], phone [phone] or [phone]"


def test_addresses_ports_and_references_are_left_alone():
    line = "GET http://127.0.0.1:5055/health took 12 ms for BK-2026-0042"
    assert mask_pii(line) == line


def test_the_filter_masks_formatted_arguments(caplog):
    logger = logging.getLogger("test.pii")
    logger.addFilter(PiiMaskingFilter())
    with caplog.at_level(logging.INFO, logger="test.pii"):
        logger.info("confirmation sent to %s", "visitor@example.org")
    assert caplog.records[-1].getMessage() == "confirmation sent to [email]"
