"""Retention: conversations, Rasa's stored events and visitors' uploads older than
RETENTION_DAYS are deleted, by `python -m app.cli purge` and once a day by the web process.

Bookings are not touched: they are the business's records (with their own lifecycle), and
their contact details are encrypted.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlmodel import Session, col, delete, select

from app.core.settings import get_settings
from app.models import Attachment, Conversation, ConversationTurn, utcnow
from app.services.uploads import stored_file

logger = logging.getLogger(__name__)


def purge_old_data(*, session: Session, older_than: dt.timedelta | None = None) -> dict[str, int]:
    """Delete what is older than the retention period; how many of each kind went."""
    settings = get_settings()
    cutoff = utcnow() - (older_than or dt.timedelta(days=settings.retention_days))
    counts: dict[str, int] = {}

    old = session.exec(select(Conversation).where(Conversation.last_message_at < cutoff)).all()
    senders = [c.sender_id for c in old]
    ids = [c.id for c in old]
    if ids:
        session.exec(delete(ConversationTurn).where(col(ConversationTurn.conversation_id).in_(ids)))
        session.exec(delete(Conversation).where(col(Conversation.id).in_(ids)))
    counts["conversations"] = len(ids)

    uploads = session.exec(select(Attachment).where(Attachment.created_at < cutoff)).all()
    for attachment in uploads:
        path = stored_file(attachment)
        if path is not None:
            path.unlink(missing_ok=True)
        session.delete(attachment)
    counts["uploads"] = len(uploads)
    session.commit()

    # Rasa's copies of those conversations: the event broker's table (analytics' source)
    # and, on the embedded default, the SQL tracker store. (A Redis tracker store expires
    # its records itself: `record_exp` in Rasa's endpoints.)
    stores = [settings.rasa_events_url]
    tracker_db = Path(settings.var_dir) / "rasa_tracker.db"
    if tracker_db.exists():
        stores.append(f"sqlite:///{tracker_db}")
    counts["rasa_events"] = sum(_delete_rasa_events(url, senders) for url in dict.fromkeys(stores))
    logger.info("retention purge (older than %s): %s", cutoff.date(), counts)
    return counts


def _delete_rasa_events(url: str, senders: list[str]) -> int:
    if not senders:
        return 0
    engine = create_engine(url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        deleted = 0
        with engine.begin() as connection:
            for start in range(0, len(senders), 500):
                batch = senders[start : start + 500]
                marks = ", ".join(f":s{i}" for i in range(len(batch)))
                result = connection.execute(
                    text(f"DELETE FROM events WHERE sender_id IN ({marks})"),  # noqa: S608 - bound
                    {f"s{i}": sender for i, sender in enumerate(batch)},
                )
                deleted += result.rowcount or 0
        return deleted
    finally:
        engine.dispose()
