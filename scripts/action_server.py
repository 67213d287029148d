"""Start the rasa-sdk action server in one process.

rasa-sdk's own `main` runs Sanic's worker manager: a main process that forks a worker, and the
worker holds the port. When the main process is killed (SIGKILL, the OOM killer), the worker
is orphaned, keeps the port and answers with the old code, and every restart by supervisord
dies with "Address already in use". Sanic's single-process mode serves from the process
supervisord started, so a crash frees the port with it and the restart binds cleanly. One
process loses nothing here: the actions are async and one Sanic worker was the default anyway;
more capacity means more action servers behind the gateway (`deploy/`), not more forks.

It also spares the worker start-up allowance the worker manager needed (Sanic kills a worker
that has not acknowledged start-up within 30 s, which importing torch and LanceDB can pass on
a busy two-core machine).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app_for_serve, create_argument_parser, create_ssl_config
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic

from app.core import collector
from app.core.pii import install_record_masking

logger = logging.getLogger(__name__)

# At import: no visitor's email or phone number reaches actions.log, tracebacks included.
install_record_masking()


def _domain_sent_or_last(
    self: ActionExecutor, payload: dict[str, Any], action_name: str
) -> dict[str, Any]:
    """The domain Rasa sent with this call, else the last one it sent, else an empty one.

    Rasa's `enable_selective_domain` sends the domain only to the actions that read it (the
    forms' validators), which keeps every other call small. rasa-sdk 3.21 would refuse such a
    call (HTTP 449, expecting the domain digest newer Rasa versions send and a retry that Rasa
    3.6 never makes); our other actions do not read the domain, so none is needed.
    """
    if payload.get("domain"):
        self.domain = payload["domain"]
    return self.domain or {}


ActionExecutor.update_and_return_domain = _domain_sent_or_last


async def _warm_up_then_freeze(app: Sanic, _loop: Any) -> None:
    """Load the embedding model, then keep what start-up made out of the collector's walk.

    A full garbage collection walked every object torch, LanceDB and the model made at start
    and stopped the event loop meanwhile (as in Rasa: addons/patches.py); frozen, only what
    the actions create is walked, and what survives each full collection is frozen too
    (`app.core.collector`). In the background: the server answers meanwhile."""

    async def warm_up() -> None:
        from ingest.embeddings import get_embedder

        try:
            await asyncio.get_running_loop().run_in_executor(
                None, lambda: get_embedder().embed_query("opening hours")
            )
        except Exception:  # noqa: BLE001 - a question will load it (and say why) instead
            logger.warning("could not load the embedding model at start", exc_info=True)
        collector.install()

    app.add_task(warm_up())


def main(argv: list[str] | None = None) -> None:
    """Parse rasa-sdk's own command line (`--actions actions -p 5055`) and serve."""
    args = create_argument_parser().parse_args(argv)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
        args.log_file,
        args.loglevel,
        args.logging_config_file,
    )
    utils.update_sanic_log_level()

    executor = ActionExecutor()
    executor.register_package(args.actions_module or args.actions)
    app = create_app_for_serve(
        executor, cors_origins=args.cors, auto_reload=False, endpoints=args.endpoints
    )
    # rasa-sdk's default (all interfaces unless SANIC_HOST says otherwise), kept as it was.
    host = os.environ.get("SANIC_HOST", "0.0.0.0")
    ssl = create_ssl_config(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    app.register_listener(_warm_up_then_freeze, "after_server_start")
    logger.info("Action server (one process, pid %s) on %s:%s", os.getpid(), host, args.port)
    app.prepare(host=host, port=args.port, ssl=ssl, single_process=True, motd=False)
    Sanic.serve_single(primary=app)


if __name__ == "__main__":
    main(sys.argv[1:])
