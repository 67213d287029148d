"""The static sentence vectors of issue 12: distilled from all-MiniLM-L6-v2 (scripts/static_vectors.py),
cut into tokens by a hand-written WordPiece in Rasa's venv (bot/addons/wordpiece.py), and turned
into a sentence feature there (bot/addons/static_featurizer.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from scripts import static_vectors
from tests.support.rasa_venv import ISOLATED_ENV, run_rasa_script

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bot"))
from addons.wordpiece import WordPiece, basic_words, general_words  # noqa: E402

SENTENCES = [
    "I'd like to book a plumber for Tuesday",
    "can I schedule an appointment with the electrician?",
    "cancel my booking please",
    "I need to call off my appointment",
    "Reschedule BK-12345 to next week!!",
    "what's the weather like in Paris",
    "how much does a repair cost?",
    "email me at bob.smith@example.com or +44 20 7946 0958",
    "slot taken at 2026-12-10 14:00",
    "helo i wnat to bok a cleanr",
    "Café déjà vu — naïve résumé!",
    "Straße, Ærøskøbing and Łódź",
    "東京 is nice, 北京 too",
    "emoji 😀 and ❤️ in a message",
    "tabs\tand\nnew lines\r\nand  double  spaces",
    "control\x00chars\x07here\u200b",
    "",
    "   ",
    "???",
    "...and then?!",
    "a" * 120,
    "supercalifragilisticexpialidocious",
    "unbelievably antidisestablishmentarianism",
    "£50 or €40, 30% off; #1 [deal] {now} <html> `code` ~tilde | pipe \\ slash",
    "don't won't can't it's",
    "MiXeD CaSe WoRdS",
    "numbers 3.14159 and 1,000,000 and 12:30pm",
    "hyphen-ated and under_scored and slash/ed",
    "“quoted” ‘words’ «guillemets»",
    "Ñandú über façade coöperate",
    "κόσμε Привет мир",
    "I want to talk to a human",
    "is the clinic open on sundays",
    "my dog needs grooming tomorrow at 10",
    "What is your refund policy for cancelled bookings?",
    "book me in with dr. o'neill",
]


@pytest.fixture(scope="module")
def reference_tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(static_vectors.model_path()), local_files_only=True)


@pytest.fixture(scope="module")
def vocab() -> list[str]:
    return (static_vectors.model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("text", SENTENCES)
def test_wordpiece_cuts_text_as_minilms_tokenizer_does(text, reference_tokenizer, vocab) -> None:
    expected = reference_tokenizer(text, add_special_tokens=False)["input_ids"]
    assert WordPiece(vocab).encode(text) == expected, (
        WordPiece(vocab).tokens(text, vocab),
        reference_tokenizer.convert_ids_to_tokens(expected),
    )


@pytest.mark.parametrize(
    "text", [t for t in SENTENCES if t.isascii()] + ["".join(map(chr, range(128)))]
)
def test_the_ascii_fast_path_agrees_with_the_general_one(text) -> None:
    assert basic_words(text) == general_words(text)


def test_pca_is_deterministic_and_sign_fixed() -> None:
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(200, 12))
    first, second = static_vectors.pca(matrix, 4), static_vectors.pca(matrix.copy(), 4)
    assert np.array_equal(first, second)
    assert first.shape == (200, 4)
    largest = np.abs(first).argmax(axis=0)
    assert (first[largest, np.arange(4)] > 0).all()
    flipped = static_vectors.pca(-matrix, 4)  # the same data mirrored: the same scores
    assert np.allclose(flipped, first)


def test_the_key_follows_the_inputs() -> None:
    assert static_vectors.vectors_key() == static_vectors.vectors_key()
    assert len(static_vectors.vectors_key()) == 16


FEATURIZER_SCRIPT = r"""
import json, sys, tempfile
from pathlib import Path
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.static_featurizer import StaticEmbeddingFeaturizer, StaticVectors

path = Path(sys.argv[1])
table = StaticVectors.load(path)
out = {"mean_errors": [], "similar": [], "ids": {}}
for text in ["book a plumber for tuesday", "cancel my appointment please", "hi"]:
    ids = table.wordpiece.encode(text)
    out["ids"][text] = ids
    expected = table.vectors[ids].mean(axis=0)
    out["mean_errors"].append(float(np.abs(table.sentence_vector(text) - expected).max()))

with tempfile.TemporaryDirectory() as tmp:
    storage = LocalModelStorage(Path(tmp))
    resource = Resource("static")
    context = ExecutionContext(GraphSchema({}), "static_node")
    config = {"vectors": str(path), "scale": 3.0}
    trained = StaticEmbeddingFeaturizer.create(config, storage, resource, context)
    trained.train(TrainingData([]))
    loaded = StaticEmbeddingFeaturizer.load(
        {**StaticEmbeddingFeaturizer.get_default_config(), **config}, storage, resource, context
    )
    def feature(text):
        message = Message({TEXT: text})
        loaded.process([message])
        sequence, sentence = message.get_dense_features(TEXT)
        assert sequence is None
        return sentence.features[0]
    texts = [
        ("I want to book a plumber", "can I schedule a plumber visit", "what is the weather in Paris"),
        ("please cancel my booking", "I need to call off my appointment", "who won the football match"),
        ("how much does it cost", "what are your prices", "my cat is asleep on the sofa"),
    ]
    for anchor, near, far in texts:
        a, b, c = feature(anchor), feature(near), feature(far)
        unit = lambda v: v / np.linalg.norm(v)
        out["similar"].append([float(unit(a) @ unit(b)), float(unit(a) @ unit(c))])
    vector = feature("book a plumber for tuesday")
    raw = table.sentence_vector("book a plumber for tuesday")
    out["feature_error"] = float(np.abs(vector - 3.0 * raw / np.linalg.norm(raw)).max())
    out["norm"] = float(np.linalg.norm(vector))
    out["blank_norm"] = float(np.linalg.norm(feature("   ")))
print(json.dumps(out))
"""


# Words of the featuriser script's sentences, embedded on top of the vocabulary's first tokens
FEATURIZER_WORDS = (
    "book a plumber for tuesday cancel my appointment please hi I want to can schedule visit "
    "what is the weather in Paris booking need call off who won football match how much does it "
    "cost are your prices cat asleep on sofa"
)


@pytest.fixture(scope="module")
def built_vectors(tmp_path_factory, reference_tokenizer, vocab) -> Path:
    """The recipe run on part of the vocabulary (its first 3,000 ids and the script's words): a
    few seconds, where the full file takes one to two minutes and the product does not use it."""
    only = set(vocab[:3000]) | set(reference_tokenizer.tokenize(FEATURIZER_WORDS))
    return static_vectors.build(tmp_path_factory.mktemp("static") / "vectors.npz", only=only)


def test_the_built_file_matches_the_vocabulary(built_vectors, vocab, reference_tokenizer) -> None:
    with np.load(built_vectors, allow_pickle=False) as stored:
        assert list(stored["vocab"]) == vocab
        assert stored["vectors"].shape == (len(vocab), static_vectors.PCA_DIMS)
        assert stored["vectors"].dtype == np.float16
        unused = [i for i, token in enumerate(vocab) if token.startswith("[unused")]
        assert not stored["vectors"][unused].any()
        embedded = reference_tokenizer.convert_tokens_to_ids(["plumber", "cancel", "the"])
        assert stored["vectors"][embedded].any(axis=1).all()
        assert not stored["vectors"][len(vocab) - 1].any()  # beyond the part embedded
    # a partial file is never taken for the full one: ensure_static_vectors would rebuild it
    assert static_vectors._stored_key(built_vectors).startswith(static_vectors.vectors_key())
    assert static_vectors._stored_key(built_vectors) != static_vectors.vectors_key()


def test_the_featuriser_gives_the_scaled_mean_of_token_vectors(
    built_vectors, reference_tokenizer
) -> None:
    out, stderr = run_rasa_script(
        FEATURIZER_SCRIPT, str(built_vectors), timeout=300, env=ISOLATED_ENV
    )
    assert max(out["mean_errors"]) < 1e-6, stderr
    assert out["feature_error"] < 1e-5
    assert out["norm"] == pytest.approx(3.0, rel=1e-5)
    assert out["blank_norm"] == 0.0  # no tokens: a zero vector, not NaN
    for text, ids in out["ids"].items():  # Rasa's side cuts text as MiniLM's tokenizer does
        assert ids == reference_tokenizer(text, add_special_tokens=False)["input_ids"]
    for near, far in out["similar"]:
        assert near > far + 0.1, json.dumps(out["similar"])
