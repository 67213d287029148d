"""The Reflex app: widget and admin pages, with the API mounted on the same backend."""

import asyncio
import logging

import reflex as rx

from app.api.main import create_api
from app.core import collector, state_files
from app.core.logging import configure_logging
from app.core.settings import get_settings

configure_logging(get_settings().log_level)
state_files.install()

import app.pages  # noqa: E402,F401 - registers every @rx.page

app = rx.App(api_transformer=create_api())


def _recover_on_start() -> None:
    """A restarted web process (supervisord, after a crash) tidies what the crash left."""
    from app.cli import recover_after_crash
    from app.core.db import session_scope

    try:
        with session_scope() as session:
            recover_after_crash(session)
    except Exception:  # noqa: BLE001 - a database still starting must not stop the app
        logging.getLogger(__name__).exception("start-up recovery skipped")


app.register_lifespan_task(_recover_on_start)


def _tune_collector() -> None:
    """Full garbage collections walk only what is new since the last one (app.core.collector):
    the page states of every tab open in the last hour are kept in memory, and walking them
    all stopped the event loop for 360-500 ms about once a minute under a widget load test."""
    collector.install()


app.register_lifespan_task(_tune_collector)

PURGE_INTERVAL_SECONDS = 24 * 3600


async def _purge_daily() -> None:
    """The retention purge (app.services.retention), now and then once a day."""
    from app.core.db import session_scope
    from app.services.retention import purge_old_data

    def purge() -> None:
        with session_scope() as session:
            purge_old_data(session=session)

    while True:
        try:
            await asyncio.to_thread(purge)
        except Exception:  # noqa: BLE001 - try again tomorrow; the log says why
            logging.getLogger(__name__).exception("retention purge failed")
        await asyncio.sleep(PURGE_INTERVAL_SECONDS)


app.register_lifespan_task(_purge_daily)

OUTBOX_INTERVAL_SECONDS = 60


async def _deliver_outbox() -> None:
    """Booking emails that could not go out at once are retried every minute."""
    from app.services.outbox import deliver_pending

    while True:
        await asyncio.sleep(OUTBOX_INTERVAL_SECONDS)
        await asyncio.to_thread(deliver_pending)


app.register_lifespan_task(_deliver_outbox)
