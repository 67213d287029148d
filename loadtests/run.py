"""`make loadtest`: Locust, headless, against a running stack; writes a report per run.

    python -m loadtests.run [--path rest] [--users 100] [--duration 180] [--host URL]
    python -m loadtests.run --capacity [--steps 100,200,300,400] [--duration 60]
    python -m loadtests.run --gateway   (against `make up-prod`, through nginx)

Paths (`--path`):
- `rest`: Rasa's REST channel (`loadtests/locustfile.py`), every reply's content checked;
- `widget`: Reflex's own websocket protocol to `/widget`'s backend, as a browser speaks it
  (`loadtests/widget_locustfile.py`).
The production settings are the `rest` path against a stack started with `REDIS_URL` and
`DATABASE_URL` set; `--label` names the run in its report. `--gateway` runs the `rest` path
against `make up-prod` through its nginx gateway (https://127.0.0.1:$GATEWAY_PORT, TLS, the
per-address limits), each visitor from a loopback address of its own; CPU is then counted
for each of the two Rasa and two action servers, the web app and nginx.

Each run writes `loadtests/results/<timestamp>/`: Locust's CSV and HTML, `summary.json` (P50,
P95 and P99 per step, messages per second, failures, and for each process of the stack its CPU
seconds per message and resident memory) and `summary.md`. `--capacity` steps the number of
conversations up and reports the most it holds at P95 < 500 ms with no failures.

Each run also counts the bookings made during it, read from the stack's database (the embedded
default, or with `--gateway` the production topology's `DATABASE_URL`), so a report says how
many confirmations were new bookings and how many found the time just taken. The scenario
books weekdays 3-50 days ahead at 14 times a day, about 480 slots: a one-calendar business is
full within a 3-minute run at 100 conversations. `--parallel-appointments N` sets the
business's "appointments at the same time" (Settings) to N for the run and puts the previous
value back afterwards, so confirmations keep writing new bookings.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
CAPACITY_P95_MS = 500
TARGET_P95_MS = 200
LOCUSTFILES = {"rest": HERE / "locustfile.py", "widget": HERE / "widget_locustfile.py"}
# The stack's programs, found by the port each one listens on.
PORT_ENV = {
    "rasa": ("RASA_PORT", 5005),
    "actions": ("ACTIONS_PORT", 5055),
    "web": ("APP_PORT", 3000),
}


def production_ports() -> dict[int, str]:
    """`make up-prod`'s servers by port (the pools on RASA_PORT and ACTIONS_PORT are nginx),
    read from the environment as `make up-prod` reads them."""
    from scripts.prod import prod_stack

    stack = prod_stack()
    wanted = {stack.gateway_port: "gateway", stack.app_port: "web"}
    for number, port in enumerate(stack.rasa_ports, 1):
        wanted[port] = f"rasa{number}"
    for number, port in enumerate(stack.actions_ports, 1):
        wanted[port] = f"actions{number}"
    return wanted


def stack_processes(wanted: dict[int, str] | None = None) -> dict[str, list[psutil.Process]]:
    """Each program of the running stack: the process listening on its port and its children."""
    if wanted is None:
        wanted = {
            int(os.environ.get(env, default)): name for name, (env, default) in PORT_ENV.items()
        }
    found: dict[str, list[psutil.Process]] = {}
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status != psutil.CONN_LISTEN or conn.pid is None:
            continue
        name = wanted.get(conn.laddr.port)
        if name and name not in found:
            try:
                process = psutil.Process(conn.pid)
                # A forking server: count the parent and every child (e.g. a worker process).
                top = process.parent() if _same_program(process, process.parent()) else process
                while top.name() == "nginx" and top.parent() and top.parent().name() == "nginx":
                    top = top.parent()  # nginx's master, and its workers below
                found[name] = [top, *top.children(recursive=True)]
            except psutil.Error:
                continue
    return found


def _same_program(process: psutil.Process, parent: psutil.Process | None) -> bool:
    try:
        return parent is not None and parent.cmdline()[:2] == process.cmdline()[:2]
    except psutil.Error:
        return False


def cpu_seconds(processes: dict[str, list[psutil.Process]]) -> dict[str, float]:
    totals = {}
    for name, procs in processes.items():
        total = 0.0
        for proc in procs:
            try:
                times = proc.cpu_times()
                total += times.user + times.system
            except psutil.Error:
                continue
        totals[name] = total
    return totals


def rss_mb(processes: dict[str, list[psutil.Process]]) -> dict[str, float]:
    sizes = {}
    for name, procs in processes.items():
        total = 0
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
        sizes[name] = round(total / 2**20, 1)
    return sizes


def calibrate_questions(host: str) -> tuple[list, list[str]]:
    """Ask every eval question once on the idle stack; keep those answered right.

    A question the bot gets wrong with no load is a quality problem (`make eval` reports it),
    not a load problem, so the load test leaves it out and says which."""
    sys.path.insert(0, str(ROOT))
    from loadtests.locustfile import load_questions

    kept, left_out = [], []
    with httpx.Client(timeout=60) as client:
        for index, (question, facts) in enumerate(load_questions()):
            reply = client.post(
                f"{host}/webhooks/rest/webhook",
                json={"sender": f"calibrate-{os.getpid()}-{index}", "message": question},
            ).json()
            said = " ".join(str(m.get("text") or "") for m in reply).lower()
            (kept if any(f in said for f in facts) else left_out).append((question, facts))
    return kept, [q for q, _ in left_out]


def run_locust(
    *,
    locustfile: Path,
    host: str,
    users: int,
    spawn_rate: float,
    duration: int,
    out: Path,
    ports: dict[int, str] | None = None,
) -> dict:
    """One Locust run; returns its measured figures."""
    out.mkdir(parents=True, exist_ok=True)
    prefix = out / "locust"
    command = [
        sys.executable, "-m", "locust", "-f", str(locustfile), "--headless",
        "--host", host, "--users", str(users), "--spawn-rate", str(spawn_rate),
        "--run-time", f"{duration}s", "--csv", str(prefix), "--html", f"{prefix}.html",
        "--only-summary", "--stop-timeout", "15", "--loglevel", "WARNING",
    ]  # fmt: skip
    processes = stack_processes(ports)
    cpu_before = cpu_seconds(processes)
    started = time.monotonic()
    with (out / "locust.log").open("w") as log:
        subprocess.run(command, check=False, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    elapsed = time.monotonic() - started
    cpu_after = cpu_seconds(processes)
    memory = rss_mb(processes)

    with open(f"{prefix}_stats.csv") as stats:
        rows = list(csv.DictReader(stats))
    steps, total = {}, None
    for row in rows:
        figures = {
            "count": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "p50_ms": _ms(row["50%"]),
            "p95_ms": _ms(row["95%"]),
            "p99_ms": _ms(row["99%"]),
            "per_second": round(float(row["Requests/s"]), 2),
        }
        if row["Name"] == "Aggregated":
            total = figures
        else:
            steps[row["Name"]] = figures
    messages = total["count"] if total else 0
    failures_by_reason = _failures(Path(f"{prefix}_failures.csv"))
    return {
        "users": users,
        "duration_s": duration,
        "elapsed_s": round(elapsed, 1),
        "steps": steps,
        "total": total,
        "messages_per_second": total["per_second"] if total else 0.0,
        "worst_step_p95_ms": max((s["p95_ms"] or 0 for s in steps.values()), default=None),
        "failures": total["failures"] if total else 0,
        "failure_reasons": failures_by_reason,
        "processes": {
            name: {
                "cpu_seconds": round(cpu_after.get(name, 0) - cpu_before.get(name, 0), 2),
                "cpu_ms_per_message": (
                    round(1000 * (cpu_after.get(name, 0) - cpu_before.get(name, 0)) / messages, 2)
                    if messages
                    else None
                ),
                "cpu_share_of_a_core": round(
                    (cpu_after.get(name, 0) - cpu_before.get(name, 0)) / elapsed, 2
                ),
                "rss_mb": memory.get(name),
            }
            for name in sorted(processes)
        },
    }


def _ms(value: str) -> float | None:
    return None if value in ("", "N/A") else float(value)


def _failures(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open() as handle:
        return [
            {"step": row["Name"], "error": row["Error"][:200], "count": int(row["Occurrences"])}
            for row in csv.DictReader(handle)
        ]


@contextlib.contextmanager
def appointments_at_once(count: int | None) -> Iterator[int]:
    """The business's "appointments at the same time" during the run: `count` when given (the
    previous value is put back afterwards), else what the Settings page says."""
    from app.core.db import session_scope
    from app.models import BotSettingsUpdate
    from app.services.config import get_bot_settings, save_bot_settings

    def save(value: int) -> None:
        current = get_bot_settings().model_dump(include=set(BotSettingsUpdate.model_fields))
        with session_scope() as session:
            save_bot_settings(
                session=session,
                settings_in=BotSettingsUpdate(**(current | {"parallel_appointments": value})),
            )

    before = get_bot_settings().parallel_appointments
    if count is None or count == before:
        yield before
        return
    save(count)
    try:
        yield count
    finally:
        save(before)


def bookings_since(start: dt.datetime) -> int:
    """Bookings written to the stack's database since `start`."""
    from sqlmodel import col, func, select

    from app.core.db import session_scope
    from app.models import Booking

    with session_scope() as session:
        return session.exec(
            select(func.count()).select_from(Booking).where(col(Booking.created_at) >= start)
        ).one()


def markdown(summary: dict) -> str:
    lines = [
        f"# Load test {summary['stamp']} ({summary['path']}, {summary['label']})",
        "",
        f"{summary['machine']}. Locust on the same machine; every visitor waits 1-3 s before "
        "each message.",
        "",
    ]
    for result in summary["runs"]:
        verdict = (
            "meets"
            if result["failures"] == 0 and (result["worst_step_p95_ms"] or 1e9) <= TARGET_P95_MS
            else "misses"
        )
        lines += [
            f"## {result['users']} conversations for {result['duration_s']} s",
            "",
            f"{result['messages_per_second']} messages/s, {result['failures']} failures, worst "
            f"step P95 {result['worst_step_p95_ms']} ms ({verdict} the {TARGET_P95_MS} ms "
            "target).",
            "",
            f"{result['booking_confirmations']} booking confirmations, {result['new_bookings']} "
            f"new bookings (the business takes {summary['parallel_appointments']} appointment(s) "
            "at the same time). Confirmations that found the time just taken were offered the "
            "nearest free ones; one still in flight when the run stops can book uncounted.",
            "",
            "| step | count | failures | P50 ms | P95 ms | P99 ms | per s |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, s in sorted(result["steps"].items()):
            lines.append(
                f"| {name} | {s['count']} | {s['failures']} | {s['p50_ms']} | {s['p95_ms']} | "
                f"{s['p99_ms']} | {s['per_second']} |"
            )
        lines += [
            "",
            "| process | CPU ms per message | share of a core | RSS MB |",
            "|---|---|---|---|",
        ]
        for name, p in result["processes"].items():
            lines.append(
                f"| {name} | {p['cpu_ms_per_message']} | {p['cpu_share_of_a_core']} | "
                f"{p['rss_mb']} |"
            )
        for failure in result["failure_reasons"][:10]:
            lines.append(f"- failure ×{failure['count']} at {failure['step']}: {failure['error']}")
        lines.append("")
    if summary.get("capacity") is not None:
        lines.append(
            f"**Capacity: {summary['capacity']} conversations at P95 < {CAPACITY_P95_MS} ms "
            "with no failures.**"
        )
    if summary.get("left_out_questions"):
        lines.append(
            f"\n{len(summary['left_out_questions'])} eval questions were left out because the "
            "bot answers them wrongly even at idle (a quality issue, see `make eval`): "
            + "; ".join(summary["left_out_questions"])
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtests.run")
    parser.add_argument("--path", choices=sorted(LOCUSTFILES), default="rest")
    parser.add_argument("--host", help="default: Rasa for rest, the web app for widget")
    parser.add_argument("--users", type=int, default=100, help="concurrent conversations")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--duration", type=int, default=180, help="seconds per run")
    parser.add_argument("--capacity", action="store_true", help="step the users up")
    parser.add_argument("--steps", default="100,200,300,400,500")
    parser.add_argument("--label", default="embedded default", help="names the settings")
    parser.add_argument("--out", type=Path, help="report folder (default: a new one in results/)")
    parser.add_argument(
        "--gateway",
        action="store_true",
        help="the rest path through `make up-prod`'s nginx gateway, a loopback address per visitor",
    )
    parser.add_argument(
        "--parallel-appointments",
        type=int,
        metavar="N",
        help="the business takes N appointments at the same time during the run (1-50)",
    )
    args = parser.parse_args(argv)
    if args.gateway and args.path != "rest":
        parser.error("--gateway runs the rest path")
    if args.parallel_appointments is not None and not 1 <= args.parallel_appointments <= 50:
        parser.error("--parallel-appointments takes a whole number from 1 to 50")
    if args.gateway:
        # Count and set bookings in the production topology's database, as `make up-prod` does.
        from scripts.prod import DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, _configured

        os.environ["DATABASE_URL"] = _configured("DATABASE_URL") or DEFAULT_DATABASE_URL
        os.environ["REDIS_URL"] = _configured("REDIS_URL") or DEFAULT_REDIS_URL

    rasa = f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    web = f"http://127.0.0.1:{os.environ.get('APP_PORT', '3000')}"
    ports = None
    if args.gateway:
        host = args.host or f"https://127.0.0.1:{os.environ.get('GATEWAY_PORT', '8443')}"
        ports = production_ports()
        os.environ["LOADTEST_SPREAD_ADDRESSES"] = "1"  # read by the locustfile
        if args.label == parser.get_default("label"):
            args.label = "production topology, through the gateway"
        probe = f"{host}/api/health"
    else:
        host = args.host or (rasa if args.path == "rest" else web)
        probe = host
    try:
        # The gateway's certificate is its own self-signed one (var/prod/tls).
        httpx.get(probe, timeout=5, verify=False).raise_for_status()
    except httpx.HTTPError as exc:
        print(
            f"error: nothing answers at {probe} ({exc}); start the product first", file=sys.stderr
        )
        return 2

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.out or RESULTS / stamp
    # The same question pool for both paths, checked once through Rasa on the idle stack.
    # (Through Rasa's own port: the gateway would limit the calibration's one address.)
    kept, left_out = calibrate_questions(rasa if args.path == "widget" or args.gateway else host)
    os.environ["LOADTEST_QUESTIONS"] = json.dumps(kept)
    users_steps = [int(u) for u in args.steps.split(",")] if args.capacity else [args.users]
    runs, capacity = [], None
    with appointments_at_once(args.parallel_appointments) as parallel:
        for users in users_steps:
            print(f"running {users} conversations for {args.duration} s ...", flush=True)
            started = dt.datetime.now(dt.UTC)
            result = run_locust(
                locustfile=LOCUSTFILES[args.path],
                host=host,
                users=users,
                spawn_rate=max(args.spawn_rate, users / 10),
                duration=args.duration,
                out=out / f"users-{users}",
                ports=ports,
            )
            result["booking_confirmations"] = (
                result["steps"].get("booking:confirm", {}).get("count", 0)
            )
            result["new_bookings"] = bookings_since(started)
            runs.append(result)
            print(
                f"  {result['messages_per_second']} msg/s, worst step P95 "
                f"{result['worst_step_p95_ms']} ms, {result['failures']} failures, "
                f"{result['new_bookings']} new bookings",
                flush=True,
            )
            held = (
                result["failures"] == 0 and (result["worst_step_p95_ms"] or 1e9) < CAPACITY_P95_MS
            )
            if args.capacity:
                if not held:
                    break
                capacity = users
    summary = {
        "stamp": stamp,
        "path": args.path,
        "label": args.label,
        "host": host,
        "machine": f"{platform.node()}: {os.cpu_count()} cores, "
        f"{round(psutil.virtual_memory().total / 2**30)} GiB",
        "runs": runs,
        "capacity": capacity if args.capacity else None,
        "parallel_appointments": parallel,
        "left_out_questions": left_out,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    report = markdown(summary)
    (out / "summary.md").write_text(report)
    if not args.out:
        (RESULTS / "latest.md").write_text(report)
    print(report)
    print(f"report: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
