"""The demo business: what `make up` puts in an empty database so the bot works at once."""

from __future__ import annotations

import logging
import secrets

from sqlmodel import Session, select

from app.core.security import hash_password
from app.models import AdminUser, BotConfig, Role, TaskConfig, TaskConfigUpdate

logger = logging.getLogger(__name__)

DEMO_BUSINESS = {
    "bot_name": "Brightpath Assistant",
    "business_name": "Brightpath Consulting",
    "greeting": (
        "Hi, I'm the Brightpath assistant. Ask me about our services, prices and hours, "
        "or book a consultation, a demo or a support session."
    ),
    "brand_color": "#0f766e",
    "timezone": "America/New_York",
    "answer_threshold": 0.37,
    "fallback_text": "I'm sorry, I couldn't find that on our website.",
    "contact_email": "hello@brightpath.example",
    "contact_phone": "+1 (555) 010-4242",
    "allowed_origins": [
        "http://localhost:3000",
        "http://127.0.0.1:3000",
        "http://localhost:8765",
        "http://127.0.0.1:8765",
    ],
    "widget_position": "right",
    "default_phone_region": "US",
}

WEEKDAY_HOURS = {"start": "09:00", "end": "18:00"}
SATURDAY_HOURS = {"start": "10:00", "end": "16:00"}
DEMO_HOURS = {
    "monday": WEEKDAY_HOURS,
    "tuesday": WEEKDAY_HOURS,
    "wednesday": WEEKDAY_HOURS,
    "thursday": WEEKDAY_HOURS,
    "friday": WEEKDAY_HOURS,
    "saturday": SATURDAY_HOURS,
    "sunday": None,
}
# Closed on public holidays (US federal holidays, 2026-2027).
DEMO_HOLIDAYS = [
    "2026-11-26",
    "2026-12-25",
    "2027-01-01",
    "2027-01-18",
    "2027-02-15",
    "2027-05-31",
    "2027-06-18",
    "2027-07-05",
    "2027-09-06",
    "2027-11-25",
    "2027-12-24",
    "2027-12-31",
]
DEMO_SERVICES = [
    {
        "id": "consultation",
        "name": "Consultation",
        "price": 50,
        "duration_minutes": 60,
        "enabled": True,
    },
    {"id": "demo", "name": "Demo", "price": 0, "duration_minutes": 30, "enabled": True},
    {
        "id": "support",
        "name": "Support session",
        "price": 150,
        "duration_minutes": 60,
        "enabled": True,
    },
]

DEMO_TASKS: dict[str, dict] = {
    "book_service": {
        "required_fields": ["service_type", "date", "time", "name", "email", "phone"],
        "optional_fields": [],
        "services": DEMO_SERVICES,
    },
    "schedule_meeting": {
        "required_fields": ["topic", "date", "time", "duration", "name", "email"],
        "optional_fields": ["phone"],
        "durations": [15, 30, 60],
    },
    "cancel_booking": {"required_fields": ["booking_reference", "email"]},
    "reschedule_booking": {"required_fields": ["booking_reference", "email", "date", "time"]},
}


def seed_demo_business(*, session: Session) -> bool:
    """Insert the demo settings and tasks where missing; True when anything was added."""
    added = False
    if session.get(BotConfig, 1) is None:
        session.add(BotConfig(id=1, **DEMO_BUSINESS))
        added = True
    existing = set(session.exec(select(TaskConfig.name)).all())
    for name, overrides in DEMO_TASKS.items():
        if name in existing:
            continue
        update = TaskConfigUpdate(
            business_hours=DEMO_HOURS, blocked_dates=DEMO_HOLIDAYS, slot_minutes=30, **overrides
        )
        update.check_fields_for(name)
        row = TaskConfig(name=name, kind=name)
        row.apply(update)
        row.updated_by = "seed"
        session.add(row)
        added = True
    session.commit()
    return added


def ensure_first_admin(*, session: Session, email: str, password: str | None) -> str | None:
    """Create the first admin when there is none; returns the password if one was generated."""
    if session.exec(select(AdminUser).limit(1)).first() is not None:
        return None
    generated = None
    if not password:
        generated = password = secrets.token_urlsafe(12)
    session.add(
        AdminUser(
            email=email.lower(),
            full_name="Administrator",
            role=Role.admin,
            password_hash=hash_password(password),
        )
    )
    session.commit()
    logger.info("created the first admin %s", email)
    return generated
