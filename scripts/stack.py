"""Run the whole product: prepare (database, model, content, web build), then Rasa, the action
server and the web app under supervisord, which restarts a crashed process and logs which one
and why.

`python -m scripts.stack up` is what `make up` runs (foreground; Ctrl-C stops everything);
`python -m scripts.stack down` stops whatever a run of this checkout left behind.
Tests use the `Stack` class directly on their own ports and their own `var/` directory.

Crash recovery holds because no supervised program leaves a process behind when it dies:
each serves from the one process supervisord started (rasa; the action server and the web
app in single-process mode, see their modules), and each is bound to supervisord's life
(`exec-bound`: PR_SET_PDEATHSIG), so even a killed supervisord leaves no program running.
Every process a `Stack` starts carries `CHATBOT_CHECKOUT` and `VAR_DIR` in its environment,
which is how `up` and `down` recognise what an earlier run left, and nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import httpx
import psutil
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
MAIN_PY = ROOT / ".venv" / "bin" / "python"
RASA_BIN = ROOT / "bot" / ".venv" / "bin" / "rasa"
RASA_PY = ROOT / "bot" / ".venv" / "bin" / "python"
TOOLS_BIN = ROOT / "tools" / "node_modules" / ".bin"
BOT_DIR = ROOT / "bot"
MODELS_DIR = BOT_DIR / "models"
DEMO_SITE = ROOT / "demo" / "site"
PROGRAMS = ("rasa", "actions", "web", "gateway")
CHECKOUT_MARK = "CHATBOT_CHECKOUT"  # in the environment of every process a Stack starts


def say(message: str) -> None:
    """Progress for the person waiting at the terminal."""
    print(f"\033[1;36m==>\033[0m {message}", flush=True)


def bot_data_hash() -> str:
    """Hash of everything that goes into the Rasa model; a change means retraining."""
    digest = hashlib.sha256()
    paths = [
        BOT_DIR / "config.yml",
        *sorted((BOT_DIR / "domain").rglob("*.yml")),
        *sorted((BOT_DIR / "data").rglob("*.yml")),
    ]
    if (BOT_DIR / "domain.yml").exists():
        paths.append(BOT_DIR / "domain.yml")
    for path in paths:
        if path.is_file():
            digest.update(str(path.relative_to(BOT_DIR)).encode())
            digest.update(path.read_bytes())
    digest.update((ROOT / "requirements" / "bot.lock").read_bytes())
    return digest.hexdigest()[:16]


def ensure_model(*, quiet: bool = False) -> Path:
    """Train the Rasa model only when the bot's data changed; return its path."""
    model = MODELS_DIR / f"bot-{bot_data_hash()}.tar.gz"
    if model.exists():
        return model
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    log = MODELS_DIR / "train.log"
    if not quiet:
        say(f"Training the Rasa model (the bot's data changed; about 15-60 s; log: {log})")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    command = [
        str(RASA_BIN),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain",
        "--data",
        "data",
        "--fixed-model-name",
        model.name.removesuffix(".tar.gz"),
        "--out",
        str(MODELS_DIR),
    ]
    with log.open("w") as log_file:
        result = subprocess.run(
            command, cwd=BOT_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    if result.returncode != 0 or not model.exists():
        print(log.read_text()[-4000:], file=sys.stderr)
        raise SystemExit(f"Rasa training failed (full log: {log})")
    # Keep this model and the one before it (a running stack may still use that one).
    models = sorted(MODELS_DIR.glob("bot-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in models[2:]:
        old.unlink(missing_ok=True)
    return model


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


def ensure_env_file(env_file: Path = ROOT / ".env", *, tokens: tuple[str, ...] = ()) -> None:
    """Give `.env` a random SECRET_KEY and ENCRYPTION_KEY where it has none or an empty one
    (and each setting named in `tokens` a random token: RASA_TOKEN in production).

    Keys already set in `.env` or in the environment are kept: changing them would sign
    everyone out and make stored contact details unreadable.
    """
    generators = {
        "SECRET_KEY": lambda: secrets.token_urlsafe(48),
        "ENCRYPTION_KEY": lambda: Fernet.generate_key().decode(),
        **{name: lambda: secrets.token_urlsafe(32) for name in tokens},
    }
    lines = (
        env_file.read_text().splitlines()
        if env_file.exists()
        else ["# Written by the first `make up`; see .env.example for every setting."]
    )
    written = []
    for name, generate in generators.items():
        if os.environ.get(name, "").strip():
            continue
        index = next(
            (i for i, line in enumerate(lines) if line.split("=", 1)[0].strip() == name), None
        )
        if index is not None and lines[index].partition("=")[2].strip():
            continue  # already has a value
        line = f"{name}={generate()}"
        if index is None:
            lines.append(line)
        else:
            lines[index] = line
        written.append(name)
    if not written:
        return
    env_file.write_text("\n".join(lines) + "\n")
    env_file.chmod(0o600)
    say(f"Wrote a new random {' and '.join(written)} to {env_file.name}")


@dataclass
class Stack:
    """One instance of the product: its ports, its var/ directory, its supervisord."""

    var_dir: Path = ROOT / "var"
    app_port: int = 3000
    rasa_port: int = 5005
    actions_port: int = 5055
    extra_env: dict[str, str] = field(default_factory=dict)
    web_mode: str = "reflex"  # reflex (pages + API) or api (uvicorn, API only: conversation tests)
    _supervisord: subprocess.Popen | None = None
    _settings_cache: dict[str, object] | None = None

    description = "Rasa, the action server and the web app"
    running_banner = "The chatbot is running."
    port_settings = "APP_PORT / RASA_PORT / ACTIONS_PORT"
    # Settings `up` gives a random token in .env when they have none (ensure_env_file).
    env_tokens: ClassVar[tuple[str, ...]] = ()

    def urls(self) -> list[tuple[str, str]]:
        """What `up` prints once everything is healthy."""
        public = self.env()["PUBLIC_URL"]
        return [
            ("Widget (try it)", f"{public}/widget"),
            ("Demo customer site", f"{public}/demo/"),
            ("Admin dashboard", f"{public}/admin"),
            ("API docs", f"{public}/api/docs"),
            ("Health", f"{public}/api/health"),
        ]

    # -- environment -------------------------------------------------------------------
    @property
    def app_url(self) -> str:
        return f"http://127.0.0.1:{self.app_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def run_dir(self) -> Path:
        return self.var_dir / "run"

    @property
    def log_dir(self) -> Path:
        return self.var_dir / "log"

    def env(self) -> dict[str, str]:
        """Environment every process of this stack shares."""
        env = {
            **os.environ,
            "VAR_DIR": str(self.var_dir),
            "APP_PORT": str(self.app_port),
            "PUBLIC_URL": os.environ.get("PUBLIC_URL", f"http://localhost:{self.app_port}"),
            "RASA_URL": self.rasa_url,
            "ACTION_SERVER_URL": f"http://127.0.0.1:{self.actions_port}",
            "BOOKING_API_URL": f"http://127.0.0.1:{self.app_port}/api",
            # Ingest refuses local addresses; the demo site is served by this app on one.
            "INGEST_ALLOWED_HOSTS": ",".join(
                filter(
                    None,
                    [
                        os.environ.get("INGEST_ALLOWED_HOSTS", ""),
                        f"localhost:{self.app_port}",
                        f"127.0.0.1:{self.app_port}",
                    ],
                )
            ),
            "RASA_TELEMETRY_ENABLED": "false",
            "REFLEX_CHECK_LATEST_VERSION": "false",
            "REFLEX_USE_SYSTEM_BUN": "1",
            # No prerendering at build time: it times out on a busy machine and the pages
            # are dynamic anyway.
            "REFLEX_SSR": "false",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
            "PYTHONUNBUFFERED": "1",
            "PATH": f"{TOOLS_BIN}:{ROOT / '.venv' / 'bin'}:{os.environ.get('PATH', '')}",
        }
        env.update(self.extra_env)
        env[CHECKOUT_MARK] = str(ROOT)
        return env

    def _settings_value(self, name: str) -> str | None:
        """A setting as the app would see it (environment, then .env)."""
        value = self._settings().get(name)
        return None if value in (None, "") else str(value)

    def _settings(self) -> dict[str, object]:
        """Every setting, read once by the main venv's `Settings` in one subprocess."""
        if self._settings_cache is None:
            code = "from app.core.settings import get_settings; print(get_settings().model_dump_json())"
            out = subprocess.run(
                [str(MAIN_PY), "-c", code],
                cwd=ROOT,
                env=self.env(),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            self._settings_cache = json.loads(out.strip().splitlines()[-1])
        return self._settings_cache

    # -- preparation ---------------------------------------------------------------------
    def prepare(self, *, quiet: bool = False) -> str | None:
        """Migrate + seed + first admin, train if needed, ingest the demo site.

        Returns the admin login line when a password was generated by this call (shown once)."""
        self.var_dir.mkdir(parents=True, exist_ok=True)
        say("Preparing the database (migrations, demo business, first admin)")
        credentials = self.var_dir / "admin-credentials.txt"
        had_credentials = credentials.exists()
        self._run_main(["-m", "app.cli", "init", "--credentials-file", str(credentials)], quiet)
        self.model = ensure_model(quiet=quiet)
        self.index_demo_site(quiet=quiet)
        self.build_web(quiet=quiet)
        self.write_endpoints()
        self.write_supervisor_config()
        if credentials.exists() and not had_credentials:
            return credentials.read_text().strip()  # generated just now: shown this once
        return None

    def index_demo_site(self, *, quiet: bool) -> None:
        """Ingest demo/site, unless neither its files nor its public URL changed since last time."""
        if not DEMO_SITE.exists():
            return
        base_url = f"{self.env()['PUBLIC_URL']}/demo-site/"
        from ingest.version import pipeline_version

        digest = hashlib.sha256((base_url + pipeline_version()).encode())
        for path in sorted(DEMO_SITE.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(DEMO_SITE)).encode() + path.read_bytes())
        stamp = self.var_dir / "demo-site.indexed"
        if stamp.exists() and stamp.read_text() == digest.hexdigest():
            return  # saves loading the embedding model just to find nothing changed
        say("Indexing the demo website (only changed pages are embedded)")
        # FAQ and policy pages go to their own collections.
        self._run_main(["-m", "ingest", "add", str(DEMO_SITE), "--base-url", base_url], quiet)
        stamp.write_text(digest.hexdigest())

    def build_web(self, *, quiet: bool) -> None:
        """Compile and build the web app's pages, which `scripts/web_server.py` then serves.

        Done here, once, rather than by the supervised program: a restart after a crash then
        only starts a server (seconds) instead of rebuilding the frontend (a minute or more).
        Skipped when the build's inputs (`web_build_hash`) are those of the build in place.
        The stack serves its own copy of the build (`_take_pages`).
        """
        if self.web_mode != "reflex":
            return
        digest = web_build_hash(self.env())
        if web_build_needed(digest):
            self._build_web(digest)
        self._take_pages()

    def _take_pages(self) -> None:
        """Copy the built pages to this stack's own folder, which its web server serves.

        The build lives in the checkout's `.web/` and bakes in the stack's addresses, so a
        build for another stack (a test stack, `make up-prod`) would otherwise change the
        pages under a running one. A copy of 17 MB, in well under a second."""
        target = self.run_dir / "web" / WEB_BUILD_DIR.relative_to(ROOT / ".web")
        staging = target.with_name("client.new")
        previous = target.with_name("client.old")
        for leftover in (staging, previous):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.copytree(WEB_BUILD_DIR, staging)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)

    def _build_web(self, digest: str) -> None:
        WEB_BUILD_STAMP.unlink(missing_ok=True)  # an interrupted build must not look current
        say("Building the web app (about a minute)")
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_dir / "web-build.log"
        command = [str(ROOT / ".venv" / "bin" / "reflex"), "export", "--frontend-only"]
        command += ["--no-zip", "--env", "prod", "--loglevel", "warning"]
        with log.open("w") as log_file:
            result = subprocess.run(
                command, cwd=ROOT, env=self.env(), stdout=log_file, stderr=subprocess.STDOUT
            )
        if result.returncode != 0:
            print(log.read_text()[-4000:], file=sys.stderr)
            raise SystemExit(f"building the web app failed (full log: {log})")
        # Hashed again: the build rewrites reflex.lock/ to what it installed. Both count as
        # this build's inputs (a `git checkout reflex.lock` must not cost a rebuild).
        after = web_build_hash(self.env())
        WEB_BUILD_STAMP.write_text("\n".join(dict.fromkeys([digest, after])) + "\n")

    def _run_main(self, args: list[str], quiet: bool) -> None:
        result = subprocess.run(
            [str(MAIN_PY), *args], cwd=ROOT, env=self.env(), capture_output=quiet, text=True
        )
        if result.returncode != 0:
            if quiet:
                print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"failed: python {' '.join(args)}")
        if quiet and result.stdout and "Admin login" in result.stdout:
            print(result.stdout.strip())

    def write_endpoints(self) -> Path:
        """Rasa endpoints: where conversations live, and how actions are called.

        Our write-behind tracker store (bot/addons/tracker_store.py): memory first, each turn's
        new events appended to the event log in batches off the reply's path; the event log is
        what analytics read and what a conversation reloads from. With Redis, the store also
        shares each turn's events through Redis, and Rasa's Redis lock store lets several Rasa
        processes (RASA_WORKERS) take turns on a conversation.
        """
        import yaml

        redis_url = self.env().get("REDIS_URL") or self._settings_value("redis_url")
        store: dict[str, object] = {
            "type": "addons.tracker_store.WriteBehindTrackerStore",
            "db_url": self._settings_value("rasa_events_url"),
            "flush_interval": float(self._settings_value("event_flush_seconds") or 0.2),
            "session_idle_minutes": int(self._settings_value("session_idle_minutes") or 60),
        }
        endpoints: dict[str, object] = {
            # Only the validation actions get the domain (they read the forms' slots).
            "action_endpoint": {
                "url": f"http://127.0.0.1:{self.actions_port}/webhook",
                "enable_selective_domain": True,
            },
            "tracker_store": store,
        }
        if redis_url:
            parts = urlsplit(redis_url)
            lock_store = {
                # Rasa's Redis lock store with atomic ticket changes (bot/addons/lock_store.py).
                "type": "addons.lock_store.AtomicRedisLockStore",
                "url": parts.hostname or "127.0.0.1",
                "port": parts.port or 6379,
                "db": int(parts.path.lstrip("/") or 0),
            }
            if parts.password:
                lock_store["password"] = parts.password
            endpoints["lock_store"] = lock_store  # Rasa keys it "lock:<sender>"
            store["redis_url"] = redis_url
        self.run_dir.mkdir(parents=True, exist_ok=True)
        path = self.run_dir / "endpoints.yml"
        path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
        return path

    def _programs(self) -> dict[str, str]:
        return {
            "rasa": self._rasa_command(self.rasa_port),
            "actions": self._actions_command(self.actions_port),
            "web": self._web_command(),
        }

    def _web_command(self) -> str:
        if self.web_mode == "reflex":
            return f"{MAIN_PY} -m scripts.web_server"  # serves what build_web built
        return (
            f"{ROOT / '.venv' / 'bin' / 'uvicorn'} --factory app.api.main:create_api "
            f"--host 127.0.0.1 --port {self.app_port} --log-level warning"
        )

    def _rasa_command(self, port: int, *, cors: str | None = "*") -> str:
        """Rasa on loopback; `cors=None` leaves CORS to the gateway (production)."""
        token = self.env().get("RASA_TOKEN") or self._settings_value("rasa_token")
        # `addons.serve`: the rasa command with per-call costs removed first (addons/patches.py).
        # Rasa logs through the project's PII masking (app/core/pii.py, so ROOT on its path).
        rasa_env = f"PYTHONPATH={ROOT}"
        workers = int(self._settings_value("rasa_workers") or 1)
        if workers > 1:
            # Rasa forks Sanic workers only with a Redis lock store (REDIS_URL).
            rasa_env += f" SANIC_WORKERS={workers}"
        rasa = (
            f"/usr/bin/env {rasa_env} {RASA_PY} -m addons.serve run --enable-api -i 127.0.0.1 "
            f"-p {port} --logging-config-file {ROOT / 'deploy' / 'rasa-logging.yml'} "
            f"--model {self.model} --endpoints {self.run_dir / 'endpoints.yml'} "
            f"--credentials {BOT_DIR / 'credentials.yml'}"
        )
        if cors:
            rasa += f" --cors '{cors}'"
        if token:
            rasa += f" --auth-token {token}"
        return rasa

    def _actions_command(self, port: int) -> str:
        return f"{MAIN_PY} -m scripts.action_server --actions actions -p {port}"

    def write_supervisor_config(self) -> Path:
        """supervisord: restart what crashes; its log says which process exited and how."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = ",".join(
            f'{k}="{v}"'
            for k, v in self.env().items()
            if k.isidentifier() and "%" not in v and '"' not in v and "\n" not in v
        )
        lines = [
            "[supervisord]",
            "nodaemon=true",
            f"logfile={self.log_dir / 'supervisord.log'}",
            f"pidfile={self.run_dir / 'supervisord.pid'}",
            "loglevel=info",
            "",
            "[unix_http_server]",
            f"file={self.run_dir / 'supervisor.sock'}",
            "",
            "[rpcinterface:supervisor]",
            "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
            "",
            "[supervisorctl]",
            f"serverurl=unix://{self.run_dir / 'supervisor.sock'}",
            "",
        ]
        for name, command in self._programs().items():
            cwd = BOT_DIR if name.startswith("rasa") else ROOT
            # Bound to supervisord's life: if supervisord is killed, its programs go with it
            # instead of running on unsupervised and holding their ports.
            bound = f"{MAIN_PY} {ROOT / 'scripts' / 'stack.py'} exec-bound -- {command}"
            lines += [
                f"[program:{name}]",
                f"command={bound}",
                f"directory={cwd}",
                f"environment={env}",
                "autostart=true",
                "autorestart=true",
                "startsecs=3",
                "startretries=10",
                "stopasgroup=true",
                "killasgroup=true",
                "stopwaitsecs=15",
                f"stdout_logfile={self.log_dir / (name + '.log')}",
                "redirect_stderr=true",
                "stdout_logfile_maxbytes=10MB",
                "",
            ]
        path = self.run_dir / "supervisord.conf"
        path.write_text("\n".join(lines))
        return path

    # -- running -------------------------------------------------------------------------
    def start(self) -> None:
        """Start supervisord (and with it every program) in the background of this process."""
        conf = self.run_dir / "supervisord.conf"
        # Who runs this stack: while it lives, the stack's processes are not orphans.
        me = psutil.Process()
        (self.run_dir / "controller.pid").write_text(f"{me.pid} {me.create_time()}\n")
        self._supervisord = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "supervisord"), "-c", str(conf)],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def ctl(self, *args: str) -> str:
        """Run supervisorctl against this stack (e.g. ctl('stop', 'rasa'))."""
        result = subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "supervisorctl"),
                "-c",
                str(self.run_dir / "supervisord.conf"),
                *args,
            ],
            capture_output=True,
            text=True,
        )
        return result.stdout + result.stderr

    def stop_program(self, name: str) -> None:
        self.ctl("stop", name)

    def start_program(self, name: str) -> None:
        self.ctl("start", name)

    def health(self, token: str | None = None) -> tuple[int, dict]:
        """Public health (up or down per part), or with an admin's token the details (why)."""
        try:
            if token:
                response = httpx.get(
                    f"{self.app_url}/api/health/details",
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=10,
                )
            else:
                response = httpx.get(f"{self.app_url}/api/health", timeout=10)
            return response.status_code, response.json()
        except (httpx.HTTPError, ValueError) as exc:
            return 0, {"status": "down", "parts": {"web": {"status": "down", "reason": str(exc)}}}

    def wait_healthy(self, timeout: float = 600, *, verbose: bool = True) -> dict:
        """Poll /api/health until every part is up; show what is still starting."""
        deadline = time.monotonic() + timeout
        last_report = ""
        next_status = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._supervisord is not None and self._supervisord.poll() is not None:
                raise RuntimeError(f"supervisord exited; see {self.log_dir / 'supervisord.log'}")
            if time.monotonic() > next_status:  # a program supervisord gave up on never comes
                self._raise_if_given_up()
                next_status = time.monotonic() + 10
            code, body = self.health()
            if code == 200:
                return body
            waiting = sorted(
                name for name, part in body.get("parts", {}).items() if part.get("status") != "up"
            )
            report = "waiting for: " + ", ".join(waiting or ["web"])
            if verbose and report != last_report:
                say(report)
                last_report = report
            time.sleep(2)
        raise TimeoutError(
            f"not healthy after {timeout:.0f} s: {self.health()[1]}; logs in {self.log_dir}"
        )

    def _raise_if_given_up(self) -> None:
        """Fail with the program's last log lines when supervisord has given up restarting it."""
        for line in self.ctl("status").splitlines():
            name, _, rest = line.partition(" ")
            if rest.split()[:1] == ["FATAL"] and name.startswith(PROGRAMS):
                log = self.log_dir / f"{name}.log"
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-20:])
                raise RuntimeError(
                    f"{name} keeps failing to start; supervisord gave up. Last lines of {log}:\n"
                    f"{tail}"
                )

    def warm_up(self) -> None:
        """Ask one question so the first visitor does not wait for models to load."""
        # A slow or failed first answer is not fatal: health has already passed.
        with contextlib.suppress(httpx.HTTPError):
            httpx.post(
                f"{self.rasa_url}/webhooks/rest/webhook",
                json={"sender": "warm-up", "message": "What are your opening hours?"},
                timeout=120,
            )

    def shutdown(self) -> None:
        """Stop supervisord (which stops every program), then anything of this stack still left."""
        if self._supervisord is not None:
            if self._supervisord.poll() is None:
                self._supervisord.send_signal(signal.SIGTERM)
                try:
                    self._supervisord.wait(timeout=40)
                except subprocess.TimeoutExpired:
                    os.killpg(self._supervisord.pid, signal.SIGKILL)
                    self._supervisord.wait()
            self._supervisord = None
        self.stop_leftovers(quiet=True)

    # -- processes of this checkout ------------------------------------------------------
    @property
    def ports(self) -> tuple[int, ...]:
        return (self.app_port, self.rasa_port, self.actions_port)

    def leftovers(self) -> list[tuple[psutil.Process, str]]:
        """Processes to stop before this stack starts (or when it is brought down).

        - every process a Stack of this checkout started for this var/ directory;
        - orphans of other var/ directories of this checkout: neither the controller that
          started them (`make up`, a test session) nor their supervisord runs any more, so
          nothing will ever stop them (a stack that still has its supervisord is left alone:
          its own `make down` stops it);
        - a process holding one of this stack's ports whose working directory or command line
          lies inside this checkout (started by code older than the environment mark).
        Anything else, in particular a port held by a process of another checkout, is left
        alone: `port_owners` names it and `up` refuses to start.
        """
        spared = {os.getpid(), *(p.pid for p in psutil.Process().parents())}
        found: dict[int, tuple[psutil.Process, str]] = {}
        var_dir = self.var_dir.resolve()
        for process, its_var_dir in checkout_processes():
            if process.pid in spared:
                continue
            if its_var_dir == var_dir:
                found[process.pid] = (process, "of this stack")
            elif controller(its_var_dir) is None and supervisor(its_var_dir) is None:
                found[process.pid] = (process, f"orphaned, from a stack in {its_var_dir}")
        running = controller(var_dir)
        with contextlib.suppress(psutil.Error):
            command = running.cmdline() if running else []
            if (
                running
                and running.pid not in spared
                and {"scripts.stack", "scripts.prod"} & {*command}
            ):
                found[running.pid] = (running, "the `make up` running this stack")
        for port, process in port_owners(self.ports).items():
            if process is not None and process.pid not in found and process.pid not in spared:
                if inside_checkout(process):
                    found[process.pid] = (process, f"holds port {port}")
        return list(found.values())

    def stop_leftovers(
        self, *, quiet: bool = False, heading: str = "left by an earlier run of this checkout"
    ) -> int:
        """Stop what `leftovers` finds: supervisord gently first, then the rest. Returns how many."""
        found = self.leftovers()
        if not found:
            return 0
        if not quiet:
            say(f"Stopping {len(found)} process(es) {heading}:")
            for process, why in found:
                print(f"    {why}: {describe(process)}", flush=True)
        processes = [process for process, _ in found]
        # A running `make up` first (it stops its own stack, as Ctrl-C would), then supervisord
        # (SIGTERM makes it stop each program's process group), then whatever is left.
        controllers = [p for p, why in found if why.startswith("the `make up`")]
        supervisors = [p for p in processes if is_supervisord(p) and p not in controllers]
        terminate(controllers, timeout=60)
        terminate(supervisors, timeout=30)
        terminate([p for p in processes if p not in controllers + supervisors], timeout=10)
        return len(found)


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


def exec_bound(command: list[str]) -> None:
    """Become `command`, bound to the parent's life: when supervisord dies, SIGTERM reaches us.

    PR_SET_PDEATHSIG survives execve, so the program keeps the binding; it only needs to be
    one process (or bind its own children), which every program here is. Linux only; other
    systems just run the command.
    """
    if sys.platform.startswith("linux"):
        parent = os.getppid()
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the binding took hold
            raise SystemExit("supervisord is gone; not starting")
    os.execvp(command[0], command)


def up(stack: Stack | None = None) -> int:
    """`make up`: prepare, start, wait until healthy, print where to click; Ctrl-C stops all.

    `make up-prod` runs the same with a `scripts.prod.ProdStack`."""
    stack = stack or default_stack()
    stack.stop_leftovers()
    busy = port_owners(stack.ports)
    if busy:
        for port, owner in busy.items():
            print(f"error: port {port} is in use by {describe(owner)}", file=sys.stderr)
        print(f"Stop what uses them, or set {stack.port_settings} to free ports.", file=sys.stderr)
        return 1
    ensure_env_file(tokens=stack.env_tokens)
    login = stack.prepare()
    say(f"Starting {stack.description} under supervisord (logs: {stack.log_dir})")
    stack.start()
    interrupted = False

    def _stop(*_args: object) -> None:
        nonlocal interrupted
        if interrupted:
            return  # already stopping; a second signal must not break the shutdown
        interrupted = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        stack.wait_healthy()
        # Everything answers: the URLs are shown now, and the first question that loads the
        # language models (a few seconds) is asked meanwhile rather than before.
        threading.Thread(target=stack.warm_up, name="warm-up", daemon=True).start()
        admin_email = stack._settings_value("admin_email")
        print()
        print(f"\033[1;32m{stack.running_banner}\033[0m")
        for label, url in stack.urls():
            print(f"  {label + ':':<21}{url}")
        if login:
            print(f"  {login}")
        elif stack._settings_value("admin_password"):
            print(f"  Admin login: {admin_email} / (ADMIN_PASSWORD from your environment)")
        else:
            kept = stack.var_dir / "admin-credentials.txt"
            where = f"generated on first start, kept in {kept}" if kept.exists() else "set earlier"
            print(f"  Admin login: {admin_email} (password {where})")
            print(f"  Forgot it? .venv/bin/python -m app.cli create-admin {admin_email} --reset")
        print("Press Ctrl-C to stop everything.")
        while stack._supervisord and stack._supervisord.poll() is None:
            time.sleep(1)
        say(f"supervisord stopped (`make down`, or see {stack.log_dir / 'supervisord.log'})")
        return 1
    except KeyboardInterrupt:
        interrupted = True
        print()
        say("Stopping every process")
        return 0
    except (RuntimeError, TimeoutError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        say("Stopping every process")
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stack.shutdown()


def default_stack() -> Stack:
    """The stack `make up` and `make down` mean: ports and var/ from the environment."""
    return Stack(
        var_dir=Path(os.environ.get("VAR_DIR") or ROOT / "var"),
        app_port=int(os.environ.get("APP_PORT", "3000")),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        actions_port=int(os.environ.get("ACTIONS_PORT", "5055")),
    )


def down() -> int:
    """Stop every process of this checkout's stack, whatever state it is in (a running
    `make up`, a stack left after a lost terminal, programs orphaned by a killed supervisord)."""
    from scripts.prod import prod_stack

    # The production stack first: its supervisord stops its programs in order, before the
    # port check of the other stack could find them (both may use the same ports).
    stopped = prod_stack().stop_leftovers(heading="of this checkout's production stack")
    stopped += default_stack().stop_leftovers(heading="of this checkout's stack")
    if not stopped:
        print("nothing running")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.stack")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("up", help="prepare and run everything (foreground)")
    sub.add_parser("down", help="stop a running stack")
    sub.add_parser("train", help="train the Rasa model if the bot's data changed")
    sub.add_parser("model-path", help="print the current model's path (training if needed)")
    bound = sub.add_parser("exec-bound", help="run a command that dies with its parent")
    bound.add_argument("program", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.command == "exec-bound":
        program = args.program[1:] if args.program[:1] == ["--"] else args.program
        exec_bound(program)
    if args.command == "up":
        return up()
    if args.command == "down":
        return down()
    model = ensure_model()
    if args.command == "model-path":
        print(model)
    return 0


if __name__ == "__main__":
    if not shutil.which("supervisord", path=str(ROOT / ".venv" / "bin")):
        raise SystemExit("run `make up` (the main venv is missing)")
    raise SystemExit(main())
