"""Messages parsed in a child process (bot/addons/nlu_process.py), in Rasa's venv.

Rasa's server parses messages in a second process so that its event loop has the other
core's help. What a visitor relies on is that the bot understands each message exactly as
before: this parses every training example of the bot (and some odd messages) both ways and
compares the parse data Rasa goes on with, and checks that parsing goes on when the child
dies or hangs (in Rasa's own process until another child is ready).
"""

from __future__ import annotations

import pytest

from tests.support.rasa_venv import ISOLATED_ENV, ROOT, run_rasa_script

SCRIPT = r"""
import asyncio, json, logging, os, signal, sys, time
logging.disable(logging.WARNING)
from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.model import get_latest_model
from rasa.shared.nlu.training_data.loading import load_data

from addons import nlu_process, patches

patches.apply()
nlu_process.enable()
agent = Agent.load(get_latest_model("models"))
processor = agent.processor
texts = sorted({example.get("text") for example in load_data("data/nlu").intent_examples})
texts += ["/greet", "/inform{\"service\": \"haircut\"}", "ok 👍 thanks!!",
          "book " * 400, "Ünïcödé café at 10:30 on 12/12?", "jane@example.com", "+44 20 7946 0958"]


def message(index, text):
    return UserMessage(text, None, f"visitor-{index}", input_channel="rest",
                       message_id=f"m-{index}", metadata={"page": "/pricing"})


async def wait_ready(nlu, seconds=120):
    deadline = time.monotonic() + seconds
    while not nlu.ready:
        assert time.monotonic() < deadline, "the NLU process never got ready"
        await asyncio.sleep(0.2)


async def main():
    nlu = nlu_process.process_for(processor)
    assert nlu is not None
    # Every training example (5,000 and more) is sent at once below, and the child answers them
    # one after another: the last waits far longer than a visitor's message ever does, so the
    # timeout that gives up on a hung child is lifted here (it is tested below, at 1 s).
    nlu_process.PARSE_TIMEOUT = 300.0
    nlu.start_soon()
    await wait_ready(nlu)
    mismatches = 0
    # Concurrently, as the server does under load: the answers must go to their messages.
    parsed = await asyncio.gather(*(processor.parse_message(message(i, t)) for i, t in enumerate(texts)))
    by_child = nlu.parsed_by_child
    for index, (text, got) in enumerate(zip(texts, parsed)):
        want = await nlu_process._original_parse_message(processor, message(index, text))
        if got != want:
            mismatches += 1
            print("MISMATCH", repr(text), got, want, file=sys.stderr)
    # A blank message: the classifier cannot read one (it raised before), so it is the
    # fallback, for certain, without asking the child.
    children_before = nlu.parsed_by_child
    blanks = [await processor.parse_message(message(0, t)) for t in ("", "   ", "\n\t")]
    blanks = [[b["intent"]["name"], b["intent"]["confidence"], b["text"]] for b in blanks]
    blank_by_child = nlu.parsed_by_child - children_before
    # The child dies: messages are parsed in this process meanwhile, then by a new child.
    pid = nlu._process.pid
    os.kill(pid, signal.SIGKILL)
    during = [await processor.parse_message(message(i, t)) for i, t in enumerate(texts[:20])]
    during_ok = during == parsed[:20]
    await wait_ready(nlu)
    before = nlu.parsed_by_child
    after = [await processor.parse_message(message(i, t)) for i, t in enumerate(texts[:20])]
    after_by_child = nlu.parsed_by_child - before
    # The child hangs (stopped): the message is parsed here after the timeout, and the hung
    # child is replaced.
    nlu_process.PARSE_TIMEOUT = 1.0
    hung = nlu._process.pid
    os.kill(hung, signal.SIGSTOP)
    while_hung = await processor.parse_message(message(0, texts[0]))
    await wait_ready(nlu)
    replaced = nlu._process.pid != hung
    print(json.dumps({
        "blanks": blanks, "blank_by_child": blank_by_child,
        "texts": len(texts), "by_child": by_child, "mismatches": mismatches,
        "during_ok": during_ok, "restarted": nlu._process.pid != pid,
        "after_ok": after == parsed[:20], "after_by_child": after_by_child,
        "while_hung_ok": while_hung == parsed[0], "hung_replaced": replaced,
        "intents": sorted({p["intent"]["name"] for p in parsed if p["intent"]["name"]}),
    }))
    nlu.close()


asyncio.run(main())
"""


def test_the_nlu_process_parses_every_message_as_rasa_does_and_survives_its_death() -> None:
    if not list((ROOT / "bot" / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in bot/models: run `make train`")
    env = {**ISOLATED_ENV, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    result, stderr = run_rasa_script(SCRIPT, timeout=600, env=env)
    # Every training example and odd message, parsed by the child, gives the same parse data
    # (intent, confidence, ranking, entities, text, message id, metadata) as Rasa's own parse.
    assert result["texts"] > 300 and result["by_child"] == result["texts"], result
    assert result["mismatches"] == 0, stderr
    assert len(result["intents"]) > 10, result
    # A blank message is understood as unclear (the classifier raised on one before).
    assert result["blanks"] == [["nlu_fallback", 1.0, ""]] * 3, result  # (Rasa strips text)
    assert result["blank_by_child"] == 0, result
    # Killed, the child is replaced; messages in between are still understood the same.
    assert result["during_ok"] and result["restarted"], result
    assert result["after_ok"] and result["after_by_child"] == 20, result
    # Hung, it is given up on after the timeout and replaced; the message is still understood.
    assert result["while_hung_ok"] and result["hung_replaced"], result
