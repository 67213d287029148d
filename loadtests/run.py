"""`make loadtest`: run Locust headless against a running stack and write a report.

Usage: python -m loadtests.run [--users 100] [--spawn-rate 10] [--duration 60] [--host URL]
The report (Markdown + Locust's CSV and HTML) goes to loadtests/results/.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
TARGET_P95_MS = 500


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtests.run")
    parser.add_argument("--host", default="http://127.0.0.1:5005", help="Rasa (or the gateway)")
    parser.add_argument("--users", type=int, default=100, help="concurrent conversations")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    args = parser.parse_args(argv)

    try:
        httpx.get(args.host, timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        print(
            f"error: nothing answers at {args.host} ({exc}); start the product with `make up` first",
            file=sys.stderr,
        )
        return 2

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    prefix = RESULTS / f"locust-{stamp}"
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "--host",
        args.host,
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.duration}s",
        "--csv",
        str(prefix),
        "--html",
        f"{prefix}.html",
        "--only-summary",
        "--stop-timeout",
        "10",
    ]
    print("running:", " ".join(command), flush=True)
    subprocess.run(command, check=False)

    with open(f"{prefix}_stats.csv") as stats:
        rows = list(csv.DictReader(stats))
    lines = [
        f"# Load test {stamp}",
        "",
        f"{args.users} concurrent conversations for {args.duration} s against {args.host} "
        f"(spawn rate {args.spawn_rate}/s). Target: P95 < {TARGET_P95_MS} ms.",
        "",
        "| request | count | failures | median ms | P95 ms | P99 ms | req/s |",
        "|---|---|---|---|---|---|---|",
    ]
    verdict = "no requests"
    for row in rows:
        lines.append(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{row['50%']} | {row['95%']} | {row['99%']} | {float(row['Requests/s']):.1f} |"
        )
        if row["Name"] == "Aggregated" and row["95%"] not in ("", "N/A"):
            p95 = float(row["95%"])
            verdict = f"P95 {p95:.0f} ms: {'meets' if p95 < TARGET_P95_MS else 'MISSES'} the target"
    lines += ["", f"**{verdict}**", ""]
    report = RESULTS / f"report-{stamp}.md"
    report.write_text("\n".join(lines))
    (RESULTS / "latest.md").write_text("\n".join(lines))
    print("\n".join(lines))
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
