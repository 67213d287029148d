"""Sending one email over the SMTP server from settings (SMTP_HOST, SMTP_PORT …): the one
sender behind the visitors' booking emails and the staff's callback emails."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from app.core.settings import get_settings

logger = logging.getLogger(__name__)

SMTP_TIMEOUT_SECONDS = 10


def send_email(message: EmailMessage, *, what: str) -> bool:
    """Send `message`; False (logged as `what`, never raised) when the server fails."""
    settings = get_settings()
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        logger.error("%s not sent: %s", what, type(exc).__name__)
        return False
    logger.info("%s sent", what)
    return True
