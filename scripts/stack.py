"""Run the whole product: prepare (database, model, content), then Rasa, the action server and
the Reflex app under supervisord, which restarts a crashed process and logs which one and why.

`python -m scripts.stack up` is what `make up` runs (foreground; Ctrl-C stops everything).
Tests use the `Stack` class directly on their own ports and their own `var/` directory.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[1]
MAIN_PY = ROOT / ".venv" / "bin" / "python"
RASA_BIN = ROOT / "bot" / ".venv" / "bin" / "rasa"
TOOLS_BIN = ROOT / "tools" / "node_modules" / ".bin"
BOT_DIR = ROOT / "bot"
MODELS_DIR = BOT_DIR / "models"
DEMO_SITE = ROOT / "demo" / "site"
PROGRAMS = ("rasa", "actions", "web")


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


def ensure_env_file(env_file: Path = ROOT / ".env") -> None:
    """Give `.env` a random SECRET_KEY and ENCRYPTION_KEY where it has none or an empty one.

    Keys already set in `.env` or in the environment are kept: changing them would sign
    everyone out and make stored contact details unreadable.
    """
    generators = {
        "SECRET_KEY": lambda: secrets.token_urlsafe(48),
        "ENCRYPTION_KEY": lambda: Fernet.generate_key().decode(),
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


def _sql_store(url: str, kind: str) -> dict[str, object]:
    """Rasa SQL tracker store / event broker settings from a SQLAlchemy URL."""
    if url.startswith("sqlite"):
        return {"type": kind, "dialect": "sqlite", "db": url.split(":///", 1)[1]}
    parts = urlsplit(url)
    return {
        "type": kind,
        "dialect": "postgresql",
        "url": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "username": parts.username or "postgres",
        "password": parts.password or "",
        "db": parts.path.lstrip("/"),
    }


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
        return env

    def _settings_value(self, name: str) -> str | None:
        """A setting as the app would see it (environment, then .env)."""
        code = f"from app.core.settings import get_settings; print(get_settings().{name} or '')"
        out = subprocess.run(
            [str(MAIN_PY), "-c", code],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out or None

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
        digest = hashlib.sha256(base_url.encode())
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
        """Rasa endpoints: SQL tracker store + SQL event broker (embedded) or Redis (production)."""
        import yaml

        redis_url = self.env().get("REDIS_URL") or self._settings_value("redis_url")
        events_url = self._settings_value("rasa_events_url")
        endpoints: dict[str, object] = {
            "action_endpoint": {"url": f"http://127.0.0.1:{self.actions_port}/webhook"},
            "event_broker": _sql_store(events_url, "SQL"),
        }
        if redis_url:
            parts = urlsplit(redis_url)
            redis_conf = {
                "url": parts.hostname or "127.0.0.1",
                "port": parts.port or 6379,
                "db": int(parts.path.lstrip("/") or 0),
            }
            if parts.password:
                redis_conf["password"] = parts.password
            # Rasa keys them "tracker:<sender>" and "lock:<sender>" by default.
            endpoints["tracker_store"] = {"type": "redis", **redis_conf}
            endpoints["lock_store"] = {"type": "redis", **redis_conf}
        else:
            endpoints["tracker_store"] = _sql_store(
                f"sqlite:///{self.var_dir / 'rasa_tracker.db'}", "SQL"
            )
        self.run_dir.mkdir(parents=True, exist_ok=True)
        path = self.run_dir / "endpoints.yml"
        path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
        return path

    def _programs(self) -> dict[str, str]:
        token = self.env().get("RASA_TOKEN") or self._settings_value("rasa_token")
        # Rasa logs through the project's PII masking (app/core/pii.py, so ROOT on its path).
        rasa = (
            f"/usr/bin/env PYTHONPATH={ROOT} {RASA_BIN} run --enable-api -i 127.0.0.1 "
            f"-p {self.rasa_port} --logging-config-file {ROOT / 'deploy' / 'rasa-logging.yml'} "
            f"--model {self.model} --endpoints {self.run_dir / 'endpoints.yml'} "
            f"--credentials {BOT_DIR / 'credentials.yml'} --cors '*'"
        )
        if token:
            rasa += f" --auth-token {token}"
        actions = f"{MAIN_PY} -m scripts.action_server --actions actions -p {self.actions_port}"
        if self.web_mode == "reflex":
            web = f"{ROOT / '.venv' / 'bin' / 'reflex'} run --env prod --loglevel warning"
        else:
            web = (
                f"{ROOT / '.venv' / 'bin' / 'uvicorn'} --factory app.api.main:create_api "
                f"--host 127.0.0.1 --port {self.app_port} --log-level warning"
            )
        return {"rasa": rasa, "actions": actions, "web": web}

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
            cwd = BOT_DIR if name == "rasa" else ROOT
            lines += [
                f"[program:{name}]",
                f"command={command}",
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

    def health(self) -> tuple[int, dict]:
        try:
            response = httpx.get(f"{self.app_url}/api/health", timeout=10)
            return response.status_code, response.json()
        except (httpx.HTTPError, ValueError) as exc:
            return 0, {"status": "down", "parts": {"web": {"status": "down", "reason": str(exc)}}}

    def wait_healthy(self, timeout: float = 600, *, verbose: bool = True) -> dict:
        """Poll /api/health until every part is up; show what is still starting."""
        deadline = time.monotonic() + timeout
        last_report = ""
        while time.monotonic() < deadline:
            if self._supervisord is not None and self._supervisord.poll() is not None:
                raise RuntimeError(f"supervisord exited; see {self.log_dir / 'supervisord.log'}")
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
        if self._supervisord is None:
            return
        if self._supervisord.poll() is None:
            self._supervisord.send_signal(signal.SIGTERM)
            try:
                self._supervisord.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self._supervisord.pid, signal.SIGKILL)
        self._supervisord = None


def _ports_free(*ports: int) -> list[int]:
    import socket

    busy = []
    for port in ports:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                busy.append(port)
    return busy


def up() -> int:
    """`make up`: prepare, start, wait until healthy, print where to click; Ctrl-C stops all."""
    ensure_env_file()
    stack = Stack(
        app_port=int(os.environ.get("APP_PORT", "3000")),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        actions_port=int(os.environ.get("ACTIONS_PORT", "5055")),
    )
    busy = _ports_free(stack.app_port, stack.rasa_port, stack.actions_port)
    if busy:
        print(
            f"error: port(s) {', '.join(map(str, busy))} already in use. Stop what uses them "
            "(`make down`, or `ss -ltnp`), or set APP_PORT / RASA_PORT / ACTIONS_PORT.",
            file=sys.stderr,
        )
        return 1
    login = stack.prepare()
    say(
        "Starting Rasa, the action server and the web app under supervisord "
        f"(logs: {stack.log_dir}; the first start builds the web app, about a minute)"
    )
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
        say("Warming up (loading the language models)")
        stack.warm_up()
        admin_email = stack._settings_value("admin_email")
        public = stack.env()["PUBLIC_URL"]
        print()
        print("\033[1;32mThe chatbot is running.\033[0m")
        print(f"  Widget (try it):     {public}/widget")
        print(f"  Demo customer site:  {public}/demo/")
        print(f"  Admin dashboard:     {public}/admin")
        print(f"  API docs:            {public}/api/docs")
        print(f"  Health:              {public}/api/health")
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
        return 1
    except KeyboardInterrupt:
        interrupted = True
        print()
        say("Stopping every process")
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stack.shutdown()


def down() -> int:
    """Stop a stack left running (e.g. after a lost terminal)."""
    pidfile = ROOT / "var" / "run" / "supervisord.pid"
    if not pidfile.exists():
        print("nothing running")
        return 0
    try:
        os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)
        print("stopping")
    except (ProcessLookupError, ValueError):
        print("nothing running")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.stack")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("up", help="prepare and run everything (foreground)")
    sub.add_parser("down", help="stop a running stack")
    sub.add_parser("train", help="train the Rasa model if the bot's data changed")
    sub.add_parser("model-path", help="print the current model's path (training if needed)")
    args = parser.parse_args(argv)
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
