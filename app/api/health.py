"""GET /api/health: every part of the product, up or down with a reason."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.core.cache import get_cache
from app.core.db import get_engine
from app.core.settings import get_settings

router = APIRouter(tags=["health"])


def _check_database() -> dict[str, Any]:
    with get_engine().connect() as connection:
        connection.execute(text("SELECT 1"))
    return {"detail": get_engine().dialect.name}


def _check_redis() -> dict[str, Any]:
    get_cache().ping()
    return {"detail": "ping ok"}


def _check_vector_store() -> dict[str, Any]:
    import lancedb

    settings = get_settings()
    db = lancedb.connect(str(settings.lancedb_dir))
    tables = db.list_tables()
    names = list(getattr(tables, "tables", tables))
    if not names:
        raise RuntimeError("no content ingested yet (python -m ingest add …)")
    return {"detail": f"{len(names)} collection(s): {', '.join(sorted(names))}"}


async def _check_http(url: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=2.0) as client:
        response = await client.get(url, headers=headers)
    if response.status_code >= 400:
        raise RuntimeError(f"HTTP {response.status_code} from {url}")
    return {"detail": f"HTTP {response.status_code}"}


async def _timed(name: str, check: Any, *args: Any) -> tuple[str, dict[str, Any]]:
    started = time.perf_counter()
    try:
        if asyncio.iscoroutinefunction(check):
            result = await check(*args)
        else:
            result = await asyncio.to_thread(check, *args)
        status = {"status": "up", **result}
    except httpx.ConnectError:
        status = {"status": "down", "reason": "connection refused (process not running?)"}
    except httpx.TimeoutException:
        status = {"status": "down", "reason": "timed out after 2 s"}
    except Exception as exc:  # noqa: BLE001 - any failure is reported, not raised
        status = {"status": "down", "reason": str(exc) or type(exc).__name__}
    status["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return name, status


@router.get("/health", summary="Health of every part")
async def health() -> JSONResponse:
    """Database, Redis (when configured), Rasa, action server and vector store."""
    settings = get_settings()
    rasa_headers = {}
    checks = [
        _timed("database", _check_database),
        _timed(
            "rasa",
            _check_http,
            f"{settings.rasa_url}/status"
            + (f"?token={settings.rasa_token}" if settings.rasa_token else ""),
            rasa_headers,
        ),
        _timed("action_server", _check_http, f"{settings.action_server_url}/health"),
        _timed("vector_store", _check_vector_store),
    ]
    if settings.redis_url:
        checks.append(_timed("redis", _check_redis))
    results = dict(await asyncio.gather(*checks))
    healthy = all(part["status"] == "up" for part in results.values())
    body = {"status": "ok" if healthy else "degraded", "parts": results}
    return JSONResponse(body, status_code=200 if healthy else 503)
