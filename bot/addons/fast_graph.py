"""Three per-message costs of running Rasa 3.6's model, removed (profiled under load, py-spy).

- Every message is parsed, and every next action predicted, by running the model's graph
  through dask's synchronous scheduler, which builds, orders and schedules the graph anew on
  each call: about a seventh of Rasa's CPU went to dask itself, not to the components. The
  graph is a few nodes, so `run_graph` evaluates each target depth first, each node once, in
  the same thread, passing the same inputs as dask did (a need that no node provides is
  passed as its name, as dask passes it). The pruned graph for a set of targets is kept.
- The intent classifier (LogisticRegressionClassifier) uses each message's sentence features
  only, but asked the message for all its sparse features: every token's features of each
  featuriser were deep-copied and stacked, then thrown away. `sentence_matrix` stacks the
  sentence features alone, in the same column order, so the classifier sees the same matrix.
- The rule policy finds the rules that apply to a conversation by filtering every rule, state
  by state, at each prediction (about 4% of Rasa's CPU), although conversations keep reaching
  the same few states. `possible_rule_keys` keeps the answer per set of states (at most
  `RULE_KEYS_KEPT` of them, least recently used first out), for a policy loaded from a
  trained model only: its rules never change, and a new model is a new policy with an empty
  memory. A policy being trained is left alone.

`apply()` is called by `addons.patches.apply`.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

import numpy as np
import scipy.sparse
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT

RULE_KEYS_KEPT = 20_000


def _is_task(value: Any) -> bool:
    """dask's rule: a task is a tuple whose first item is callable; anything else is data."""
    return type(value) is tuple and bool(value) and callable(value[0])


def evaluate(graph: dict[str, Any], targets: list[str]) -> list[Any]:
    """The value of each target of a dask-style graph, each node computed once."""
    done: dict[str, Any] = {}

    def value_of(key: str) -> Any:
        if key in done:
            return done[key]
        task = graph[key]
        if _is_task(task):
            function, *needs = task
            result = function(
                *(
                    value_of(need) if isinstance(need, str) and need in graph else need
                    for need in needs
                )
            )
        else:
            result = task
        done[key] = result
        return result

    return [value_of(target) for target in targets]


def run_graph(
    self: DaskGraphRunner,
    inputs: dict[str, Any] | None = None,
    targets: list[str] | None = None,
) -> dict[str, Any]:
    """`DaskGraphRunner.run` without dask (see the module's docstring)."""
    run_targets = list(targets if targets else self._graph_schema.target_names)
    kept: dict[tuple[str, ...], dict[str, Any]] = self.__dict__.setdefault("_kept_graphs", {})
    graph = kept.get(tuple(run_targets))
    if graph is None:
        graph = self._build_dask_graph(self._graph_schema.minimal_graph_schema(run_targets))
        kept[tuple(run_targets)] = graph
    graph = dict(graph)
    self._add_inputs_to_graph(inputs, graph)
    try:
        return dict(evaluate(graph, run_targets))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error


def sentence_matrix(self: LogisticRegressionClassifier, messages: list[Any]) -> Any:
    """The classifier's input: one row per message, its sentence features side by side."""
    rows = []
    for message in messages:
        sentence = [
            features
            for features in message.features
            if features.attribute == TEXT and features.type == FEATURE_TYPE_SENTENCE
        ]
        sparse = [features.features for features in sentence if features.is_sparse()]
        dense = [features.features for features in sentence if features.is_dense()]
        rows.append(_side_by_side([*sparse, *dense]))
    return rows[0] if len(rows) == 1 else scipy.sparse.vstack(rows, format="csr")


def _side_by_side(blocks: list[Any]) -> scipy.sparse.csr_matrix:
    """`scipy.sparse.hstack(blocks, format="csr")` for one-row blocks, built directly: scipy's
    general path (through `bmat` and COO) cost more than the classifier's prediction."""
    data, columns, width = [], [], 0
    for block in blocks:
        if _is_canonical_coo_row(block):
            # What Rasa's featurisers give (a sorted CSR row, then `tocoo()`): already the
            # row's data and columns in order, as `csr_matrix` would make them.
            row_data, row_columns = block.data, block.col
        else:
            row = scipy.sparse.csr_matrix(block)
            if row.shape[0] != 1:
                return scipy.sparse.hstack(blocks, format="csr")
            row.sum_duplicates()
            row_data, row_columns = row.data, row.indices
        data.append(row_data)
        columns.append(row_columns.astype(np.int64) + width)
        width += block.shape[1]
    values = np.concatenate(data) if data else np.zeros(0)
    indices = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
    return scipy.sparse.csr_matrix((values, indices, np.array([0, len(values)])), shape=(1, width))


def _is_canonical_coo_row(block: Any) -> bool:
    """One COO row whose columns strictly increase (so no duplicates, nothing to sort)."""
    if not scipy.sparse.isspmatrix_coo(block) or block.shape[0] != 1:
        return False
    return block.col.size < 2 or bool((np.diff(block.col) > 0).all())


_rule_keys_of_states = RulePolicy._get_possible_keys


def possible_rule_keys(self: RulePolicy, lookup: dict[str, str], states: list[Any]) -> set[str]:
    """`RulePolicy._get_possible_keys`, its answers kept per lookup table and states."""
    if not self.__dict__.get("_loaded_rules"):
        return _rule_keys_of_states(self, lookup, states)
    try:
        key = (id(lookup), json.dumps(states, sort_keys=True))
    except (TypeError, ValueError):
        return _rule_keys_of_states(self, lookup, states)
    kept: OrderedDict[tuple[int, str], frozenset[str]] = self.__dict__.setdefault(
        "_kept_rule_keys", OrderedDict()
    )
    found = kept.get(key)
    if found is None:
        found = frozenset(_rule_keys_of_states(self, lookup, states))
        kept[key] = found
        if len(kept) > RULE_KEYS_KEPT:
            kept.popitem(last=False)
    else:
        kept.move_to_end(key)
    return set(found)


_load_rule_policy = RulePolicy.load.__func__


def load_rule_policy(cls: type[RulePolicy], *args: Any, **kwargs: Any) -> RulePolicy:
    """`RulePolicy.load`, marking the policy as one whose rules are fixed."""
    policy = _load_rule_policy(cls, *args, **kwargs)
    policy._loaded_rules = True
    return policy


def apply() -> None:
    DaskGraphRunner.run = run_graph
    LogisticRegressionClassifier._create_X = sentence_matrix
    RulePolicy._get_possible_keys = possible_rule_keys
    RulePolicy.load = classmethod(load_rule_policy)
