"""/api/health against a real supervisord: a killed program is reported down while it restarts,
with the signal that ended it; a stranger answering on a stopped program's port is not taken
for the program. (The full product's crash tests are in test_crash_recovery.py.)"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.models import Role
from tests.unit.test_api_auth import add_staff, auth_header

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

# A stand-in for the action server: answers GET /health, after a slow start like the real one.
FAKE_SERVER = textwrap.dedent(
    """
    import http.server, sys, time
    time.sleep(float(sys.argv[2]))
    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/health" else 404)
            self.end_headers()
            self.wfile.write(b'{"status": "ok"}')
        def log_message(self, *args):
            pass
    http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
    """
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Supervised:
    """supervisord running one program, "actions", laid out as scripts/config.py lays it out."""

    def __init__(self, var_dir: Path, port: int) -> None:
        self.var_dir, self.port = var_dir, port
        run, log = var_dir / "run", var_dir / "log"
        run.mkdir(parents=True, exist_ok=True)
        log.mkdir(parents=True, exist_ok=True)
        self.server = var_dir / "fake_server.py"
        self.server.write_text(FAKE_SERVER)
        self.conf = run / "supervisord.conf"
        self.conf.write_text(
            textwrap.dedent(
                f"""
                [supervisord]
                nodaemon=true
                logfile={log / "supervisord.log"}
                pidfile={run / "supervisord.pid"}
                [unix_http_server]
                file={run / "supervisor.sock"}
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [supervisorctl]
                serverurl=unix://{run / "supervisor.sock"}
                [program:actions]
                command={sys.executable} {self.server} {port} 2
                autorestart=true
                startsecs=1
                stdout_logfile={log / "actions.log"}
                redirect_stderr=true
                """
            )
        )
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "supervisord"), "-c", str(self.conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def ctl(self, *args: str) -> str:
        command = [str(ROOT / ".venv" / "bin" / "supervisorctl"), "-c", str(self.conf), *args]
        return subprocess.run(command, capture_output=True, text=True).stdout

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


@pytest.fixture
def supervised(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, sqlite_db: str
) -> Iterator[tuple[Supervised, TestClient, dict[str, str]]]:
    from app.api.main import create_api
    from tests.conftest import reset_singletons

    # A short path: a Unix socket's path may not pass 107 bytes.
    var_dir = tmp_path_factory.mktemp("sv")
    port = free_port()
    stack = Supervised(var_dir, port)
    monkeypatch.setenv("VAR_DIR", str(var_dir))
    monkeypatch.setenv("DATABASE_URL", sqlite_db)
    monkeypatch.setenv("ACTION_SERVER_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("ADMIN_RATE_LIMIT", "1000/minute")  # polled five times a second
    reset_singletons()
    headers = auth_header(add_staff(Role.admin, "boss@example.com"))
    try:
        with TestClient(create_api()) as client:
            yield stack, client, headers
    finally:
        stack.stop()


def poll(client: TestClient, headers: dict[str, str], until, timeout: float = 60) -> dict:
    """Health details until `until(body)` holds; the last body in the failure message."""
    deadline = time.monotonic() + timeout
    body: dict = {}
    while time.monotonic() < deadline:
        body = client.get("/api/health/details", headers=headers).json()
        if until(body):
            return body
        time.sleep(0.2)
    raise AssertionError(f"health never showed it within {timeout} s: {body}")


def action_server(body: dict) -> dict:
    return body["parts"]["action_server"]


def test_a_killed_program_is_down_while_it_restarts_and_the_signal_is_named(supervised):
    stack, client, headers = supervised
    up = poll(client, headers, lambda b: action_server(b)["status"] == "up")
    pid = up["supervisor"]["actions"]["pid"]

    os.kill(pid, signal.SIGKILL)
    down = poll(client, headers, lambda b: action_server(b)["status"] == "down")
    reason = action_server(down)["reason"]
    assert "restarting after it exited (terminated by SIGKILL; not expected" in reason, reason
    public = client.get("/api/health").json()
    assert set(public["parts"]["action_server"]) == {"status"}  # the reason is for admins only

    back = poll(client, headers, lambda b: action_server(b)["status"] == "up")
    program = back["supervisor"]["actions"]
    assert program["state"] == "RUNNING" and program["pid"] != pid
    assert program["last_exit"].startswith("terminated by SIGKILL; not expected, at ")


def test_a_stranger_on_a_stopped_programs_port_is_not_taken_for_it(supervised):
    stack, client, headers = supervised
    poll(client, headers, lambda b: action_server(b)["status"] == "up")
    stack.ctl("stop", "actions")
    stopped = poll(client, headers, lambda b: action_server(b)["status"] == "down")
    assert "stopped by hand" in action_server(stopped)["reason"]

    # What an orphan of an earlier crash looked like: the port answers, supervisord runs nothing.
    stranger = subprocess.Popen([sys.executable, str(stack.server), str(stack.port), "0"])
    try:
        body = poll(
            client, headers, lambda b: "answers on its port" in action_server(b).get("reason", "")
        )
        assert action_server(body)["status"] == "down"
        public = client.get("/api/health")
        assert public.status_code == 503
        assert public.json()["parts"]["action_server"] == {"status": "down"}
    finally:
        stranger.terminate()
        stranger.wait(timeout=10)
