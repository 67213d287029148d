"""/api/health says only up or down per part; /api/health/details, for admins, says why.
And the words the details use for supervisord's states and its log lines."""

from __future__ import annotations

from app.api.health import describe_program, last_exits, reason_while_supervised
from app.models import Role
from tests.unit.test_api_auth import add_staff, auth_header, expired_header

SUPERVISORD_LOG = """\
2026-11-30 20:23:09,079 INFO spawned: 'rasa' with pid 18792
2026-11-30 20:23:12,263 INFO success: rasa entered RUNNING state, process has stayed up for > than 3 seconds (startsecs)
2026-11-30 20:28:19,708 WARN exited: actions (terminated by SIGKILL; not expected)
2026-11-30 20:28:20,717 INFO spawned: 'actions' with pid 7004
2026-11-30 20:30:01,000 WARN exited: web (exit status 1; not expected)
2026-11-30 20:30:09,000 INFO gave up: web entered FATAL state, too many start retries too quickly
"""  # noqa: E501 - real supervisord lines


def test_public_health_says_only_up_or_down(api_client):
    response = api_client.get("/api/health")
    body = response.json()
    assert response.status_code in (200, 503)
    assert body["status"] in ("ok", "degraded")
    assert {"database", "rasa", "action_server", "vector_store"} <= set(body["parts"])
    for part in body["parts"].values():
        assert part == {"status": "up"} or part == {"status": "down"}, body
    assert "supervisor" not in body
    # A fresh var/ has no content: the vector store is down, and the public answer stops there.
    assert body["parts"]["vector_store"] == {"status": "down"}


def test_details_need_an_admin(api_client):
    assert api_client.get("/api/health/details").status_code == 401
    admin = add_staff(Role.admin, "boss@example.com")
    assert api_client.get("/api/health/details", headers=expired_header(admin)).status_code == 401
    for role in (Role.editor, Role.viewer):
        user = add_staff(role, f"{role.value}@example.com")
        response = api_client.get("/api/health/details", headers=auth_header(user))
        assert response.status_code == 403, response.text


def test_details_give_each_reason(api_client):
    admin = add_staff(Role.admin, "boss@example.com")
    response = api_client.get("/api/health/details", headers=auth_header(admin))
    body = response.json()
    assert response.status_code == 503  # nothing ingested in a fresh var/
    store = body["parts"]["vector_store"]
    assert store["status"] == "down" and "no content ingested" in store["reason"]
    assert body["parts"]["database"]["status"] == "up"
    assert "latency_ms" in body["parts"]["database"]


def test_last_exits_come_from_supervisords_log():
    exits = last_exits(SUPERVISORD_LOG)
    assert exits["actions"] == "terminated by SIGKILL; not expected, at 2026-11-30 20:28:19"
    assert exits["web"] == (
        "gave up: entered FATAL state, too many start retries too quickly, at 2026-11-30 20:30:09"
    )
    assert "rasa" not in exits  # never exited


def test_a_restart_after_a_crash_is_named_with_its_cause():
    info = {"statename": "RUNNING", "pid": 7004, "start": 1000, "now": 1012, "spawnerr": ""}
    program = describe_program(info, "terminated by SIGKILL; not expected, at 20:28:19")
    reason = reason_while_supervised(program, "connection refused (process not running?)")
    assert reason.startswith("restarting after it exited (terminated by SIGKILL")
    assert "running for 12 s, not answering yet" in reason


def test_the_moment_between_crash_and_restart_reads_as_restarting():
    info = {"statename": "EXITED", "pid": 0, "start": 1000, "now": 1012, "spawnerr": ""}
    program = describe_program(info, "terminated by SIGKILL; not expected, at 20:28:19")
    reason = reason_while_supervised(program, "connection refused")
    assert reason.startswith("restarting after it exited (terminated by SIGKILL"), reason


def test_every_supervisord_state_reads_as_words():
    def reason(state: str, **info) -> str:
        program = describe_program({"statename": state, "start": 0, "now": 5, **info}, None)
        return reason_while_supervised(program, "connection refused")

    assert reason("STARTING").startswith("starting: running for")
    assert "failing to start (can't find command" in reason(
        "BACKOFF", spawnerr="can't find command"
    )
    assert "gave up restarting it" in reason("FATAL")
    assert "stopped by hand" in reason("STOPPED")
