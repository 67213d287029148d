"""`python -m addons.serve run …`: the `rasa` command, with `addons.patches` applied first."""

from __future__ import annotations

import os
import sys

# Before Rasa and TensorFlow: on import, skops (which loads the LogisticRegression classifier's
# model) lists the numpy types it trusts by searching every loaded module for each ufunc. With
# TensorFlow's thousands of modules loaded first that took 6.8 s of Rasa's start; imported
# first, 1.2 s (measured in bot/.venv: `import skops.io` timed after and before
# `import rasa.core.run`; loading the model then fell from 6.0 s to 0.4 s).
import skops.io  # noqa: F401

from addons import nlu_process, patches, rest_input


def main() -> None:
    # On SIGTERM, Sanic 21.12 (Rasa 3.6's) goes on serving busy kept-alive connections through
    # its grace period, and a float rounding in its shutdown loop can stretch that far past
    # supervisord's stopwaitsecs, which then SIGKILLs the process before it writes its queued
    # conversation events (measured: still answering 15-30 s after SIGTERM). With no grace
    # period, in-flight requests are cut (never acknowledged) and the process exits at once,
    # writing every event of every turn it did answer.
    os.environ.setdefault("SANIC_GRACEFUL_SHUTDOWN_TIMEOUT", "0")
    patches.apply()
    rest_input.apply()
    if sys.argv[1:2] == ["run"] and os.environ.get("RASA_NLU_PROCESS", "1") != "0":
        nlu_process.enable()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
