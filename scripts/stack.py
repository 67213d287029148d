"""Run the whole product: prepare (database, model, content, web build), then Rasa, the action
server and the web app under supervisord, which restarts a crashed process and logs which one
and why.

`python -m scripts.stack up` is what `make up` runs (foreground; Ctrl-C stops everything);
`python -m scripts.stack down` stops whatever a run of this checkout left behind.
Tests use the `Stack` class (`scripts.control`) directly on their own ports and their own
`var/` directory.

This is the command line; the work is done by:
- `scripts.training`: is the Rasa model up to date with the bot's data; train it;
- `scripts.web_build`: is the frontend build up to date with its inputs; build it;
- `scripts.config`: a stack's environment, settings, Rasa endpoints and supervisord config;
- `scripts.control`: preparing, starting, watching and stopping a stack (`up`, `down`);
- `scripts.processes`: the processes of this checkout (leftovers, port owners);
- `scripts.exec_bound`: what binds each supervised program to supervisord's life.
"""

from __future__ import annotations

import argparse
import shutil

from scripts.checkout import ROOT
from scripts.control import down, up
from scripts.exec_bound import exec_bound
from scripts.training import ensure_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.stack")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("up", help="prepare and run everything (foreground)")
    sub.add_parser("down", help="stop a running stack")
    sub.add_parser("train", help="train the Rasa model if the bot's data changed")
    sub.add_parser("model-path", help="print the current model's path (training if needed)")
    bound = sub.add_parser("exec-bound", help="run a command that dies with its parent")
    bound.add_argument("program", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.command == "exec-bound":
        program = args.program[1:] if args.program[:1] == ["--"] else args.program
        exec_bound(program)
    if args.command == "up":
        return up()
    if args.command == "down":
        return down()
    model = ensure_model()
    if args.command == "model-path":
        print(model)
    return 0


if __name__ == "__main__":
    if not shutil.which("supervisord", path=str(ROOT / ".venv" / "bin")):
        raise SystemExit("run `make up` (the main venv is missing)")
    raise SystemExit(main())
