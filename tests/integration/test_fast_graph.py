"""The trained model run without dask (bot/addons/fast_graph.py), in Rasa's venv.

The add-on evaluates the model's graph itself, hands the intent classifier only the sentence
features it uses, scores with the classifier's weights kept in row-major order, and builds the
count-vector featurisers' sentence rows directly. What a visitor relies on is that the bot
understands and answers exactly as before: this checks each featuriser's sentence row against
sklearn's own, parses every training sentence and every held-out development sentence, and
predicts the next action after every event of the bot's conversation tests, once with Rasa's
own code and once with the add-on, and compares the results (intent ranking with confidences,
entities, and the policies' scores, choice, events and flags; with the add-on the memoization
policy is not run when the rule policy's certain prediction wins whatever it says).
"""

from __future__ import annotations

import pytest

from tests.support.rasa_venv import CONVERSATION_STORIES, ISOLATED_ENV, ROOT, run_rasa_script

SCRIPT = (
    r"""
import asyncio, copy, glob, json, logging, sys
import yaml
logging.disable(logging.WARNING)
from rasa.core.agent import Agent
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.model import get_latest_model
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.loading import load_data

from addons import fast_graph

original = (
    DaskGraphRunner.run,
    LogisticRegressionClassifier._create_X,
    LogisticRegressionClassifier.process,
    CountVectorsFeaturizer.process,
)

def use(on):
    if on:
        fast_graph.apply()
    else:
        (
            DaskGraphRunner.run,
            LogisticRegressionClassifier._create_X,
            LogisticRegressionClassifier.process,
            CountVectorsFeaturizer.process,
        ) = original

texts = [m.get("text") for m in load_data("data/nlu").training_examples if m.get("text")]
for path in sorted(glob.glob("../eval/data/nlu_heldout.yml")) + sorted(glob.glob("../eval/data/nlu_dev*.yml")):
    data = yaml.safe_load(open(path, encoding="utf-8"))
    for block in data.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(line[2:])
texts = sorted(set(texts))

agent = Agent.load(get_latest_model("models"))
domain = agent.domain

# Each count-vector featuriser's sentence row, built directly, against sklearn's transform
# (as Rasa makes it: indices sorted, then COO): the same shape, dtypes, columns and values.
vectorizers = [
    node._component.vectorizers["text"]
    for node in agent.processor.graph_runner._instantiated_nodes.values()
    if isinstance(node._component, CountVectorsFeaturizer)
]
row_mismatches = 0
for text in texts:
    for vectorizer in vectorizers:
        fast = fast_graph.sentence_row(vectorizer, text.lower())
        slow = vectorizer.transform([text.lower()])
        slow.sort_indices()
        slow = slow.tocoo()
        same = (
            fast.shape == slow.shape and fast.data.dtype == slow.data.dtype
            and fast.col.dtype == slow.col.dtype and fast.row.dtype == slow.row.dtype
            and fast.col.tolist() == slow.col.tolist() and fast.row.tolist() == slow.row.tolist()
            and fast.data.tolist() == slow.data.tolist()
        )
        if not same:
            row_mismatches += 1
            print("ROW MISMATCH", repr(text), file=sys.stderr)

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

"""
    + CONVERSATION_STORIES
    + r"""

def predicted(tracker):
    prediction = agent.processor._predict_next_with_tracker(tracker)
    return (
        prediction.policy_name,
        [round(p, 12) for p in prediction.probabilities],
        [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in prediction.events],
        prediction.is_end_to_end_prediction,
        prediction.is_no_user_prediction,
        prediction.hide_rule_turn,
        prediction.action_metadata,
    )

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
skipped = fast_graph.skipped_memoization
use(False)
for text in parse_mismatches[:20]:
    print("PARSE MISMATCH", repr(text), file=sys.stderr)
intents = {p["intent"]["name"] for p in parses[True]}
print(json.dumps({"texts": len(texts), "parse_mismatches": len(parse_mismatches),
                  "vectorizers": len(vectorizers), "row_mismatches": row_mismatches,
                  "fast_featurizing": not fast_graph._token_features_read,
                  "intents": len(intents), "predictions": predictions,
                  "prediction_mismatches": prediction_mismatches,
                  "skipped_memoization": skipped}))
"""
)


def test_the_model_understands_and_predicts_the_same_without_dask() -> None:
    if not list((ROOT / "bot" / "models").glob("*.tar.gz")):
        pytest.fail("no trained model in bot/models: run `make train`")
    env = {**ISOLATED_ENV, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    result, stderr = run_rasa_script(SCRIPT, timeout=900, env=env)
    # Every sentence the model was trained on and every development sentence: the same intent,
    # the same ranking and confidences, the same entities.
    assert result["parse_mismatches"] == 0, stderr
    # Both featurisers' sentence rows, built directly, equal sklearn's; and the parses above
    # did take that path (the shipped model reads no token features).
    assert result["vectorizers"] == 2 and result["row_mismatches"] == 0, stderr
    assert result["fast_featurizing"], stderr
    assert result["texts"] > 1000 and result["intents"] >= 10
    # After every event of the conversation tests: the same policy, the same scores, the same
    # events and flags.
    assert result["predictions"] > 500
    assert result["prediction_mismatches"] == 0, stderr
    # ... and most of those predictions did not run the memoization policy, whose prediction
    # could not have changed the ensemble's choice (the rule policy's was certain).
    assert result["skipped_memoization"] > result["predictions"] / 2, result
