"""Two per-message costs of running Rasa 3.6's model, removed (profiled under load, py-spy).

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

`apply()` is called by `addons.patches.apply`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT


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


def apply() -> None:
    DaskGraphRunner.run = run_graph
    LogisticRegressionClassifier._create_X = sentence_matrix
