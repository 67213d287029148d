"""The processes of this checkout: finding what a stack started or left behind (by the
environment mark every stack process carries), who holds a port, and stopping processes."""

from __future__ import annotations

import contextlib
from pathlib import Path

import psutil

from scripts.checkout import CHECKOUT_MARK, ROOT


def checkout_processes() -> list[tuple[psutil.Process, Path]]:
    """Every running process a Stack of this checkout started, with its stack's var/ directory."""
    found = []
    for process in psutil.process_iter():
        try:
            environ = process.environ()
        except (psutil.Error, OSError):
            continue  # gone, a zombie, or not ours to read
        if environ.get(CHECKOUT_MARK) == str(ROOT) and environ.get("VAR_DIR"):
            found.append((process, Path(environ["VAR_DIR"]).resolve()))
    return found


def controller(var_dir: Path) -> psutil.Process | None:
    """The process that started the stack in `var_dir` (`make up`, a test session), if it runs."""
    try:
        pid, created = (var_dir / "run" / "controller.pid").read_text().split()
        process = psutil.Process(int(pid))
        return process if abs(process.create_time() - float(created)) < 1 else None
    except (OSError, ValueError, psutil.Error):
        return None


def supervisor(var_dir: Path) -> psutil.Process | None:
    """The supervisord of the stack in `var_dir`, if it runs."""
    try:
        process = psutil.Process(int((var_dir / "run" / "supervisord.pid").read_text()))
        if is_supervisord(process) and Path(process.environ()["VAR_DIR"]).resolve() == var_dir:
            return process
    except (OSError, ValueError, KeyError, psutil.Error):
        pass
    return None


def port_owners(ports: tuple[int, ...]) -> dict[int, psutil.Process | None]:
    """The process listening on each busy port (None: busy, but its owner cannot be seen)."""
    import socket

    owners: dict[int, psutil.Process | None] = {}
    with contextlib.suppress(psutil.Error, OSError):
        for conn in psutil.net_connections(kind="inet"):
            if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port in ports:
                with contextlib.suppress(psutil.Error):
                    owners[conn.laddr.port] = psutil.Process(conn.pid) if conn.pid else None
    for port in ports:
        if port not in owners:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    owners[port] = None
    return owners


def inside_checkout(process: psutil.Process) -> bool:
    """Whether a process runs from this checkout: its working directory or a path it was
    given. The interpreter (argv[0]) does not count: worktrees may share one venv."""
    try:
        cwd = Path(process.cwd())
        args = process.cmdline()[1:]
    except (psutil.Error, OSError):
        return False
    paths = [cwd] + [Path(a) for a in args if a.startswith("/")]
    return any(path.resolve().is_relative_to(ROOT) for path in paths)


def is_supervisord(process: psutil.Process) -> bool:
    with contextlib.suppress(psutil.Error):
        return any(Path(arg).name == "supervisord" for arg in process.cmdline()[:2])
    return False


def describe(process: psutil.Process | None) -> str:
    """A process as a person can recognise it: its command line, shortened."""
    if process is None:
        return "a process this user cannot see (try `sudo ss -ltnp`)"
    try:
        command = " ".join(process.cmdline()) or process.name()
        user = process.username()
    except psutil.Error:
        return f"pid {process.pid} (gone)"
    command = command if len(command) <= 160 else command[:157] + "..."
    return f"{command} (pid {process.pid}, user {user})"


def terminate(processes: list[psutil.Process], *, timeout: float) -> None:
    """SIGTERM, then SIGKILL for what is still there after `timeout` seconds."""
    for process in processes:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=5)
