"""NLU evaluation: intent accuracy and F1 of the light pipeline (bot/config.yml) against the
default DIET pipeline, by cross-validation on the bot's own training data, plus training time.

`python -m eval.nlu_eval [--folds 3] [--skip-diet]` writes eval/results/nlu_eval.{json,md}.
The light pipeline must earn nothing; a heavier one has to earn its place with these numbers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
RASA = BOT / ".venv" / "bin" / "rasa"
RESULTS = ROOT / "eval" / "results"

DIET_CONFIG = {
    "language": "en",
    "pipeline": [
        {"name": "WhitespaceTokenizer"},
        {"name": "RegexFeaturizer"},
        {"name": "LexicalSyntacticFeaturizer"},
        {"name": "CountVectorsFeaturizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4},
        {"name": "DIETClassifier", "epochs": 100},
        {"name": "FallbackClassifier", "threshold": 0.3},
    ],
}


def cross_validate(config: Path, folds: int, out: Path) -> dict:
    started = time.perf_counter()
    subprocess.run(
        [
            str(RASA),
            "test",
            "nlu",
            "--nlu",
            "data/nlu",
            "--config",
            str(config),
            "--cross-validation",
            "--folds",
            str(folds),
            "--out",
            str(out),
        ],
        cwd=BOT,
        check=True,
        env={"RASA_TELEMETRY_ENABLED": "false", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    report = json.loads((out / "intent_report.json").read_text())
    return {
        "accuracy": round(report["accuracy"], 4),
        "macro_f1": round(report["macro avg"]["f1-score"], 4),
        "weighted_f1": round(report["weighted avg"]["f1-score"], 4),
        "per_intent_f1": {
            name: round(values["f1-score"], 3)
            for name, values in report.items()
            if isinstance(values, dict) and "f1-score" in values and "avg" not in name
        },
        "seconds_for_all_folds": round(seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.nlu_eval")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--skip-diet", action="store_true", help="only the light pipeline")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        print("cross-validating the light pipeline (bot/config.yml)…", flush=True)
        results["light (bot/config.yml)"] = cross_validate(
            BOT / "config.yml", args.folds, tmp_path / "light"
        )
        if not args.skip_diet:
            diet = tmp_path / "diet.yml"
            base = yaml.safe_load((BOT / "config.yml").read_text())
            diet.write_text(yaml.safe_dump({**base, **DIET_CONFIG}))
            print("cross-validating DIET for comparison (slow)…", flush=True)
            results["DIET (100 epochs)"] = cross_validate(diet, args.folds, tmp_path / "diet")
    (RESULTS / "nlu_eval.json").write_text(json.dumps(results, indent=2))
    lines = [
        "# NLU evaluation",
        "",
        f"{args.folds}-fold cross-validation on bot/data/nlu (intent classification).",
        "",
        "| pipeline | accuracy | macro F1 | weighted F1 | time, all folds (s) |",
        "|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['accuracy']} | {r['macro_f1']} | {r['weighted_f1']} | {r['seconds_for_all_folds']} |"
        )
    lines += ["", "Per-intent F1 (light pipeline):", ""]
    for intent, f1 in sorted(results["light (bot/config.yml)"]["per_intent_f1"].items()):
        lines.append(f"- {intent}: {f1}")
    (RESULTS / "nlu_eval.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
