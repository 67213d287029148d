"""The deploy files (deploy/docker-compose.yml, deploy/k8s/, deploy/Dockerfile) describe what
`make up-prod` runs, and are valid: every Kubernetes manifest against the schemas of a pinned
Kubernetes version (kubernetes-validate, strict: unknown fields fail), the compose file
against the compose-spec JSON schema shipped in check-jsonschema. Offline: both tools carry
their schemas. Neither file is run here (no Docker engine, no cluster); this is what stands
in for that, with the consistency checks below."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from app.core.settings import Settings
from scripts.checkout import ROOT
from scripts.control import Stack
from scripts.gateway import (
    COMPOSE_GATEWAY_CONF,
    CONTAINER_NGINX_DIR,
    DEPLOY_NGINX,
    K8S_GATEWAY_CONFIG,
    K8S_RASA_ENDPOINTS,
    RASA_ENDPOINTS,
    compose_gateway_text,
    k8s_endpoints_text,
    k8s_gateway_text,
)
from scripts.prod import ensure_certificate, find_nginx

K8S_VERSION = "1.33.0"  # the oldest Kubernetes the manifests are meant for
DEPLOY = ROOT / "deploy"
K8S_DIR = DEPLOY / "k8s"
COMPOSE_FILE = DEPLOY / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"


# -- loading -----------------------------------------------------------------------------------
def k8s_documents() -> list[tuple[str, dict[str, Any]]]:
    documents = []
    for path in sorted(K8S_DIR.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                documents.append(
                    (f"{path.name}: {document['kind']}/{document['metadata']['name']}", document)
                )
    return documents


def k8s(kind: str, name: str) -> dict[str, Any]:
    found = [d for _, d in k8s_documents() if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def compose_schema() -> dict[str, Any]:
    schema = resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    return json.loads(schema.read_text())


def endpoints_file() -> dict[str, Any]:
    return yaml.safe_load(RASA_ENDPOINTS.read_text())


def endpoints_variables() -> set[str]:
    """The environment variables the endpoints file's values name (`${VAR}`)."""
    values = [v for section in endpoints_file().values() for v in section.values()]
    found = {name for v in values if isinstance(v, str) for name in re.findall(r"\$\{(\w+)\}", v)}
    assert found  # the file takes its addresses from the environment
    return found


def stack_endpoints(tmp_path: Path) -> dict[str, Any]:
    """What `make up-prod` gives Rasa (Stack.write_endpoints), with Redis and PostgreSQL."""
    stack = Stack(var_dir=tmp_path / "var", extra_env={"REDIS_URL": "redis://redis:6379/0"})
    stack._settings_cache = {
        "rasa_events_url": "postgresql+psycopg://chatbot:secret@postgres:5432/chatbot",
        "event_flush_seconds": Settings.model_fields["event_flush_seconds"].default,
        "session_idle_minutes": Settings.model_fields["session_idle_minutes"].default,
    }
    return yaml.safe_load(stack.write_endpoints().read_text())


def dockerfile_entrypoint(target: str) -> list[str]:
    stage = DOCKERFILE.read_text().split(f" AS {target}\n", 1)[1].split("\nFROM ", 1)[0]
    match = re.search(r"^ENTRYPOINT (\[.*?\])\s*$", stage.replace("\\\n", " "), re.M | re.S)
    assert match, f"no ENTRYPOINT in the {target} stage"
    return json.loads(match.group(1))


# -- the validators themselves -----------------------------------------------------------------
def test_kubernetes_validate_has_the_pinned_schemas_and_is_strict() -> None:
    good = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "x"},
        "spec": {"ports": [{"port": 80}]},
    }
    kubernetes_validate.validate(good, K8S_VERSION, strict=True)
    bad = {**good, "spec": {"ports": [{"port": 80}], "replicas": 2}}  # no such field
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(bad, K8S_VERSION, strict=True)


def test_the_compose_schema_refuses_what_compose_would() -> None:
    validator = jsonschema.validators.validator_for(compose_schema())(compose_schema())
    assert not list(validator.iter_errors({"services": {"a": {"image": "x"}}}))
    assert list(validator.iter_errors({"services": {"a": {"image": "x", "replica": 2}}}))


# -- validity ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "document"), k8s_documents(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_kubernetes_manifest_is_valid(name: str, document: dict[str, Any]) -> None:
    kubernetes_validate.validate(document, K8S_VERSION, strict=True)


def test_the_compose_file_is_valid() -> None:
    schema = compose_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(compose())
    ]
    assert not errors


def test_the_generated_files_are_current() -> None:
    """gateway.compose.conf and the two generated ConfigMaps come from the files up-prod uses
    (`python -m scripts.prod render-deploy` rewrites them)."""
    assert COMPOSE_GATEWAY_CONF.read_text() == compose_gateway_text()
    assert K8S_GATEWAY_CONFIG.read_text() == k8s_gateway_text()
    assert K8S_RASA_ENDPOINTS.read_text() == k8s_endpoints_text()
    config = k8s("ConfigMap", "gateway-config")["data"]
    assert config["security-headers.conf"] == (DEPLOY_NGINX / "security-headers.conf").read_text()
    assert k8s("ConfigMap", "rasa-endpoints")["data"]["endpoints.yml"] == RASA_ENDPOINTS.read_text()


# -- Rasa: the stores up-prod uses ---------------------------------------------------------------
def test_the_endpoints_file_names_the_stores_up_prod_uses(tmp_path: Path) -> None:
    ours, theirs = endpoints_file(), stack_endpoints(tmp_path)
    assert set(ours) == set(theirs) == {"action_endpoint", "tracker_store", "lock_store"}
    for section in ours:
        assert ours[section].get("type") == theirs[section].get("type"), section
    assert ours["tracker_store"]["type"] == "addons.tracker_store.WriteBehindTrackerStore"
    assert ours["lock_store"]["type"] == "addons.lock_store.AtomicRedisLockStore"
    assert set(ours["tracker_store"]) == set(theirs["tracker_store"])
    for key in ("flush_interval", "session_idle_minutes"):
        assert ours["tracker_store"][key] == theirs["tracker_store"][key], key
    assert set(ours["lock_store"]) - {"password"} == set(theirs["lock_store"])
    assert ours["action_endpoint"]["enable_selective_domain"] is True
    assert ours["action_endpoint"]["url"].endswith("/webhook")


def test_rasa_reads_the_endpoints_file_with_our_stores() -> None:
    """Rasa's own reader (bot venv), with its ${VAR} expansion, as a container would see it."""
    python = ROOT / "bot" / ".venv" / "bin" / "python"
    if not python.exists():
        pytest.skip("no bot venv")
    env = {
        **os.environ,
        "ACTION_SERVER_URL": "http://actions:5055",
        "DATABASE_URL": "postgresql+psycopg://chatbot:pw@postgres:5432/chatbot",
        "REDIS_URL": "redis://redis:6379/0",
        "REDIS_HOST": "redis",
        "REDIS_PASSWORD": "",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    assert set(env) >= endpoints_variables()
    code = (
        "import json, sys; from rasa.core.utils import AvailableEndpoints\n"
        "e = AvailableEndpoints.read_endpoints(sys.argv[1])\n"
        "print(json.dumps([e.action.url, e.tracker_store.type, e.tracker_store.kwargs,"
        " e.lock_store.type, e.lock_store.url, e.lock_store.kwargs]))"
    )
    result = subprocess.run(
        [str(python), "-c", code, str(RASA_ENDPOINTS)],
        cwd=ROOT / "bot",
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    action, store, store_args, lock, lock_host, lock_args = json.loads(
        result.stdout.splitlines()[-1]
    )
    assert action == "http://actions:5055/webhook"
    assert store == "addons.tracker_store.WriteBehindTrackerStore"
    assert store_args["db_url"] == env["DATABASE_URL"]
    assert store_args["redis_url"] == env["REDIS_URL"]
    assert (lock, lock_host, lock_args["port"]) == (
        "addons.lock_store.AtomicRedisLockStore",
        "redis",
        6379,
    )


def test_the_rasa_image_runs_addons_serve_as_up_prod_does() -> None:
    entrypoint = dockerfile_entrypoint("rasa")
    assert entrypoint[:5] == ["python", "-m", "addons.serve", "run", "--enable-api"]
    stack = Stack(extra_env={"RASA_TOKEN": "t"})
    stack._settings_cache, stack.model = {}, Path("bot.tar.gz")
    up_prod = shlex.split(stack._rasa_command(5005, cors=None))
    start = up_prod.index("-m")
    assert up_prod[start : start + 4] == entrypoint[1:5]  # -m addons.serve run --enable-api
    assert Path(up_prod[up_prod.index("--logging-config-file") + 1]) == DEPLOY / "rasa-logging.yml"
    for flag, value in [
        ("--logging-config-file", "/srv/deploy/rasa-logging.yml"),
        ("--endpoints", "/etc/rasa/endpoints.yml"),
        ("--credentials", "credentials.yml"),
        ("-p", "5005"),
    ]:
        assert entrypoint[entrypoint.index(flag) + 1] == value, flag
    assert "--enable-api" in entrypoint
    assert "--cors" not in entrypoint  # CORS is the gateway's (as in up-prod)
    assert "COPY deploy/rasa-logging.yml deploy/rasa-logging.yml" in DOCKERFILE.read_text()


# -- docker-compose -----------------------------------------------------------------------------
def test_compose_runs_two_of_each_with_our_commands() -> None:
    services = compose()["services"]
    rasa = [s for s in services.values() if s.get("build", {}).get("target") == "rasa"]
    assert len(rasa) == 2
    for service in rasa:
        assert service["command"][0] == "--auth-token" and service["command"][1].startswith(
            "${RASA_TOKEN"
        )
        assert "./rasa-endpoints.production.yml:/etc/rasa/endpoints.yml:ro" in service["volumes"]
        assert set(service["environment"]) >= endpoints_variables()
        assert "healthcheck" in service
    actions = Stack()._actions_command(5055).split()[1:]  # after the interpreter
    action_servers = [s for s in services.values() if s.get("command", [])[1:] == actions]
    assert len(action_servers) == 2
    assert all("healthcheck" in s for s in action_servers)
    web_module = Stack()._web_command().split()[-1]
    assert services["web"]["command"] == ["python", "-m", web_module]
    assert "healthcheck" in services["web"]
    assert services["init"]["command"][:3] == ["python", "-m", "app.cli"]


def test_compose_keeps_redis_and_postgres_on_volumes() -> None:
    document = compose()
    redis, postgres = document["services"]["redis"], document["services"]["postgres"]
    command = redis["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert any(
        v.endswith(":/data") and v.split(":")[0] in document["volumes"] for v in redis["volumes"]
    )
    assert any(v.endswith(":/var/lib/postgresql/data") for v in postgres["volumes"])


def test_compose_gateway_is_the_up_prod_template_and_the_only_published_port() -> None:
    services = compose()["services"]
    gateway = services["gateway"]
    assert (
        f"./nginx/{COMPOSE_GATEWAY_CONF.name}:{CONTAINER_NGINX_DIR}/gateway.conf:ro"
        in gateway["volumes"]
    )
    for name in ("security-headers.conf", "proxy-headers.conf"):
        assert f"./nginx/{name}:{CONTAINER_NGINX_DIR}/{name}:ro" in gateway["volumes"]
    assert f"nginx -c {CONTAINER_NGINX_DIR}/gateway.conf" in gateway["command"][-1]
    assert [name for name, s in services.items() if s.get("ports")] == ["gateway"]
    # The app believes X-Forwarded-For from the gateway's fixed address only.
    address = gateway["networks"]["backend"]["ipv4_address"]
    assert services["web"]["environment"]["TRUSTED_PROXIES"] == f"{address}/32"
    rendered = COMPOSE_GATEWAY_CONF.read_text()
    for server in ("rasa1:5005", "rasa2:5005", "actions1:5055", "actions2:5055", "web:3000"):
        assert f"server {server}" in rendered
        assert server.split(":")[0] in services


# -- Kubernetes ---------------------------------------------------------------------------------
def container(deployment: str) -> dict[str, Any]:
    return k8s("Deployment", deployment)["spec"]["template"]["spec"]["containers"][0]


def test_k8s_runs_rasa_and_actions_as_up_prod_does() -> None:
    rasa = container("rasa")
    assert rasa["image"].startswith("chatbot-rasa")  # its entrypoint: addons.serve (above)
    assert "command" not in rasa  # keeps the image's entrypoint
    assert rasa["args"] == ["--auth-token", "$(RASA_TOKEN)"]
    env = {e["name"] for e in rasa["env"]}
    assert env >= endpoints_variables() | {"RASA_TOKEN"}
    assert [m["mountPath"] for m in rasa["volumeMounts"]] == ["/etc/rasa"]
    volumes = k8s("Deployment", "rasa")["spec"]["template"]["spec"]["volumes"]
    assert volumes[0]["configMap"]["name"] == "rasa-endpoints"
    actions = container("actions")
    assert actions["command"][1:] == Stack()._actions_command(5055).split()[1:]
    web = container("web")
    assert web["command"] == ["python", "-m", Stack()._web_command().split()[-1]]


@pytest.mark.parametrize("name", ["rasa", "actions"])
def test_k8s_has_two_of_each_and_an_hpa(name: str) -> None:
    assert k8s("Deployment", name)["spec"]["replicas"] == 2
    hpa = k8s("HorizontalPodAutoscaler", name)["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}
    assert hpa["minReplicas"] >= 2 and hpa["maxReplicas"] > hpa["minReplicas"]
    assert "cpu" in container(name)["resources"]["requests"]  # what Utilization is measured on


def test_k8s_probes_use_the_health_endpoints() -> None:
    paths = {"rasa": "/", "actions": "/health", "web": "/ping"}
    for name, path in paths.items():
        for probe in ("readinessProbe", "livenessProbe"):
            assert container(name)[probe]["httpGet"]["path"] == path, (name, probe)
    assert "tcpSocket" in container("gateway")["readinessProbe"]


def test_k8s_keeps_rasa_and_the_action_servers_internal() -> None:
    def allowed(policy: str) -> tuple[str, set[str]]:
        spec = k8s("NetworkPolicy", policy)["spec"]
        assert spec["policyTypes"] == ["Ingress"]
        target = spec["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
        sources = {
            peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
            for rule in spec["ingress"]
            for peer in rule["from"]
        }
        return target, sources

    assert allowed("rasa-internal") == ("rasa", {"gateway", "web"})
    # The web app calls the action servers' /health only (/api/health reports them).
    assert allowed("actions-internal") == ("actions", {"rasa", "web"})
    # Only the gateway's Service is reachable from outside the cluster.
    services = [d for _, d in k8s_documents() if d["kind"] == "Service"]
    exposed = [
        s["metadata"]["name"] for s in services if s["spec"].get("type", "ClusterIP") != "ClusterIP"
    ]
    assert exposed == ["gateway"]


def test_k8s_gateway_runs_the_up_prod_template() -> None:
    gateway = container("gateway")
    assert f"nginx -c {CONTAINER_NGINX_DIR}/gateway.conf" in gateway["command"][-1]
    mounts = {m["name"]: m["mountPath"] for m in gateway["volumeMounts"]}
    assert mounts["config"] == CONTAINER_NGINX_DIR
    volumes = {
        v["name"]: v for v in k8s("Deployment", "gateway")["spec"]["template"]["spec"]["volumes"]
    }
    assert volumes["config"]["configMap"]["name"] == "gateway-config"


def test_k8s_secret_holds_placeholders_only() -> None:
    secret = k8s("Secret", "chatbot-secrets")["stringData"]
    assert all("CHANGE-ME" in value for value in secret.values())
    assert {"RASA_TOKEN", "SECRET_KEY", "ENCRYPTION_KEY", "DATABASE_URL", "REDIS_URL"} <= set(
        secret
    )


# -- nginx accepts the container renderings ------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [compose_gateway_text, lambda: k8s("ConfigMap", "gateway-config")["data"]["gateway.conf"]],
    ids=["compose", "k8s"],
)
def test_nginx_accepts_the_container_gateway(text: Any, tmp_path: Path) -> None:
    """`nginx -t` on the container configuration, its service names and paths mapped to this
    machine (nginx resolves upstream names when it loads)."""
    nginx = find_nginx()
    if nginx is None:
        pytest.skip("nginx not installed")
    config = text()
    config = re.sub(r"server (?:rasa\d?|actions\d?|web):", "server 127.0.0.1:", config)
    config = config.replace(" /tmp/", f" {tmp_path}/")  # RUN_DIR first: tmp_path is in /tmp
    config = config.replace(CONTAINER_NGINX_DIR, str(DEPLOY_NGINX))
    config = config.replace("/var/log/nginx", str(tmp_path))
    config = re.sub(r"/etc/nginx/tls/\w+\.crt", str(tmp_path / "gateway.crt"), config)
    config = re.sub(r"/etc/nginx/tls/\w+\.key", str(tmp_path / "gateway.key"), config)
    ensure_certificate(tmp_path / "gateway.crt", tmp_path / "gateway.key")
    (tmp_path / "gateway.conf").write_text(config)
    check = subprocess.run(
        [
            nginx,
            "-p",
            str(tmp_path),
            "-c",
            str(tmp_path / "gateway.conf"),
            "-e",
            str(tmp_path / "error.log"),
            "-t",
            "-q",
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
