"""Start the rasa-sdk action server with a longer worker start-up allowance.

Sanic kills a worker that has not acknowledged start-up within 30 s. Importing the actions
(LanceDB, torch, sentence-transformers) takes a few seconds on an idle machine but can pass
30 s on a busy two-core one, and then the action server never comes up. 120 s is enough.
"""

from __future__ import annotations

import sys
from typing import Any

from rasa_sdk.executor import ActionExecutor
from sanic.worker.manager import WorkerManager
from sanic.worker.process import WorkerProcess

WORKER_START_ALLOWANCE = 1200  # tenths of a second

WorkerProcess.THRESHOLD = WORKER_START_ALLOWANCE
WorkerManager.THRESHOLD = WORKER_START_ALLOWANCE


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


def main() -> None:
    from rasa_sdk.__main__ import main as rasa_sdk_main

    sys.argv = ["rasa_sdk", *sys.argv[1:]]
    rasa_sdk_main()


if __name__ == "__main__":
    main()
