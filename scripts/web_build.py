"""The web app's frontend build (`reflex export --frontend-only`): whether the build in place
is current (a hash of its inputs), building it, and giving a stack its own copy of the pages."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.checkout import ROOT, say

# The built frontend (`reflex export --frontend-only`), which the web server mounts, and the
# hash of the inputs it was built from.
WEB_BUILD_DIR = ROOT / ".web" / "build" / "client"
WEB_BUILD_STAMP = ROOT / ".web" / "build" / "chatbot-inputs.sha256"
# What the frontend is compiled from: the app's pages, components and state, and what they
# import at compile time (models' constants, settings). The APIs, the services and the CLI
# run on the backend only; changing them needs no new frontend.
WEB_SOURCE_DIRS = ("app",)
WEB_SOURCE_EXCLUDED = ("app/api/", "app/services/", "app/cli.py")
# Environment that the build bakes into the pages: the port the pages call back to, the
# public URL, and every Reflex setting (REFLEX_API_URL, REFLEX_SSR, ...).
WEB_BUILD_ENV = ("APP_PORT", "PUBLIC_URL")


def web_build_inputs(root: Path = ROOT) -> list[Path]:
    """Every file the frontend build reads from this checkout, in a stable order."""
    paths = []
    for folder in WEB_SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if not relative.startswith(WEB_SOURCE_EXCLUDED):
                paths.append(path)
    for name in ("rxconfig.py", "requirements/main.lock"):
        paths.append(root / name)
    for folder in ("assets", "reflex.lock"):
        paths += sorted(p for p in (root / folder).rglob("*") if p.is_file())
    return [p for p in paths if p.is_file()]


def web_build_hash(env: dict[str, str], root: Path = ROOT) -> str:
    """Hash of the frontend build's inputs: its source files and the environment it bakes in."""
    digest = hashlib.sha256()
    for path in web_build_inputs(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in sorted(env):
        if name in WEB_BUILD_ENV or name.startswith("REFLEX_"):
            digest.update(f"{name}={env[name]}\0".encode())
    return digest.hexdigest()


def web_build_needed(digest: str, build_dir: Path | None = None, stamp: Path | None = None) -> bool:
    """Whether to build: no build in place, or one made from other inputs (or of unknown ones).

    The stamp lists the inputs' hash before and after the build (which rewrites reflex.lock/).
    """
    build_dir = build_dir or WEB_BUILD_DIR
    stamp = stamp or WEB_BUILD_STAMP
    if not (build_dir / "index.html").is_file():
        return True
    try:
        return digest not in stamp.read_text().split()
    except OSError:
        return True


def ensure_web_build(env: dict[str, str], log_dir: Path) -> None:
    """Build the frontend for `env`, unless the build in place was made from the same inputs."""
    digest = web_build_hash(env)
    if web_build_needed(digest):
        build(digest, env, log_dir)


def build(digest: str, env: dict[str, str], log_dir: Path) -> None:
    """Build the frontend (log in `log_dir`) and stamp it with the hash of its inputs."""
    WEB_BUILD_STAMP.unlink(missing_ok=True)  # an interrupted build must not look current
    say("Building the web app (about a minute)")
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / "web-build.log"
    command = [str(ROOT / ".venv" / "bin" / "reflex"), "export", "--frontend-only"]
    command += ["--no-zip", "--env", "prod", "--loglevel", "warning"]
    with log.open("w") as log_file:
        result = subprocess.run(
            command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    if result.returncode != 0:
        print(log.read_text()[-4000:], file=sys.stderr)
        raise SystemExit(f"building the web app failed (full log: {log})")
    # Hashed again: the build rewrites reflex.lock/ to what it installed. Both count as
    # this build's inputs (a `git checkout reflex.lock` must not cost a rebuild).
    after = web_build_hash(env)
    WEB_BUILD_STAMP.write_text("\n".join(dict.fromkeys([digest, after])) + "\n")


def take_pages(run_dir: Path) -> None:
    """Copy the built pages to a stack's own folder (under `run_dir`), which its web server serves.

    The build lives in the checkout's `.web/` and bakes in the stack's addresses, so a
    build for another stack (a test stack, `make up-prod`) would otherwise change the
    pages under a running one. A copy of 17 MB, in well under a second."""
    target = run_dir / "web" / WEB_BUILD_DIR.relative_to(ROOT / ".web")
    staging = target.with_name("client.new")
    previous = target.with_name("client.old")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.copytree(WEB_BUILD_DIR, staging)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
