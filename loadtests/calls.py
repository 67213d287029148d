"""How many action-server calls each step of a booking makes: `python -m loadtests.calls`.

Every call Rasa makes to the action server carries the turn's events and is serialised, sent,
parsed and checked against Rasa's reply schema, so the number of calls a turn makes is part of
its cost (issue 10: "a turn makes as few remote calls as the dialogue allows"). This starts a
throwaway stack of this checkout (its own var/ directory in a temporary folder, its own ports,
the API-only web app), walks the load test's booking conversation over Rasa's REST channel
three times, and records which actions the action server ran for each message.

The action server is counted from the outside: a `sitecustomize` module put on its
`PYTHONPATH` wraps rasa-sdk's `ActionExecutor.run` to append each call's action name to a
file. Nothing in the product knows about it.

Writes `loadtests/results/<timestamp>-calls/summary.{json,md}`. Loopback only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import textwrap
import uuid
from pathlib import Path

import httpx

from loadtests.run import RESULTS
from loadtests.scenario import (
    BOOKING_OPENERS,
    CONFIRM_ANSWER,
    SERVICE_ANSWER,
    date_answer,
    phone_answer,
    time_answer,
)

COUNTER = textwrap.dedent(
    """
    import os
    try:
        from rasa_sdk.executor import ActionExecutor
    except ImportError:  # not the action server's venv
        pass
    else:
        _run = ActionExecutor.run

        async def run(self, action_call):
            with open(os.environ["ACTION_CALLS_FILE"], "a") as out:
                out.write(f"{action_call.get('sender_id')} {action_call.get('next_action')}\\n")
            return await _run(self, action_call)

        ActionExecutor.run = run
    """
)


def booking_steps(day: dt.date, time_text: str, email: str) -> list[tuple[str, str]]:
    """The load test's booking walk (loadtests/locustfile.py), with fixed answers."""
    return [
        ("start", BOOKING_OPENERS[0]),
        ("service", SERVICE_ANSWER),
        ("date", date_answer(day)),
        ("time", time_text),
        ("name", "Jane Smith"),
        ("email", email),
        ("phone", phone_answer(123)),
        ("confirm", CONFIRM_ANSWER),
    ]


def walk(rasa_url: str, calls_file: Path, runs: int) -> list[dict]:
    """Walk the booking `runs` times, each in a new conversation at a different time with a
    different email (a fifth conversation would find its time taken and be offered others)."""
    day = dt.date.today() + dt.timedelta(days=7)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    times = [time_answer(hour, 30) for hour in (10, 11, 14, 15)]
    rows = []
    with httpx.Client(base_url=rasa_url, timeout=60) as client:
        for run in range(runs):
            sender = f"calls-{uuid.uuid4().hex[:8]}"
            for step, text in booking_steps(
                day, times[run % len(times)], f"jane.smith.{run}@example.com"
            ):
                seen = len(calls_file.read_text().splitlines()) if calls_file.exists() else 0
                reply = client.post(
                    "/webhooks/rest/webhook", json={"sender": sender, "message": text}
                )
                reply.raise_for_status()
                new = calls_file.read_text().splitlines()[seen:] if calls_file.exists() else []
                rows.append(
                    {
                        "run": run,
                        "step": step,
                        "calls": [line.split()[1] for line in new if line.startswith(sender)],
                        "reply": " | ".join(m.get("text") or "" for m in reply.json()),
                    }
                )
    return rows


def markdown(rows: list[dict], runs: int) -> str:
    steps = list(dict.fromkeys(r["step"] for r in rows))
    first = [r for r in rows if r["run"] == 0]
    lines = [
        "# Action-server calls per booking step",
        "",
        f"`python -m loadtests.calls`: the load test's booking walk, {runs} conversations.",
        "",
        "| step | calls (first conversation) | actions run |",
        "|---|---|---|",
        *[f"| {r['step']} | {len(r['calls'])} | {', '.join(r['calls'])} |" for r in first],
        "",
        f"Calls per booking: {', '.join(str(sum(len(r['calls']) for r in rows if r['run'] == n)) for n in range(runs))}"
        f" ({len(steps)} messages each).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from scripts.control import Stack

    parser = argparse.ArgumentParser(prog="python -m loadtests.calls")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="report folder (default: a new one in results/)")
    parser.add_argument("--ports", default="3950,5925,5975", help="web,rasa,actions (loopback)")
    args = parser.parse_args(argv)
    app_port, rasa_port, actions_port = (int(p) for p in args.ports.split(","))
    out = args.out or RESULTS / f"{dt.datetime.now():%Y%m%d-%H%M%S}-calls"
    with tempfile.TemporaryDirectory() as tmp:
        site, calls_file = Path(tmp) / "site", Path(tmp) / "calls.txt"
        site.mkdir()
        (site / "sitecustomize.py").write_text(COUNTER)
        stack = Stack(
            var_dir=Path(tmp) / "var",
            app_port=app_port,
            rasa_port=rasa_port,
            actions_port=actions_port,
            web_mode="api",
            extra_env={
                "ENVIRONMENT": "test",
                "DATABASE_URL": "",
                "REDIS_URL": "",
                # Rasa's command sets its own PYTHONPATH; the action server and web app get this.
                "PYTHONPATH": str(site),
                "ACTION_CALLS_FILE": str(calls_file),
            },
        )
        stack.prepare(quiet=True)
        stack.start()
        try:
            stack.wait_healthy(900, verbose=False)
            stack.warm_up()
            rows = walk(f"http://127.0.0.1:{rasa_port}", calls_file, args.runs)
        finally:
            stack.shutdown()
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(json.dumps(rows, indent=1))
    text = markdown(rows, args.runs)
    (out / "summary.md").write_text(text)
    print(text)
    print(f"Report: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
