"""A throwaway product environment with the demo website indexed, for offline evaluations."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.embeddings import Embedder
from ingest.service import IngestSummary, run_ingest

ROOT = Path(__file__).resolve().parents[1]
DEMO_SITE = ROOT / "demo" / "site"
DEMO_BASE_URL = "http://localhost:3000/demo-site/"


def page_url(page: str) -> str:
    """The citation URL of a demo page as the eval ingests it."""
    return DEMO_BASE_URL if page == "index.html" else DEMO_BASE_URL + page


def use_var_dir(var_dir: Path) -> None:
    """Point this process's settings, database and LanceDB at `var_dir` (an empty directory)."""
    from sqlmodel import Session, SQLModel

    import app.models  # noqa: F401 - registers every table on the metadata
    from app.core import cache, db, settings
    from app.services.seed import seed_demo_business
    from ingest.store import reset_stores

    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["VAR_DIR"] = str(var_dir)
    for name in ("DATABASE_URL", "REDIS_URL", "LANCEDB_DIR"):
        os.environ.pop(name, None)
    settings.reset_settings_cache()
    db.reset_engine()
    cache.reset_cache()
    reset_stores()
    SQLModel.metadata.create_all(db.get_engine())
    with Session(db.get_engine()) as session:
        seed_demo_business(session=session)


def index_demo_site(embedder: Embedder | None = None) -> IngestSummary:
    """Ingest demo/site under its published URL into the current environment."""
    return run_ingest(str(DEMO_SITE), base_url=DEMO_BASE_URL, embedder=embedder)
