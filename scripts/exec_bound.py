"""Run a program bound to its parent's life: supervisord starts every program of a stack
through this file, so even a killed supervisord leaves no program running.

`python scripts/exec_bound.py COMMAND...` (run as a file, and importing nothing but the
standard library, so that it works from any working directory and starts at once).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys


def exec_bound(command: list[str]) -> None:
    """Become `command`, bound to the parent's life: when supervisord dies, SIGTERM reaches us.

    PR_SET_PDEATHSIG survives execve, so the program keeps the binding; it only needs to be
    one process (or bind its own children), which every program here is. Linux only; other
    systems just run the command.
    """
    if sys.platform.startswith("linux"):
        parent = os.getppid()
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the binding took hold
            raise SystemExit("supervisord is gone; not starting")
    os.execvp(command[0], command)


if __name__ == "__main__":
    exec_bound(sys.argv[1:])
