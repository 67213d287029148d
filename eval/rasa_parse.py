"""Parse utterances with a trained Rasa model; runs under bot/.venv (Python 3.10, Rasa 3.6).

`bot/.venv/bin/python eval/rasa_parse.py MODEL.tar.gz IN.json OUT.json`: IN is a JSON list of
texts, OUT a list of {"text", "intent", "confidence", "ranking", "seconds"} in the same order.
`seconds` is the wall time of one `Agent.parse_message` call: the per-message NLU cost.
Kept free of project imports: the main venv's packages do not load under Rasa's Python.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time


async def _parse_all(model: str, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    for _ in range(5):  # warm-up: first calls pay for lazy imports and caches
        await agent.parse_message("hello")
    out = []
    for text in texts:
        started = time.perf_counter()
        parsed = await agent.parse_message(text)
        seconds = time.perf_counter() - started
        ranking = [
            {"name": r["name"], "confidence": round(float(r["confidence"]), 4)}
            for r in parsed.get("intent_ranking", [])[:3]
        ]
        out.append(
            {
                "text": text,
                "intent": parsed["intent"]["name"],
                "confidence": round(float(parsed["intent"]["confidence"]), 4),
                "ranking": ranking,
                "seconds": seconds,
            }
        )
    return out


def main() -> int:
    logging.disable(logging.WARNING)
    model, source, target = sys.argv[1:4]
    with open(source, encoding="utf-8") as handle:
        texts = json.load(handle)
    results = asyncio.run(_parse_all(model, texts))
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(results, handle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
