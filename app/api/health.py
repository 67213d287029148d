"""Health of every part of the product.

- `GET /api/health`, for anyone (`make up`'s wait loop, load balancers, uptime monitors): each
  part up or down, 200 when all are up, 503 otherwise. Nothing more: the reasons name hosts,
  paths and versions an outsider has no business seeing.
- `GET /api/health/details`, for admins: the same with why a part is down, how long each check
  took, and what supervisord says about each program: restarting after a crash (and which
  signal or exit status ended it), failing to start, given up, stopped by hand.

Under `make up` supervisord runs Rasa, the action server and this web app; its XML-RPC socket
is where `scripts/stack.py` puts it, `<VAR_DIR>/run/supervisor.sock`. Where there is no
supervisord (tests, a container platform), the checks alone decide.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
import xmlrpc.client
from typing import Any

import httpx
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.api.auth_deps import STAFF_ERRORS, AdminAccess
from app.core.cache import get_cache
from app.core.db import get_engine
from app.core.settings import get_settings

router = APIRouter(tags=["health"])
SOME_PART_DOWN = {503: {"description": "At least one part is down (same body)"}}

# Which supervisord program serves each part checked over HTTP.
PROGRAM_OF_PART = {"rasa": "rasa", "action_server": "actions"}
# Programs in these states are not serving, whatever answers on their port.
NOT_SERVING = {"BACKOFF", "FATAL", "STOPPED", "EXITED"}
# supervisord's main log: "2026-11-30 20:28:19,708 WARN exited: rasa (terminated by SIGKILL; ...)"
EXIT_LINE = re.compile(r"^(\S+ \S+),\d+ \w+ (exited|gave up): (\S+) \(?(.*?)\)?$", re.MULTILINE)
LOG_TAIL_BYTES = 32_768


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


# -- supervisord -----------------------------------------------------------------------------
async def _supervisor_call(method: str, *params: Any) -> Any:
    """One XML-RPC call to this stack's supervisord over its Unix socket."""
    socket_path = get_settings().var_dir / "run" / "supervisor.sock"
    if not socket_path.exists():
        raise FileNotFoundError(socket_path)
    transport = httpx.AsyncHTTPTransport(uds=str(socket_path))
    async with httpx.AsyncClient(transport=transport, timeout=2.0) as client:
        response = await client.post(
            "http://supervisord/RPC2",
            content=xmlrpc.client.dumps(params, method),
            headers={"Content-Type": "text/xml"},
        )
    response.raise_for_status()
    (result,), _ = xmlrpc.client.loads(response.content)
    return result


def last_exits(log: str) -> dict[str, str]:
    """Each program's last exit as supervisord logged it, e.g. "terminated by SIGKILL; not
    expected, at 2026-11-30 20:28:19" or "gave up: entered FATAL state, ... at ..."."""
    exits: dict[str, str] = {}
    for when, kind, program, what in EXIT_LINE.findall(log):
        exits[program] = f"{'gave up: ' if kind == 'gave up' else ''}{what}, at {when}"
    return exits


def describe_program(info: dict[str, Any], last_exit: str | None) -> dict[str, Any]:
    """supervisord's view of one program, in words."""
    state = info["statename"]
    program: dict[str, Any] = {"state": state}
    if info.get("pid"):
        program["pid"] = info["pid"]
    if info.get("start"):
        program["started_at"] = dt.datetime.fromtimestamp(info["start"], dt.UTC).isoformat()
        if state in ("STARTING", "RUNNING"):
            program["up_seconds"] = max(0, info["now"] - info["start"])
    if info.get("spawnerr"):
        program["spawn_error"] = info["spawnerr"]
    if last_exit:
        program["last_exit"] = last_exit
    return program


async def _supervised_programs() -> dict[str, dict[str, Any]]:
    """Every program supervisord runs for this stack; empty when there is no supervisord."""
    try:
        infos = await _supervisor_call("supervisor.getAllProcessInfo")
        log = await _supervisor_call("supervisor.readLog", -LOG_TAIL_BYTES, 0)
    except (OSError, httpx.HTTPError, xmlrpc.client.Error, ValueError):
        return {}
    exits = last_exits(log)
    return {info["name"]: describe_program(info, exits.get(info["name"])) for info in infos}


def reason_while_supervised(program: dict[str, Any], check_reason: str) -> str:
    """Why a supervised part does not answer, from supervisord's state and its last exit."""
    state = program["state"]
    last_exit = program.get("last_exit")
    after = f" after it exited ({last_exit})" if last_exit else ""
    if state in ("STARTING", "RUNNING"):
        doing = "restarting" if last_exit else "starting"
        return (
            f"{doing}{after}: running for {program.get('up_seconds', 0)} s, not answering yet "
            f"({check_reason})"
        )
    if state == "EXITED" and last_exit:  # the moment between a crash and the restart
        return f"restarting after it exited ({last_exit}): supervisord starts it again"
    if state == "BACKOFF":
        why = program.get("spawn_error") or "it exited too quickly"
        return f"failing to start ({why}){after}; supervisord keeps retrying"
    if state == "FATAL":
        return f"supervisord gave up restarting it{after}; see its log in var/log/"
    if state == "STOPPED":
        return "stopped by hand (supervisorctl start starts it again)"
    return f"{state.lower()}{after}"


# -- routes ----------------------------------------------------------------------------------
async def _health_report() -> tuple[bool, dict[str, Any]]:
    """Every part, with reasons and supervisord's view; (all up?, report)."""
    settings = get_settings()
    rasa_status = f"{settings.rasa_url}/status" + (
        f"?token={settings.rasa_token}" if settings.rasa_token else ""
    )
    checks = [
        _timed("database", _check_database),
        _timed("rasa", _check_http, rasa_status),
        _timed("action_server", _check_http, f"{settings.action_server_url}/health"),
        _timed("vector_store", _check_vector_store),
    ]
    if settings.redis_url:
        checks.append(_timed("redis", _check_redis))
    results, programs = await asyncio.gather(asyncio.gather(*checks), _supervised_programs())
    parts = dict(results)
    for part, name in PROGRAM_OF_PART.items():
        program = programs.get(name)
        if program is None:
            continue
        status = parts[part]
        if status["status"] == "down":
            status["reason"] = reason_while_supervised(program, status["reason"])
        elif program["state"] in NOT_SERVING:
            # The old failure: a process orphaned by an earlier crash answering on the port.
            status["status"] = "down"
            status["reason"] = (
                f"supervisord has it {program['state']}, yet something else answers on its "
                "port (a process left by an earlier run? `make down`, then `make up`)"
            )
    healthy = all(part["status"] == "up" for part in parts.values())
    report: dict[str, Any] = {"status": "ok" if healthy else "degraded", "parts": parts}
    if programs:
        report["supervisor"] = programs
    return healthy, report


@router.get("/health", summary="Health of every part: up or down", responses=SOME_PART_DOWN)
async def health() -> JSONResponse:
    """Database, Redis (when configured), Rasa, action server and vector store: up or down."""
    healthy, report = await _health_report()
    parts = {name: {"status": part["status"]} for name, part in report["parts"].items()}
    body = {"status": report["status"], "parts": parts}
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get(
    "/health/details",
    summary="Health of every part with reasons and supervisord's view (admins)",
    responses={**STAFF_ERRORS, **SOME_PART_DOWN},
)
async def health_details(admin: AdminAccess) -> JSONResponse:
    """Each part with why it is down and how long its check took; each supervised program's
    state, pid, start time and last exit (e.g. `terminated by SIGKILL; not expected`)."""
    healthy, report = await _health_report()
    return JSONResponse(report, status_code=200 if healthy else 503)
