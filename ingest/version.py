"""Which version of the page-to-chunks code built an index (no heavy imports: `make up` reads it).

A page is chunked again when it changes, or when this code does, so that an upgrade's better
extraction or chunking reaches pages whose text did not change.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_PIPELINE = ("chunking.py", "extract.py", "loaders.py")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    digest = hashlib.sha256()
    for name in _PIPELINE:
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.hexdigest()[:16]
