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
- The classifier's scores were `X @ coef_.T`: scipy multiplies a sparse row by a dense matrix
  only in row-major order, so every message copied the transposed weights (features x intents,
  about 0.6 ms; the biggest single cost of a parse, py-spy under load, 2026-12-06). `classify`
  stores the weights column-major once (`coef_.T` is then row-major already); the values and
  the arithmetic are the same, so the scores are the same bit for bit.
- Each count-vector featuriser built every token's features as well as the sentence's, through
  sklearn's general `transform` (input checks, a CSR matrix, then COO). Only the sentence's are
  read when the model is made only of the components in `_READ_NO_TOKEN_FEATURES` (the shipped
  pipeline); then `count_vectors` builds the sentence's row directly from the vectoriser's own
  analyser and vocabulary, with the same values, columns and types. Any other component in the
  model (DIET, say) keeps Rasa's path.

`apply()` is called by `addons.patches.apply`.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
import scipy.sparse
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT

# The components of a model that read no token (sequence) features while it runs: with the
# intent classifier given sentence features alone (`sentence_matrix`), none of these does.
_READ_NO_TOKEN_FEATURES = frozenset(
    {
        "rasa.graph_components.converters.nlu_message_converter.NLUMessageConverter",
        "rasa.nlu.tokenizers.whitespace_tokenizer.WhitespaceTokenizer",
        "rasa.nlu.featurizers.sparse_featurizer.regex_featurizer.RegexFeaturizer",
        "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer.CountVectorsFeaturizer",
        "rasa.nlu.classifiers.logistic_regression_classifier.LogisticRegressionClassifier",
        "addons.encoder_classifier.EncoderIntentClassifier",
        "rasa.nlu.extractors.regex_entity_extractor.RegexEntityExtractor",
        "rasa.nlu.classifiers.fallback_classifier.FallbackClassifier",
        "rasa.nlu.classifiers.regex_message_handler.RegexMessageHandler",
        "rasa.graph_components.providers.domain_provider.DomainProvider",
        "rasa.core.policies.memoization.MemoizationPolicy",
        "rasa.core.policies.rule_policy.RulePolicy",
        "rasa.graph_components.providers.rule_only_provider.RuleOnlyDataProvider",
        "rasa.core.policies.ensemble.DefaultPolicyPredictionEnsemble",
    }
)
_ENSEMBLE = DefaultPolicyPredictionEnsemble
# Whether the model last run has a component outside that list (until one runs: yes).
_token_features_read = True


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
            unneeded = _unneeded_memoization(function, needs, graph, value_of)
            result = function(
                *(
                    unneeded[need]
                    if need in unneeded
                    else value_of(need)
                    if isinstance(need, str) and need in graph
                    else need
                    for need in needs
                )
            )
        else:
            result = task
        done[key] = result
        return result

    return [value_of(target) for target in targets]


# How often the memoization policy was not run because the rule policy's prediction wins.
skipped_memoization = 0


def _unneeded_memoization(
    function: Any, needs: list[Any], graph: dict[str, Any], value_of: Any
) -> dict[str, Any]:
    """The memoization policy's input to the policy ensemble, when it cannot change the
    ensemble's choice: {its node's key: an empty prediction}; else {}.

    The shipped model has two policies: RulePolicy (priority 4) and MemoizationPolicy (3), and
    one story; rules make nearly every prediction. `DefaultPolicyPredictionEnsemble` keeps the
    prediction with the highest (confidence, priority); a "no user" or end-to-end prediction
    also rules out the others, and the memoization policy never makes either. So when the rule
    policy predicts with confidence 1.0 and its priority is the higher, its prediction wins
    whatever the memoization policy says, and the result (probabilities, policy, events; the
    memoization policy adds none) is the same. The one exception is a rejected action, whose
    score the ensemble sets to 0.0 in every prediction before choosing: then both run. A model
    with any other set of policies runs them all. Profiled under 200 REST conversations, the
    memoization policy was 12% of Rasa's event loop.
    """
    if not isinstance(function, GraphNode) or function._component_class is not _ENSEMBLE:
        return {}
    policies = {}
    for need in needs:
        node = graph.get(need) if isinstance(need, str) else None
        if _is_task(node) and isinstance(node[0], GraphNode):
            kind = node[0]._component_class
            if kind in (RulePolicy, MemoizationPolicy):
                policies[kind] = (need, node[0])
            elif issubclass(kind, Policy):
                return {}  # another policy: the shortcut is not worked out for it
    if set(policies) != {RulePolicy, MemoizationPolicy}:
        return {}
    (rule_key, rule_node), (memo_key, memo_node) = policies[RulePolicy], policies[MemoizationPolicy]
    rule, memo = rule_node._component, memo_node._component
    if rule is None or memo is None or not rule.priority > memo.priority:
        return {}
    _, prediction = value_of(rule_key)
    if not isinstance(prediction, PolicyPrediction) or prediction.max_confidence < 1.0:
        return {}
    tracker = next(
        (
            value[1]
            for value in (
                value_of(n) for n in needs if isinstance(n, str) and n in graph and n != memo_key
            )
            if isinstance(value, tuple)
            and len(value) == 2
            and isinstance(value[1], DialogueStateTracker)
        ),
        None,
    )
    if tracker is None or _last_action_rejected(tracker):
        return {}
    global skipped_memoization
    skipped_memoization += 1
    empty = PolicyPrediction(
        [0.0] * len(prediction.probabilities), type(memo).__name__, memo.priority
    )
    return {memo_key: (memo_node._node_name, empty)}


def _last_action_rejected(tracker: DialogueStateTracker) -> bool:
    """Whether the latest action event is a rejection (as the ensemble looks for it)."""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecutionRejected):
            return True
        if isinstance(event, ActionExecuted):
            return False
    return False


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
    global _token_features_read
    _token_features_read = _reads_token_features(self)
    graph = dict(graph)
    self._add_inputs_to_graph(inputs, graph)
    try:
        return dict(evaluate(graph, run_targets))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error


def _reads_token_features(runner: DaskGraphRunner) -> bool:
    reads = runner.__dict__.get("_reads_token_features")
    if reads is None:
        reads = any(
            f"{node.uses.__module__}.{node.uses.__qualname__}" not in _READ_NO_TOKEN_FEATURES
            for node in runner._graph_schema.nodes.values()
        )
        runner.__dict__["_reads_token_features"] = reads
    return reads


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


_original_classify = LogisticRegressionClassifier.process


def classify(self: LogisticRegressionClassifier, messages: list[Any]) -> list[Any]:
    """`LogisticRegressionClassifier.process`, with the weights stored column-major so that
    scoring (`X @ coef_.T`) does not copy them for every message."""
    weights = getattr(self.clf, "coef_", None)
    if weights is not None and not weights.T.flags.c_contiguous:
        self.clf.coef_ = np.asfortranarray(weights)
    return _original_classify(self, messages)


# Per vectoriser: its analyser and vocabulary.
_analysers: weakref.WeakKeyDictionary[Any, tuple[Any, dict[str, int]]] = weakref.WeakKeyDictionary()


def sentence_row(vectorizer: Any, text: str) -> scipy.sparse.coo_matrix:
    """`vectorizer.transform([text])`, indices sorted, as COO (what Rasa makes of a
    sentence), built directly: counts of the analyser's n-grams that are in the vocabulary,
    in the same dtypes (`CountVectorizer._count_vocab`, sklearn 1.1)."""
    kept = _analysers.get(vectorizer)
    if kept is None:
        vectorizer._check_vocabulary()  # as `transform` does: fails the same when unfitted
        kept = (vectorizer.build_analyzer(), vectorizer.vocabulary_)
        _analysers[vectorizer] = kept
    analyse, vocabulary = kept
    counts: dict[int, int] = {}
    for feature in analyse(text):
        column = vocabulary.get(feature)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    columns = sorted(counts)
    data = np.array([counts[column] for column in columns], dtype=np.intc).astype(vectorizer.dtype)
    if vectorizer.binary:
        data.fill(1)
    index_dtype = np.int64 if len(columns) > np.iinfo(np.int32).max else np.int32
    return scipy.sparse.coo_matrix(
        (data, (np.zeros(len(columns), dtype=index_dtype), np.array(columns, dtype=index_dtype))),
        shape=(1, len(vocabulary)),
    )


_original_count_vectors = CountVectorsFeaturizer.process


def count_vectors(self: CountVectorsFeaturizer, messages: list[Any]) -> list[Any]:
    """`CountVectorsFeaturizer.process`, with the sentence's features alone (see the module's
    docstring) when the model reads no token features."""
    if self.vectorizers is None or _token_features_read:
        return _original_count_vectors(self, messages)
    for message in messages:
        for attribute in self._attributes:
            tokens = self._get_processed_message_tokens_by_attribute(message, attribute)
            vectorizer = self.vectorizers.get(attribute)
            if tokens and vectorizer and attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
                sentence = sentence_row(vectorizer, " ".join(tokens))
                self.add_features_to_message(None, sentence, attribute, message)
            else:
                sequence, sentence = self._create_features(attribute, [tokens])
                self.add_features_to_message(sequence[0], sentence[0], attribute, message)
    return messages


def apply() -> None:
    DaskGraphRunner.run = run_graph
    LogisticRegressionClassifier._create_X = sentence_matrix
    LogisticRegressionClassifier.process = classify
    CountVectorsFeaturizer.process = count_vectors
