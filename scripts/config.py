"""Stack configuration: the `.env` secrets, the environment every process of a stack shares,
the settings as the app reads them, Rasa's endpoints and supervisord's configuration."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from cryptography.fernet import Fernet

from scripts.checkout import (
    BOT_DIR,
    CHECKOUT_MARK,
    MAIN_PY,
    RASA_PY,
    ROOT,
    TOOLS_BIN,
    say,
)

EXEC_BOUND = ROOT / "scripts" / "exec_bound.py"


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
class StackConfig:
    """How one instance of the product is configured: its ports, its var/ directory, the
    environment its processes share, the settings they see, and the files that tell Rasa
    (endpoints) and supervisord (programs) what to run. Running it is `scripts.control.Stack`.

    `model`, the Rasa model the programs serve, is set by `Stack.prepare`.
    """

    var_dir: Path = ROOT / "var"
    app_port: int = 3000
    rasa_port: int = 5005
    actions_port: int = 5055
    extra_env: dict[str, str] = field(default_factory=dict)
    web_mode: str = "reflex"  # reflex (pages + API) or api (uvicorn, API only: conversation tests)
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

    @property
    def ports(self) -> tuple[int, ...]:
        return (self.app_port, self.rasa_port, self.actions_port)

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

    def setting(self, name: str) -> str | None:
        """A setting as the app would see it (environment, then .env); None when empty."""
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

    # -- what runs: Rasa's endpoints, supervisord's programs --------------------------------
    def write_endpoints(self) -> Path:
        """Rasa endpoints: where conversations live, and how actions are called.

        Our write-behind tracker store (bot/addons/tracker_store.py): memory first, each turn's
        new events appended to the event log in batches off the reply's path; the event log is
        what analytics read and what a conversation reloads from. With Redis, the store also
        shares each turn's events through Redis, and Rasa's Redis lock store lets several Rasa
        processes (RASA_WORKERS) take turns on a conversation.
        """
        import yaml

        redis_url = self.env().get("REDIS_URL") or self.setting("redis_url")
        store: dict[str, object] = {
            "type": "addons.tracker_store.WriteBehindTrackerStore",
            "db_url": self.setting("rasa_events_url"),
            "flush_interval": float(self.setting("event_flush_seconds") or 0.2),
            "session_idle_minutes": int(self.setting("session_idle_minutes") or 60),
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
        token = self.env().get("RASA_TOKEN") or self.setting("rasa_token")
        # `addons.serve`: the rasa command with per-call costs removed first (addons/patches.py).
        # Rasa logs through the project's PII masking (app/core/pii.py, so ROOT on its path).
        rasa_env = f"PYTHONPATH={ROOT}"
        workers = int(self.setting("rasa_workers") or 1)
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
            bound = f"{MAIN_PY} {EXEC_BOUND} {command}"
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
