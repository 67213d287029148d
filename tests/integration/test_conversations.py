"""Rasa conversation tests (bot/tests/*.yml) against the live action server and booking API."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


# The manage-booking stories (bot/tests) cancel and reschedule "BK-2026-0001" as
# jane@example.com. References are random now, so that booking is put in place here.
_SEED_BOOKING = """
import datetime as dt
from sqlmodel import Session, select, update
from app.core.db import get_engine
from app.models import Booking, SlotClaim
from app.services import bookings
from app.models import BookingCreate
from app.services import calendar
from app.services.seed import DEMO_HOLIDAYS

with Session(get_engine()) as session:
    if session.exec(select(Booking).where(Booking.reference == "BK-2026-0001")).first() is None:
        day = dt.date.today() + dt.timedelta(days=90)
        while day.weekday() != 1 or day.isoformat() in DEMO_HOLIDAYS:
            day += dt.timedelta(days=1)
        booking_in = BookingCreate(
            service_id="consultation",
            start=dt.datetime.combine(day, dt.time(9), calendar.business_zone()),
            name="Jane Smith", email="jane@example.com", phone="+1 212 555 0142",
        )
        made = bookings.create_booking(session=session, booking_in=booking_in).body["reference"]
        for model in (Booking, SlotClaim):
            session.exec(
                update(model).where(model.reference == made).values(reference="BK-2026-0001")
            )
        session.commit()
"""


def test_conversation_stories_pass(live_stack, tmp_path):
    from scripts.training import ensure_model

    live_stack._stack._run_main(["-c", _SEED_BOOKING], quiet=True)

    model = ensure_model(quiet=True)
    endpoints = live_stack.var_dir / "run" / "endpoints.yml"
    out = tmp_path / "results"
    result = subprocess.run(
        [
            # Through `addons.serve`, so the policies run with the add-ons the server runs
            # with (bot/addons/patches.py), incremental dialogue states included.
            str(ROOT / "bot" / ".venv" / "bin" / "python"),
            "-m",
            "addons.serve",
            "test",
            "core",
            "--e2e",  # also check the NLU of each user line (intent and entities), not only actions
            "--stories",
            "tests",
            "--model",
            str(model),
            "--endpoints",
            str(endpoints),
            "--out",
            str(out),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT / "bot",
        env={**live_stack_env(live_stack)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    failed = out / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + details[-4000:]


def live_stack_env(live_stack) -> dict[str, str]:
    import os

    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "VAR_DIR": str(live_stack.var_dir)}
