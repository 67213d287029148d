"""The trained model run without dask (bot/addons/fast_graph.py), in Rasa's venv.

The add-on evaluates the model's graph itself and hands the intent classifier only the sentence
features it uses. What a visitor relies on is that the bot understands and answers exactly as
before: this parses every training sentence and every held-out development sentence, and
predicts the next action after every event of the bot's conversation tests, once with Rasa's
own code and once with the add-on, and compares the results (intent ranking with confidences,
entities, and the policies' scores and choice).
"""

from __future__ import annotations

import pytest

from tests.support.rasa_venv import ISOLATED_ENV, ROOT, run_rasa_script

SCRIPT = r"""
import asyncio, copy, glob, json, logging, sys
import yaml
logging.disable(logging.WARNING)
from rasa.core.agent import Agent
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.model import get_latest_model
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.core.generator import TrainingDataGenerator
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.core.training_data.structures import StoryGraph
from rasa.shared.nlu.training_data.loading import load_data

from addons import fast_graph

original = (DaskGraphRunner.run, LogisticRegressionClassifier._create_X)

def use(on):
    if on:
        fast_graph.apply()
    else:
        DaskGraphRunner.run, LogisticRegressionClassifier._create_X = original

texts = [m.get("text") for m in load_data("data/nlu").training_examples if m.get("text")]
for path in sorted(glob.glob("../eval/data/nlu_heldout.yml")) + sorted(glob.glob("../eval/data/nlu_test.yml")):
    data = yaml.safe_load(open(path, encoding="utf-8"))
    for block in data.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(line[2:])
texts = sorted(set(texts))

agent = Agent.load(get_latest_model("models"))
domain = agent.domain

def parsed(text):
    result = asyncio.run(agent.parse_message(text))
    return {
        "intent": result["intent"],
        "ranking": result.get("intent_ranking"),
        "entities": [{k: e.get(k) for k in ("entity", "value", "start", "end")} for e in result.get("entities", [])],
    }

parses = {}
for on in (False, True):
    use(on)
    parses[on] = [parsed(text) for text in texts]
parse_mismatches = [t for t, a, b in zip(texts, parses[False], parses[True]) if a != b]

steps = []
for path in sorted(glob.glob("tests/*.yml")):
    steps.extend(YAMLStoryReader(domain).read_from_file(path))
stories = TrainingDataGenerator(
    StoryGraph(steps), domain, remove_duplicates=False, augmentation_factor=0
).generate()

def predicted(tracker):
    prediction = agent.processor._predict_next_with_tracker(tracker)
    return (prediction.policy_name, [round(p, 12) for p in prediction.probabilities])

predictions = prediction_mismatches = 0
for number, story in enumerate(stories):
    live = DialogueStateTracker(f"story-{number}", domain.slots)
    for event in story.events:
        live.update(copy.copy(event))
        got = {}
        for on in (False, True):
            use(on)
            got[on] = predicted(live)
        predictions += 1
        if got[False] != got[True]:
            prediction_mismatches += 1
            print("PREDICTION MISMATCH", number, len(live.events), got, file=sys.stderr)
use(False)
for text in parse_mismatches[:20]:
    print("PARSE MISMATCH", repr(text), file=sys.stderr)
intents = {p["intent"]["name"] for p in parses[True]}
print(json.dumps({"texts": len(texts), "parse_mismatches": len(parse_mismatches),
                  "intents": len(intents), "predictions": predictions,
                  "prediction_mismatches": prediction_mismatches}))
"""


def test_the_model_understands_and_predicts_the_same_without_dask() -> None:
    if not list((ROOT / "bot" / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in bot/models: run `make train`")
    env = {**ISOLATED_ENV, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    result, stderr = run_rasa_script(SCRIPT, timeout=900, env=env)
    # Every sentence the model was trained on and every development sentence: the same intent,
    # the same ranking and confidences, the same entities.
    assert result["parse_mismatches"] == 0, stderr
    assert result["texts"] > 1000 and result["intents"] >= 10
    # After every event of the conversation tests: the same policy, the same scores.
    assert result["predictions"] > 500
    assert result["prediction_mismatches"] == 0, stderr
