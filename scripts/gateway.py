"""The nginx gateway's configuration, rendered from deploy/nginx/gateway.conf.template: for
this machine (`ProdStack.write_gateway_config`, `make up-prod`) and for containers
(docker-compose and Kubernetes, written by `python -m scripts.prod render-deploy`)."""

from __future__ import annotations

from scripts.checkout import ROOT

DEPLOY_NGINX = ROOT / "deploy" / "nginx"
GATEWAY_TEMPLATE = DEPLOY_NGINX / "gateway.conf.template"


def render_gateway_config(template: str, values: dict[str, object]) -> str:
    """Fill `{{NAME}}` placeholders; every one must be known (nginx's `$vars` are left alone)."""
    text = template
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", str(value))
    if "{{" in text:
        missing = text[text.index("{{") : text.index("}}", text.index("{{")) + 2]
        raise ValueError(f"gateway template: no value for {missing}")
    return text


# The same gateway in containers (deploy/docker-compose.yml, deploy/k8s/): the template
# rendered for the services' names, written by `python -m scripts.prod render-deploy` and
# compared with a fresh rendering by tests/unit/test_deploy_files.py.
COMPOSE_GATEWAY_CONF = DEPLOY_NGINX / "gateway.compose.conf"
K8S_GATEWAY_CONFIG = ROOT / "deploy" / "k8s" / "gateway-config.yaml"
K8S_RASA_ENDPOINTS = ROOT / "deploy" / "k8s" / "rasa-endpoints.yaml"
RASA_ENDPOINTS = ROOT / "deploy" / "rasa-endpoints.production.yml"  # compose and k8s
CONTAINER_NGINX_DIR = "/etc/nginx/chatbot"  # where the containers mount deploy/nginx/*.conf
GENERATED_NOTE = (
    "Generated from deploy/nginx/gateway.conf.template by `python -m scripts.prod "
    "render-deploy`; edit the template, not this file."
)


def container_gateway_values(target: str) -> dict[str, object]:
    """The template's values in docker-compose (`compose`) or on Kubernetes (`k8s`).

    compose: two Rasa and two action-server services by name, and the gateway serves the two
    pools on the internal network (Rasa's ACTION_SERVER_URL and the app's RASA_URL name it),
    as on one machine. k8s: a Service already spreads calls over the pods, so both pool
    entries name it (the pools stay on the pod's loopback, unused; Rasa and the app call the
    Services)."""
    values: dict[str, object] = {
        "RUN_DIR": "/tmp",
        "LOG_DIR": "/var/log/nginx",
        "DEPLOY_DIR": CONTAINER_NGINX_DIR,
        "WEB_SERVER": "web:3000",
        "RASA_POOL_PORT": 5005,
        "ACTIONS_POOL_PORT": 5055,
        "GATEWAY_HOST": "0.0.0.0",
        "GATEWAY_PORT": 8443,
    }
    if target == "compose":
        values |= {
            "RASA_SERVER_1": "rasa1:5005",
            "RASA_SERVER_2": "rasa2:5005",
            "ACTIONS_SERVER_1": "actions1:5055",
            "ACTIONS_SERVER_2": "actions2:5055",
            "POOL_HOST": "0.0.0.0",
            "TLS_CERT": "/etc/nginx/tls/gateway.crt",
            "TLS_KEY": "/etc/nginx/tls/gateway.key",
        }
    elif target == "k8s":
        values |= {
            "RASA_SERVER_1": "rasa:5005",
            "RASA_SERVER_2": "rasa:5005",
            "ACTIONS_SERVER_1": "actions:5055",
            "ACTIONS_SERVER_2": "actions:5055",
            "POOL_HOST": "127.0.0.1",
            "TLS_CERT": "/etc/nginx/tls/tls.crt",  # the `chatbot-tls` Secret (type tls)
            "TLS_KEY": "/etc/nginx/tls/tls.key",
        }
    else:
        raise ValueError(f"unknown target {target!r}")
    return values


def compose_gateway_text() -> str:
    rendered = render_gateway_config(
        GATEWAY_TEMPLATE.read_text(), container_gateway_values("compose")
    )
    note = GENERATED_NOTE
    return f"# {note}\n{rendered}"


def k8s_config_map(name: str, files: dict[str, str], source: str) -> str:
    """A ConfigMap holding `files` (name: text) as literal blocks, marked as generated."""
    import yaml

    class Literal(str):
        pass

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(
        Literal,
        lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|"),
    )
    config_map = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": name, "labels": {"app.kubernetes.io/part-of": "chatbot"}},
        "data": {key: Literal(text) for key, text in files.items()},
    }
    body = yaml.dump(config_map, Dumper=Dumper, sort_keys=False, width=200)
    note = f"Generated from {source} by `python -m scripts.prod render-deploy`; edit that, not this file."
    return f"# {note}\n{body}"


def k8s_gateway_text() -> str:
    """The gateway's three files, mounted at CONTAINER_NGINX_DIR by deploy/k8s/gateway.yaml."""
    rendered = render_gateway_config(GATEWAY_TEMPLATE.read_text(), container_gateway_values("k8s"))
    files = {"gateway.conf": rendered}
    for name in ("security-headers.conf", "proxy-headers.conf"):
        files[name] = (DEPLOY_NGINX / name).read_text()
    return k8s_config_map("gateway-config", files, "deploy/nginx/")


def k8s_endpoints_text() -> str:
    """Rasa's endpoints file, mounted at /etc/rasa/ by deploy/k8s/rasa.yaml."""
    text = RASA_ENDPOINTS.read_text()
    return k8s_config_map(
        "rasa-endpoints", {"endpoints.yml": text}, "deploy/rasa-endpoints.production.yml"
    )


def render_deploy() -> None:
    """Write what docker-compose and Kubernetes take from the files `make up-prod` uses."""
    outputs = {
        COMPOSE_GATEWAY_CONF: compose_gateway_text(),
        K8S_GATEWAY_CONFIG: k8s_gateway_text(),
        K8S_RASA_ENDPOINTS: k8s_endpoints_text(),
    }
    for path, text in outputs.items():
        path.write_text(text)
        print(f"wrote {path.relative_to(ROOT)}")
