"""`make up` before it starts anything: what an earlier run of this checkout left on its ports is
stopped, with each process listed; a port held by anything else is refused, its owner named.
And which processes count as "of this checkout" at all."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from scripts.checkout import MAIN_PY, ROOT
from scripts.control import Stack

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int, *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A process serving `port` from `cwd`, once it accepts connections."""
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.1)
    server.kill()
    raise AssertionError(f"the stand-in server on {port} never listened")


def test_up_stops_what_this_checkout_left_and_names_anyone_else_on_its_ports(tmp_path):
    ours_port, theirs_port, free = free_port(), free_port(), free_port()
    # Left by older code of this checkout (no environment mark): known by its working directory.
    ours = listening(ours_port, cwd=ROOT)
    theirs = listening(theirs_port, cwd=tmp_path)  # another project's server
    try:
        env = {
            **os.environ,
            "VAR_DIR": str(tmp_path / "var"),
            "APP_PORT": str(theirs_port),
            "RASA_PORT": str(ours_port),
            "ACTIONS_PORT": str(free),
        }
        up = subprocess.run(
            [str(MAIN_PY), "-m", "scripts.stack", "up"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert up.returncode == 1, (up.stdout, up.stderr)
        assert "Stopping 1 process(es) left by an earlier run of this checkout" in up.stdout
        assert f"holds port {ours_port}" in up.stdout and f"pid {ours.pid}" in up.stdout
        assert ours.wait(timeout=20) is not None  # stopped
        assert f"error: port {theirs_port} is in use by" in up.stderr, up.stderr
        assert f"http.server {theirs_port}" in up.stderr and f"pid {theirs.pid}" in up.stderr
        assert theirs.poll() is None, "a process of another project must be left alone"
        assert "Preparing" not in up.stdout  # refused before touching anything
    finally:
        for server in (ours, theirs):
            server.kill()
            server.wait()


def test_only_this_stack_and_orphans_of_this_checkout_count_as_leftovers(tmp_path):
    ports = {"app_port": free_port(), "rasa_port": free_port(), "actions_port": free_port()}
    mine = Stack(var_dir=tmp_path / "mine", **ports)
    other = Stack(var_dir=tmp_path / "other")
    orphaned = Stack(var_dir=tmp_path / "orphaned")
    left_running = Stack(var_dir=tmp_path / "left")
    for stack in (mine, other, orphaned, left_running):
        stack.run_dir.mkdir(parents=True)
    # `other` is run by a live process (this test); the controllers of `orphaned` and of
    # `left_running` are long gone, but `left_running` still has its supervisord.
    me = psutil.Process()
    (other.run_dir / "controller.pid").write_text(f"{me.pid} {me.create_time()}\n")
    for stack in (orphaned, left_running):
        (stack.run_dir / "controller.pid").write_text("999999 0\n")
    sleep = [sys.executable, "-c", "import time; time.sleep(300)"]
    processes = {
        name: subprocess.Popen(sleep, env=stack.env(), cwd=tmp_path)
        for name, stack in (("mine", mine), ("other", other), ("orphaned", orphaned))
    }
    fake_supervisord = tmp_path / "supervisord"
    fake_supervisord.write_text("import time\ntime.sleep(300)\n")
    processes["left_running"] = subprocess.Popen(
        [sys.executable, str(fake_supervisord)], env=left_running.env(), cwd=tmp_path
    )
    (left_running.run_dir / "supervisord.pid").write_text(f"{processes['left_running'].pid}\n")
    processes["unmarked"] = subprocess.Popen(sleep, cwd=ROOT)  # in the checkout, holds no port
    try:
        deadline = time.monotonic() + 10
        found: dict[int, str] = {}
        while time.monotonic() < deadline and len(found) < 2:
            found = {process.pid: why for process, why in mine.leftovers()}
            time.sleep(0.2)
        assert found.get(processes["mine"].pid) == "of this stack"
        assert found.get(processes["orphaned"].pid, "").startswith("orphaned, from a stack in")
        assert processes["other"].pid not in found  # a running test session's stack
        assert processes["left_running"].pid not in found  # supervised: its own `down` stops it
        assert processes["unmarked"].pid not in found  # e.g. your editor: not a stack process

        assert mine.stop_leftovers(quiet=True) == 2
        assert processes["mine"].wait(timeout=20) is not None
        assert processes["orphaned"].wait(timeout=20) is not None
        for name in ("other", "left_running", "unmarked"):
            assert processes[name].poll() is None, name
    finally:
        for process in processes.values():
            process.kill()
            process.wait()


def test_a_port_held_by_another_running_stack_of_this_checkout_is_left_to_that_stack(tmp_path):
    """`make up` and `make up-prod` use the same ports: `make down` looks for the production
    stack first and must not take the running embedded stack's programs for its own (killing
    them under their supervisord, which restarts them)."""
    port = free_port()
    mine = Stack(var_dir=tmp_path / "prod", app_port=port)
    running = Stack(var_dir=tmp_path / "embedded")
    running.run_dir.mkdir(parents=True)
    me = psutil.Process()
    (running.run_dir / "controller.pid").write_text(f"{me.pid} {me.create_time()}\n")
    server = listening(port, cwd=ROOT, env=running.env())
    try:
        assert [why for process, why in mine.leftovers() if process.pid == server.pid] == []
        assert mine.stop_leftovers(quiet=True) == 0
        assert server.poll() is None
        # Once nothing runs that stack any more, its program is an orphan like any other.
        (running.run_dir / "controller.pid").write_text("999999 0\n")
        found = {process.pid: why for process, why in mine.leftovers()}
        assert found.get(server.pid, "").startswith("orphaned, from a stack in")
    finally:
        server.kill()
        server.wait()


def test_waiting_ends_with_the_log_when_supervisord_gives_up_on_a_program(tmp_path_factory):
    """`make up` does not wait ten minutes for a program that can never start."""
    stack = Stack(var_dir=tmp_path_factory.mktemp("fatal"), app_port=free_port())
    stack.run_dir.mkdir(parents=True)
    stack.log_dir.mkdir(parents=True)
    (stack.run_dir / "supervisord.conf").write_text(
        "\n".join(
            [
                "[supervisord]",
                "nodaemon=true",
                f"logfile={stack.log_dir / 'supervisord.log'}",
                f"pidfile={stack.run_dir / 'supervisord.pid'}",
                "[unix_http_server]",
                f"file={stack.run_dir / 'supervisor.sock'}",
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "[supervisorctl]",
                f"serverurl=unix://{stack.run_dir / 'supervisor.sock'}",
                "[program:rasa]",
                "command=sh -c 'echo No model found at bot/models; exit 3'",
                "startsecs=1",
                "startretries=1",
                f"stdout_logfile={stack.log_dir / 'rasa.log'}",
                "redirect_stderr=true",
                "",
            ]
        )
    )
    stack.start()
    try:
        with pytest.raises(RuntimeError) as failure:
            stack.wait_healthy(120, verbose=False)
        message = str(failure.value)
        assert message.startswith("rasa keeps failing to start; supervisord gave up"), message
        assert "No model found at bot/models" in message
    finally:
        stack.shutdown()
