"""Q&A evaluation on the demo website: `python -m eval.qa_eval` (offline, temporary index).

Retrieval: hit@1, hit@3 and MRR of the expected page among the top 3 passages. Answers:
the share of answerable questions whose answer contains the expected fact, and the share
of unanswerable questions declined. Variants (vector only, keyword only, other thresholds)
are reported beside the product's configuration to show what moves the numbers.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from eval.demo_index import ROOT, index_demo_site, page_url, use_var_dir  # noqa: E402

DATASET = ROOT / "eval" / "qa_dataset.yaml"
RESULTS = ROOT / "eval" / "results"
TARGETS = {"hit@3": 0.95, "fact_present": 0.90, "declined": 0.90}
SWEEP_THRESHOLDS = (0.30, 0.33, 0.35, 0.37, 0.40, 0.45)
logger = logging.getLogger("eval.qa_eval")


@dataclass(frozen=True)
class Case:
    question: str
    pages: list[str]
    facts: list[str]


def load_dataset(path: Path = DATASET) -> tuple[list[Case], list[str]]:
    """The answerable cases and the unanswerable questions."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for item in data["answerable"]:
        pages = item["page"] if isinstance(item["page"], list) else [item["page"]]
        facts = item["fact"] if isinstance(item["fact"], list) else [item["fact"]]
        cases.append(Case(item["question"], [page_url(p) for p in pages], [str(f) for f in facts]))
    return cases, list(data["unanswerable"])


def retrieval_metrics(
    cases: list[Case], mode: str, fusion: str = "linear", keyword_engine: str = "memory"
) -> tuple[dict[str, float], list[int | None]]:
    """hit@1, hit@3 and MRR over the top 3 for one search mode; also each case's rank."""
    from ingest.embeddings import get_embedder
    from ingest.search import search
    from ingest.store import get_store

    ranks: list[int | None] = []
    for case in cases:
        hits = search(
            get_store(),
            get_embedder(),
            case.question,
            top_k=3,
            mode=mode,  # type: ignore[arg-type]
            fusion=fusion,  # type: ignore[arg-type]
            keyword_engine=keyword_engine,  # type: ignore[arg-type]
        )
        rank = next((i + 1 for i, hit in enumerate(hits) if hit.url in case.pages), None)
        ranks.append(rank)
    total = len(cases)
    return {
        "hit@1": sum(1 for r in ranks if r == 1) / total,
        "hit@3": sum(1 for r in ranks if r is not None) / total,
        "mrr": sum(1 / r for r in ranks if r) / total,
    }, ranks


def answer_metrics(
    cases: list[Case], unanswerable: list[str], threshold: float | None
) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """Fact-present and declined shares at a threshold (None: the bot's setting)."""
    from app.services.knowledge import answer_question

    details = []
    facts_found = 0
    for case in cases:
        answer = answer_question(case.question, threshold=threshold)
        found = not answer.declined and any(f.lower() in answer.text.lower() for f in case.facts)
        facts_found += found
        details.append(
            {
                "question": case.question,
                "expected_pages": case.pages,
                "expected_fact": case.facts,
                "answer": answer.text,
                "declined": answer.declined,
                "sources": [s.url for s in answer.sources],
                "answer_score": answer.score,
                "fact_present": found,
            }
        )
    declined = 0
    for question in unanswerable:
        answer = answer_question(question, threshold=threshold)
        declined += answer.declined
        details.append(
            {
                "question": question,
                "unanswerable": True,
                "answer": answer.text,
                "declined": answer.declined,
                "answer_score": answer.score,
            }
        )
    return {
        "fact_present": facts_found / len(cases),
        "declined": declined / len(unanswerable),
    }, details


def run(var_dir: Path) -> dict[str, Any]:
    """Index the demo site into `var_dir`, measure everything, return the report."""
    from app.services.config import get_bot_settings

    use_var_dir(var_dir)
    started = time.perf_counter()
    summary = index_demo_site()
    cases, unanswerable = load_dataset()
    threshold = get_bot_settings().answer_threshold
    retrieval, ranks = retrieval_metrics(cases, "hybrid")
    answers, details = answer_metrics(cases, unanswerable, None)
    for detail, rank in zip(details, ranks, strict=False):
        detail["rank"] = rank
    variants = {
        "hybrid, LanceDB full-text index for BM25": retrieval_metrics(
            cases, "hybrid", keyword_engine="lancedb"
        )[0],
        "hybrid, reciprocal rank fusion": retrieval_metrics(cases, "hybrid", "rrf")[0],
        "vector only": retrieval_metrics(cases, "vector")[0],
        "keyword only (BM25)": retrieval_metrics(cases, "keyword")[0],
    }
    sweep = {str(t): answer_metrics(cases, unanswerable, t)[0] for t in SWEEP_THRESHOLDS}
    metrics = {**retrieval, **answers}
    return {
        "dataset": {"answerable": len(cases), "unanswerable": len(unanswerable)},
        "index": {"pages": summary.pages_fetched, "chunks": summary.chunks_written},
        "answer_threshold": threshold,
        "metrics": {key: round(value, 4) for key, value in metrics.items()},
        "targets": TARGETS,
        "targets_met": all(metrics[key] >= value for key, value in TARGETS.items()),
        "retrieval_variants": {
            mode: {k: round(v, 4) for k, v in values.items()} for mode, values in variants.items()
        },
        "threshold_sweep": {
            t: {k: round(v, 4) for k, v in values.items()} for t, values in sweep.items()
        },
        "seconds": round(time.perf_counter() - started, 1),
        "details": details,
    }


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown tables."""
    m = report["metrics"]
    lines = [
        "# Q&A evaluation (demo website)",
        "",
        f"{report['dataset']['answerable']} answerable and {report['dataset']['unanswerable']} "
        f"unanswerable questions; {report['index']['pages']} pages, {report['index']['chunks']} "
        f"chunks; hybrid search (vector + full-text), top 3; answer threshold "
        f"{report['answer_threshold']}.",
        "",
        "| metric | value | target |",
        "|---|---|---|",
    ]
    for key in ("hit@1", "hit@3", "mrr", "fact_present", "declined"):
        target = report["targets"].get(key)
        shown = f"≥ {target:.2f}" if target else ""
        lines.append(f"| {key} | {m[key]:.3f} | {shown} |")
    lines += ["", f"Targets met: **{'yes' if report['targets_met'] else 'no'}**", ""]
    lines += [
        "## Retrieval by search mode",
        "",
        "| mode | hit@1 | hit@3 | MRR |",
        "|---|---|---|---|",
    ]
    rows = {
        "hybrid, linear fusion (the product)": {k: m[k] for k in ("hit@1", "hit@3", "mrr")},
        **report["retrieval_variants"],
    }
    for mode, values in rows.items():
        lines.append(
            f"| {mode} | {values['hit@1']:.3f} | {values['hit@3']:.3f} | {values['mrr']:.3f} |"
        )
    lines += [
        "",
        "## Answer threshold sweep",
        "",
        "| threshold | fact present | declined |",
        "|---|---|---|",
    ]
    for threshold, values in report["threshold_sweep"].items():
        lines.append(f"| {threshold} | {values['fact_present']:.3f} | {values['declined']:.3f} |")
    misses = [
        d
        for d in report["details"]
        if (d.get("unanswerable") and not d["declined"])
        or (not d.get("unanswerable") and not d["fact_present"])
    ]
    lines += ["", "## Misses", "", "| question | answer | answer score |", "|---|---|---|"]
    for d in misses:
        answer = d["answer"].replace("|", "\\|")
        lines.append(f"| {d['question']} | {answer} | {d['answer_score']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and write eval/results/qa_eval.json and .md; 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m eval.qa_eval", description=__doc__)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="qa-eval-") as tmp:
        report = run(Path(tmp) / "var")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "qa_eval.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "qa_eval.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report).split("## Retrieval")[0])
    print(f"written: {args.out / 'qa_eval.json'}, {args.out / 'qa_eval.md'}")
    return 0 if report["targets_met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
