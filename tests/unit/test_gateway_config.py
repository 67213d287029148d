"""The gateway's nginx configuration (deploy/nginx/gateway.conf.template) as `make up-prod`
renders it: every placeholder filled, and nginx's inheritance traps avoided (a location
that sets a header or a proxy header of its own loses the server's)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from scripts.gateway import GATEWAY_TEMPLATE, render_gateway_config
from scripts.prod import ProdStack, ensure_certificate, find_nginx


@pytest.fixture
def stack(tmp_path: Path) -> ProdStack:
    return ProdStack(
        var_dir=tmp_path / "var",
        app_port=4420,
        rasa_port=4421,
        actions_port=4471,
        rasa_ports=(4422, 4423),
        actions_ports=(4472, 4473),
        gateway_port=4444,
        gateway_host="127.0.0.1",
    )


def rendered(stack: ProdStack) -> str:
    return render_gateway_config(GATEWAY_TEMPLATE.read_text(), stack.gateway_values())


def locations(config: str) -> dict[str, str]:
    """Each `location` block of the gateway's public server, by its match."""
    public = config[config.index("listen 127.0.0.1:4444 ssl") :]
    found = {}
    for match in re.finditer(r"location ([^{]+)\{", public):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(public[end], 0)
            end += 1
        found[match.group(1).strip()] = public[match.end() : end]
    return found


def test_every_placeholder_is_filled(stack: ProdStack) -> None:
    config = rendered(stack)
    assert "{{" not in config
    for port in (4420, 4421, 4422, 4423, 4471, 4472, 4473):
        assert f"127.0.0.1:{port}" in config
    with pytest.raises(ValueError, match="no value"):
        render_gateway_config("listen {{NOPE}};", {})


def test_locations_that_add_headers_repeat_the_security_headers(stack: ProdStack) -> None:
    for name, body in locations(rendered(stack)).items():
        if "add_header" in body:
            assert "security-headers.conf" in body, name
        if "proxy_pass" in body:
            assert "proxy-headers.conf" in body, name  # X-Forwarded-For, X-Real-IP, Host


def test_the_chat_and_api_routes_are_rate_limited_and_pages_are_not(stack: ProdStack) -> None:
    found = locations(rendered(stack))
    for name in ("/webhooks/", "/api/", "/_event", "/_upload"):
        assert "limit_req zone=per_ip" in found[name], name
    assert "limit_req" not in found["/"]


def test_nginx_accepts_it(stack: ProdStack) -> None:
    nginx = find_nginx()
    if nginx is None:
        pytest.skip("nginx not installed")
    ensure_certificate(stack.tls_cert, stack.tls_key)
    stack.nginx = nginx
    stack.nginx_dir.mkdir(parents=True)
    stack.log_dir.mkdir(parents=True)
    (stack.nginx_dir / "gateway.conf").write_text(rendered(stack))
    check = subprocess.run(
        [nginx, *stack._nginx_args(), "-t", "-q"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
