"""Start the rasa-sdk action server with a longer worker start-up allowance.

Sanic kills a worker that has not acknowledged start-up within 30 s. Importing the actions
(LanceDB, torch, sentence-transformers) takes a few seconds on an idle machine but can pass
30 s on a busy two-core one, and then the action server never comes up. 120 s is enough.
"""

from __future__ import annotations

import sys

from sanic.worker.manager import WorkerManager
from sanic.worker.process import WorkerProcess

from app.core.pii import install_record_masking

# At import, so that Sanic's worker processes (which import this module again) mask too:
# no visitor's email or phone number reaches actions.log, tracebacks included.
install_record_masking()

WORKER_START_ALLOWANCE = 1200  # tenths of a second

WorkerProcess.THRESHOLD = WORKER_START_ALLOWANCE
WorkerManager.THRESHOLD = WORKER_START_ALLOWANCE


def main() -> None:
    from rasa_sdk.__main__ import main as rasa_sdk_main

    sys.argv = ["rasa_sdk", *sys.argv[1:]]
    rasa_sdk_main()


if __name__ == "__main__":
    main()
