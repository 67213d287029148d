"""`make up-prod`: the production topology on one machine, under the same supervisord as `make up`.

- the machine's PostgreSQL and Redis (`DATABASE_URL`, `REDIS_URL`; the local ones by default,
  the database created when missing);
- two Rasa servers sharing conversations through the Redis tracker store and taking turns on
  each one through the Redis lock store; Rasa's HTTP API needs RASA_TOKEN (a random one is
  written to `.env`), and CORS is the gateway's job (no `--cors '*'`);
- two action servers. Rasa's endpoints take one action-server URL, so both Rasa servers call a
  pool on loopback (nginx, `ACTIONS_POOL_PORT`) that spreads the calls over the two action
  servers and skips one that is down: a dead action server then costs nothing, where giving
  each Rasa server its own action server would make one dead action server break half the
  conversations;
- the web app (Reflex, with its Redis state manager since REDIS_URL is set), calling Rasa
  through a second loopback pool (`RASA_POOL_PORT`);
- nginx (from the OS packages, installed when missing) as the gateway on
  `https://127.0.0.1:8443` (`GATEWAY_PORT`), its configuration rendered from
  `deploy/nginx/gateway.conf.template`, with a self-signed certificate made on first start.

Every server but the gateway listens on 127.0.0.1 only. `make down` stops it all.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from scripts.checkout import ROOT, say
from scripts.control import Stack, up
from scripts.gateway import DEPLOY_NGINX, GATEWAY_TEMPLATE, render_deploy, render_gateway_config

DEFAULT_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/chatbot"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")


def _configured(name: str) -> str | None:
    """A setting from the environment, else from `.env` (as the app reads it)."""
    if os.environ.get(name, "").strip():
        return os.environ[name].strip()
    from dotenv import dotenv_values

    value = dotenv_values(ROOT / ".env").get(name) if (ROOT / ".env").exists() else None
    return value.strip() if value and value.strip() else None


def find_nginx() -> str | None:
    found = shutil.which("nginx")
    if found:
        return found
    return next((path for path in NGINX_CANDIDATES if os.access(path, os.X_OK)), None)


def ensure_nginx() -> str:
    """nginx's path; installed from the OS packages (apt-get) when missing."""
    found = find_nginx()
    if found:
        return found
    if not shutil.which("apt-get"):
        raise SystemExit("nginx not found; install it from your OS packages (e.g. nginx)")
    command = ["apt-get", "install", "-y", "-qq", "nginx"]
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            raise SystemExit("nginx not found; install it: sudo apt-get install nginx")
        command = ["sudo", *command]
    say("Installing nginx from the OS packages (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(command, env=env).returncode != 0:
        # A stale package list is the usual reason; refresh it once and retry.
        update = [*command[: command.index("install")], "update", "-qq"]
        subprocess.run(update, env=env)
        subprocess.run(command, env=env, check=True)
    found = find_nginx()
    if not found:
        raise SystemExit("nginx was installed but is not on PATH")
    return found


def ensure_certificate(cert: Path, key: Path) -> None:
    """A self-signed certificate for localhost, made once (kept across starts)."""
    if cert.exists() and key.exists():
        return
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    say(f"Making a self-signed TLS certificate for the gateway ({cert})")
    private_key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=825))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                    x509.IPAddress(ipaddress.ip_address("::1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(private_key, hashes.SHA256())
    )
    cert.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(
        private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key.chmod(0o600)
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def _others_can_enter(path: Path) -> bool:
    """Whether every folder down to `path` lets other users through (o+x)."""
    return all(
        folder.stat().st_mode & 0o001 for folder in [path.resolve(), *path.resolve().parents]
    )


@dataclass
class ProdStack(Stack):
    """The production topology. `rasa_port` and `actions_port` (what the app and Rasa's
    endpoints call) are the loopback pools; the servers behind them listen on `rasa_ports`
    and `actions_ports`."""

    rasa_ports: tuple[int, ...] = (5006, 5007)
    actions_ports: tuple[int, ...] = (5056, 5057)
    gateway_port: int = 8443
    gateway_host: str = "0.0.0.0"  # the one port meant for the outside

    description = "2 Rasa servers, 2 action servers, the web app and the nginx gateway"
    running_banner = "The chatbot is running in the production topology."
    port_settings = (
        "GATEWAY_PORT / APP_PORT / RASA_PORT (pool) / RASA_PORTS / ACTIONS_PORT (pool) / "
        "ACTIONS_PORTS"
    )
    env_tokens = ("RASA_TOKEN",)

    # -- where ------------------------------------------------------------------------------
    @property
    def gateway_url(self) -> str:
        """What a browser on this machine opens.

        127.0.0.1, not `localhost`: for a page served over https from `localhost` (or
        0.0.0.0), Reflex's frontend drops the port from the backend's address, assuming a
        load balancer on 443, and the widget's websocket would go to wss://localhost/_event.
        (A real PUBLIC_URL names the business's host and is used as it is.)"""
        return f"https://127.0.0.1:{self.gateway_port}"

    @property
    def gateway_local_url(self) -> str:
        """What this process calls to check the gateway (no name resolution, IPv4)."""
        return f"https://127.0.0.1:{self.gateway_port}"

    @property
    def tls_cert(self) -> Path:
        return self.var_dir / "tls" / "gateway.crt"

    @property
    def tls_key(self) -> Path:
        return self.var_dir / "tls" / "gateway.key"

    @property
    def nginx_dir(self) -> Path:
        return self.run_dir / "nginx"

    @property
    def ports(self) -> tuple[int, ...]:
        return (
            self.app_port,
            self.rasa_port,
            self.actions_port,
            *self.rasa_ports,
            *self.actions_ports,
            self.gateway_port,
        )

    def env(self) -> dict[str, str]:
        env = super().env()
        public = os.environ.get("PUBLIC_URL") or self.gateway_url
        production = {
            "ENVIRONMENT": "production",
            "DATABASE_URL": _configured("DATABASE_URL") or DEFAULT_DATABASE_URL,
            "REDIS_URL": _configured("REDIS_URL") or DEFAULT_REDIS_URL,
            "PUBLIC_URL": public,
            # The app believes X-Forwarded-For only from the gateway, which connects from here.
            "TRUSTED_PROXIES": "127.0.0.1/32,::1/128",
            # The pages call the backend (websocket, uploads) through the gateway...
            "REFLEX_API_URL": public,
            "REFLEX_DEPLOY_URL": public,
            # ... and nothing but the gateway listens beyond loopback.
            "REFLEX_BACKEND_HOST": "127.0.0.1",
            "SANIC_HOST": "127.0.0.1",
            "RASA_WORKERS": "1",  # two Rasa servers instead of forks
        }
        for name, value in production.items():
            if name not in self.extra_env:
                env[name] = value
        return env

    # -- preparation --------------------------------------------------------------------------
    def prepare(self, *, quiet: bool = False) -> str | None:
        self.nginx = ensure_nginx()  # the database is created, if missing, by Stack.prepare
        self._check_redis()
        ensure_certificate(self.tls_cert, self.tls_key)
        self.write_gateway_config()
        return super().prepare(quiet=quiet)

    def _check_redis(self) -> None:
        import redis

        url = self.env()["REDIS_URL"]
        try:
            redis.Redis.from_url(url, socket_connect_timeout=3).ping()
        except Exception as exc:  # noqa: BLE001
            raise SystemExit(f"Redis at {url} is unreachable: {exc}") from None

    def gateway_values(self) -> dict[str, object]:
        return {
            "RUN_DIR": self.nginx_dir,
            "LOG_DIR": self.log_dir,
            "DEPLOY_DIR": DEPLOY_NGINX,
            "WEB_SERVER": f"127.0.0.1:{self.app_port}",
            "RASA_SERVER_1": f"127.0.0.1:{self.rasa_ports[0]}",
            "RASA_SERVER_2": f"127.0.0.1:{self.rasa_ports[1]}",
            "ACTIONS_SERVER_1": f"127.0.0.1:{self.actions_ports[0]}",
            "ACTIONS_SERVER_2": f"127.0.0.1:{self.actions_ports[1]}",
            "POOL_HOST": "127.0.0.1",
            "RASA_POOL_PORT": self.rasa_port,
            "ACTIONS_POOL_PORT": self.actions_port,
            "GATEWAY_HOST": self.gateway_host,
            "GATEWAY_PORT": self.gateway_port,
            "TLS_CERT": self.tls_cert,
            "TLS_KEY": self.tls_key,
        }

    def write_gateway_config(self) -> Path:
        """Render deploy/nginx/gateway.conf.template and check it with `nginx -t`."""
        self.nginx_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0 and not _others_can_enter(self.nginx_dir):
            # Started by root, nginx's workers run as `nobody` and buffer large request
            # bodies in files under this directory.
            raise SystemExit(
                f"{self.nginx_dir}: nginx's workers (user nobody) cannot reach it; "
                "run from a checkout whose folders others may enter (chmod o+x), or not as root"
            )
        self.log_dir.mkdir(parents=True, exist_ok=True)
        path = self.nginx_dir / "gateway.conf"
        text = render_gateway_config(GATEWAY_TEMPLATE.read_text(), self.gateway_values())
        path.write_text(text)
        check = subprocess.run(
            [self.nginx, *self._nginx_args(), "-t", "-q"], capture_output=True, text=True
        )
        if check.returncode != 0:
            raise SystemExit(f"the gateway's configuration is invalid ({path}):\n{check.stderr}")
        return path

    def _nginx_args(self) -> list[str]:
        return [
            "-p",
            str(self.nginx_dir),
            "-c",
            str(self.nginx_dir / "gateway.conf"),
            "-e",
            str(self.log_dir / "gateway-error.log"),
        ]

    def _programs(self) -> dict[str, str]:
        programs: dict[str, str] = {}
        for number, port in enumerate(self.rasa_ports, 1):
            programs[f"rasa{number}"] = self._rasa_command(port, cors=None)
        for number, port in enumerate(self.actions_ports, 1):
            programs[f"actions{number}"] = self._actions_command(port)
        programs["web"] = self._web_command()
        programs["gateway"] = " ".join([self.nginx, *self._nginx_args()])
        return programs

    # -- running ------------------------------------------------------------------------------
    def health(self, token: str | None = None) -> tuple[int, dict]:
        """Health as the outside sees it: through the gateway."""
        url = f"{self.gateway_local_url}/api/health" + ("/details" if token else "")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = httpx.get(url, headers=headers, timeout=10, verify=False)
            return response.status_code, response.json()
        except (httpx.HTTPError, ValueError) as exc:
            reason = str(exc) or type(exc).__name__
            return 0, {"status": "down", "parts": {"gateway": {"status": "down", "reason": reason}}}

    def wait_healthy(self, timeout: float = 600, *, verbose: bool = True) -> dict:
        """Healthy through the gateway (the pools answer), then each server behind the pools."""
        deadline = time.monotonic() + timeout
        body = super().wait_healthy(timeout, verbose=verbose)
        servers = {f"rasa{n}": f"http://127.0.0.1:{p}/" for n, p in enumerate(self.rasa_ports, 1)}
        servers |= {
            f"actions{n}": f"http://127.0.0.1:{p}/health"
            for n, p in enumerate(self.actions_ports, 1)
        }
        waiting = dict(servers)
        reported = ""
        while waiting:
            for name, url in list(waiting.items()):
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(url, timeout=5).status_code == 200:
                        del waiting[name]
            if not waiting:
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"not up after {timeout:.0f} s: {', '.join(sorted(waiting))}")
            report = "waiting for: " + ", ".join(sorted(waiting))
            if verbose and report != reported:
                say(report)
                reported = report
            self._raise_if_given_up()
            time.sleep(2)
        return body

    def warm_up(self) -> None:
        """One question per Rasa server, so neither makes the first visitor wait."""
        for port in self.rasa_ports:
            with contextlib.suppress(httpx.HTTPError):
                httpx.post(
                    f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                    json={"sender": f"warm-up-{port}", "message": "What are your opening hours?"},
                    timeout=120,
                )

    def urls(self) -> list[tuple[str, str]]:
        public = self.env()["PUBLIC_URL"]
        return [
            ("Widget (try it)", f"{public}/widget"),
            ("Admin dashboard", f"{public}/admin"),
            ("Chat webhook", f"{public}/webhooks/rest/webhook"),
            ("Health", f"{public}/api/health"),
            ("TLS certificate", f"{self.tls_cert} (self-signed: trust it or accept the warning)"),
            ("Logs", str(self.log_dir)),
        ]


def _ports(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    value = os.environ.get(name, "").strip()
    return tuple(int(p) for p in value.split(",")) if value else default


def prod_stack() -> ProdStack:
    """The stack `make up-prod` means: ports and var/ from the environment."""
    return ProdStack(
        var_dir=Path(os.environ.get("PROD_VAR_DIR") or ROOT / "var" / "prod"),
        app_port=int(os.environ.get("APP_PORT", "3000")),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        actions_port=int(os.environ.get("ACTIONS_PORT", "5055")),
        rasa_ports=_ports("RASA_PORTS", (5006, 5007)),
        actions_ports=_ports("ACTIONS_PORTS", (5056, 5057)),
        gateway_port=int(os.environ.get("GATEWAY_PORT", "8443")),
        gateway_host=os.environ.get("GATEWAY_HOST", "0.0.0.0"),
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["render-deploy"]:
        render_deploy()
        return 0
    if args != ["up"]:
        print(
            "usage: python -m scripts.prod up   (stop it with `make down`)\n"
            "       python -m scripts.prod render-deploy   (the gateway for compose and k8s)",
            file=sys.stderr,
        )
        return 2
    return up(prod_stack())


if __name__ == "__main__":
    raise SystemExit(main())
