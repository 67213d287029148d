"""Finding 6: Rasa and the action server log through the same masking, tracebacks included,
and old conversations, Rasa events and uploads are purged."""

from __future__ import annotations

import datetime as dt
import io
import logging
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from app import cli
from app.core.logging import mask_pii
from app.core.pii import install_record_masking
from app.core.settings import get_settings
from app.models import Attachment, Conversation, ConversationTurn, utcnow
from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / "bot" / ".venv" / "bin" / "python"
VISITOR_LINE = "my email is jane.doe@example.com and my phone +1 212 555 0142"

# What Rasa does when a request is cancelled mid-flight, plus what Sanic's own handlers
# (added when Rasa creates its server, after the logging config) print.
RASA_SCRIPT = f"""
import asyncio, logging
from rasa.utils.common import configure_logging_and_warnings
configure_logging_and_warnings(logging_config_file="{ROOT / "deploy" / "rasa-logging.yml"}")
from sanic import Sanic
Sanic("rasa_server")  # configures sanic.* loggers with their own handlers
text = {VISITOR_LINE!r}
logging.getLogger("rasa.core.channels.channel").info("Received user message '%s'", text)
try:
    raise asyncio.CancelledError(f"cancelled while handling: {{text}}")
except BaseException:
    logging.getLogger("rasa.core.agent").exception("An exception occurred")
logging.getLogger("sanic.error").error("Exception occurred while handling uri: %s", text)
logging.getLogger("sanic.root").warning(text)
print("done")
"""


def test_rasa_logs_through_the_masking_config_even_after_sanic_sets_up_its_own():
    if not RASA_PYTHON.exists():
        require_service("Rasa venv", f"{RASA_PYTHON} not found")
    result = subprocess.run(
        [str(RASA_PYTHON), "-c", RASA_SCRIPT],
        cwd=ROOT / "bot",
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "done" in result.stdout, output[-3000:]
    assert "jane.doe@example.com" not in output and "555 0142" not in output, output
    assert output.count("[email]") >= 5  # message, traceback, sanic lines: all there, masked
    assert "CancelledError" in output  # the traceback itself is kept
    assert "[phone]:" not in output  # timestamps are left alone


@pytest.fixture
def record_masking():
    """The masking record factory, as the action server installs it; removed afterwards."""
    factory = logging.getLogRecordFactory()
    install_record_masking()
    yield
    logging.setLogRecordFactory(factory)


def test_a_handler_without_any_filter_prints_no_pii_once_masking_is_installed(record_masking):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # like a library's own, plain handler
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test.actions")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("could not book for %s", "ada@example.com")
        try:
            raise ValueError(f"bad phone {'+1 212 555 0188'} for ada@example.com")
        except ValueError:
            logger.exception("validation failed")
    finally:
        logger.removeHandler(handler)
    printed = stream.getvalue()
    assert "ada@example.com" not in printed and "555 0188" not in printed
    assert "could not book for [email]" in printed and "ValueError: bad phone [phone]" in printed


def test_the_action_server_installs_the_masking_at_import():
    result = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "-c",
            "import logging, scripts.action_server\n"
            "logging.basicConfig()\n"
            f"logging.getLogger('rasa_sdk.executor').error({VISITOR_LINE!r})",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "jane.doe@example.com" not in result.stderr and "[email]" in result.stderr


def test_booking_references_are_not_mistaken_for_phone_numbers():
    line = "booked BK-2026-481390 and MT-2026-000042"
    assert mask_pii(line) == line


def test_times_in_logs_are_not_mistaken_for_phone_numbers():
    line = "slot taken at 2026-12-10 14:00:00+00:00; starts 2026-12-10T09:30:00"
    assert mask_pii(line) == line
    assert mask_pii("call +44 113 496 0527 at 2026-12-10 14:00") == (
        "call [phone] at 2026-12-10 14:00"
    )


def test_purge_deletes_old_conversations_rasa_events_and_uploads(seeded: Session, capsys):
    settings = get_settings()
    old, recent = utcnow() - dt.timedelta(days=400), utcnow() - dt.timedelta(days=2)
    uploads = settings.uploads_dir
    uploads.mkdir(parents=True, exist_ok=True)
    for sender, when in (("old-visitor", old), ("new-visitor", recent)):
        conversation = Conversation(sender_id=sender, started_at=when, last_message_at=when)
        seeded.add(conversation)
        seeded.flush()
        seeded.add(ConversationTurn(conversation_id=conversation.id, role="visitor", text="hi"))
        path = uploads / f"{sender}.png"
        path.write_bytes(b"\x89PNG")
        seeded.add(
            Attachment(
                sender_id=sender,
                filename="receipt.png",
                content_type="image/png",
                size_bytes=4,
                stored_path=str(path),
                created_at=when,
            )
        )
    seeded.commit()
    for url, columns in (
        (settings.rasa_events_url, "id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT"),
        (
            f"sqlite:///{settings.var_dir / 'rasa_tracker.db'}",
            "id INTEGER PRIMARY KEY, sender_id TEXT, timestamp REAL, data TEXT",
        ),
    ):
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text(f"CREATE TABLE events ({columns})"))
            for number, sender in enumerate(("old-visitor", "new-visitor")):
                connection.execute(
                    text("INSERT INTO events (id, sender_id, data) VALUES (:n, :s, :d)"),
                    {"n": number, "s": sender, "d": '{"text": "' + VISITOR_LINE + '"}'},
                )
        engine.dispose()

    assert cli.main(["purge"]) == 0
    assert "1 conversations, 1 uploads, 2 rasa events" in capsys.readouterr().out

    seeded.expire_all()
    assert [c.sender_id for c in seeded.exec(select(Conversation))] == ["new-visitor"]
    assert len(seeded.exec(select(ConversationTurn)).all()) == 1
    assert [a.sender_id for a in seeded.exec(select(Attachment))] == ["new-visitor"]
    assert sorted(p.name for p in uploads.iterdir()) == ["new-visitor.png"]
    for url in (settings.rasa_events_url, f"sqlite:///{settings.var_dir / 'rasa_tracker.db'}"):
        engine = create_engine(url)
        with engine.connect() as connection:
            senders = [row[0] for row in connection.execute(text("SELECT sender_id FROM events"))]
        engine.dispose()
        assert senders == ["new-visitor"]
