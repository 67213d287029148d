"""Finding 3: one sign-in service for the API and the dashboard, counted atomically, with
backoff per address and per account, and no way to lock the owner out on purpose."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import limits.storage.memory
import pytest
import reflex as rx
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.api.main import create_api
from app.core import rate_limit
from app.core.client_ip import client_ip
from app.core.db import get_engine
from app.core.settings import reset_settings_cache
from app.models import Role
from app.services import auth
from app.state.auth import AuthState
from tests.unit.test_admin_state_tasks import call, make_state
from tests.unit.test_api_auth import PASSWORD, add_staff

WRONG = "wrong-password-123"
EMAIL = "admin@example.com"


def set_limits(monkeypatch, **values: str) -> None:
    defaults = {
        "LOGIN_RATE_LIMIT": "1000/minute",
        "LOGIN_FAILURE_LIMITS": "1000/minute",
        "LOGIN_IP_FAILURE_LIMITS": "1000/minute",
        "LOGIN_ACCOUNT_FAILURE_LIMITS": "1000/minute",
    }
    for name, value in (defaults | values).items():
        monkeypatch.setenv(name, value)
    reset_settings_cache()


def sign_in(email: str, password: str, ip: str) -> str:
    """What the person signing in is told: "ok", or the refusal's words."""
    with Session(get_engine()) as session:
        try:
            auth.login(session=session, email=email, password=password, client_ip=ip)
        except auth.AuthError as exc:
            return str(exc)
    return "ok"


def client_from(api, ip: str) -> TestClient:
    return TestClient(api, client=(ip, 50000))


def test_parallel_guesses_get_no_more_password_checks_than_the_limit(api_client, monkeypatch):
    set_limits(monkeypatch, LOGIN_FAILURE_LIMITS="5/hour")
    add_staff(Role.admin, EMAIL)
    checked = []
    lock = threading.Lock()
    real_verify = auth.verify_password

    def counting_verify(password, password_hash):
        with lock:
            checked.append(password)
        return real_verify(password, password_hash)

    monkeypatch.setattr(auth, "verify_password", counting_verify)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: sign_in(EMAIL, f"{WRONG}-{i}", "203.0.113.9"), range(24)))

    assert len(checked) == 5  # 24 parallel guesses, 5 reached the password check
    assert answers.count("Wrong email or password.") == 5
    assert all(a.startswith("Too many failed attempts") for a in answers if "Wrong" not in a)
    assert sign_in(EMAIL, PASSWORD, "203.0.113.9").startswith("Too many failed attempts")


class Clock:
    """A clock for the rate-limit counters that the test moves forward by hand."""

    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def time(self) -> float:
        return self.now


def test_more_failures_mean_a_longer_wait_and_then_it_passes(api_client, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(limits.storage.memory, "time", clock)
    monkeypatch.setattr(rate_limit, "time", clock)
    set_limits(monkeypatch, LOGIN_FAILURE_LIMITS="2/minute;4/hour")
    add_staff(Role.admin, EMAIL)

    def attempt(password: str):
        return api_client.post("/api/auth/login", json={"email": EMAIL, "password": password})

    assert [attempt(WRONG).status_code for _ in range(2)] == [401, 401]
    first_wait = attempt(PASSWORD)
    assert first_wait.status_code == 429 and int(first_wait.headers["Retry-After"]) <= 60

    clock.now += 61
    assert [attempt(WRONG).status_code for _ in range(2)] == [401, 401]
    second_wait = attempt(PASSWORD)
    assert second_wait.status_code == 429
    assert int(second_wait.headers["Retry-After"]) > 3000  # the hour tier is full now
    assert second_wait.json()["detail"].endswith("minutes.")

    clock.now += 3600  # no permanent lock: the right password works once the wait is over
    assert attempt(PASSWORD).status_code == 200


def test_failing_on_purpose_from_elsewhere_cannot_keep_the_owner_out(api_client, monkeypatch):
    set_limits(monkeypatch, LOGIN_FAILURE_LIMITS="3/hour", LOGIN_ACCOUNT_FAILURE_LIMITS="6/hour")
    add_staff(Role.admin, EMAIL)
    assert sign_in(EMAIL, PASSWORD, "198.51.100.7") == "ok"  # the owner, at the office

    attackers = [f"203.0.113.{n}" for n in range(1, 5)]
    answers = [sign_in(EMAIL, WRONG, ip) for ip in attackers for _ in range(3)]
    assert answers.count("Wrong email or password.") == 6  # the account-wide limit held
    # A new address, even with the right password, waits: the account is under attack.
    assert sign_in(EMAIL, PASSWORD, "192.0.2.44").startswith("Too many failed attempts")
    # The owner's own address is not held back by what others did.
    assert sign_in(EMAIL, PASSWORD, "198.51.100.7") == "ok"


def test_the_dashboard_and_the_api_share_the_limits(api_client, monkeypatch):
    set_limits(monkeypatch, LOGIN_FAILURE_LIMITS="3/hour")
    add_staff(Role.admin, EMAIL)
    api = create_api()
    with client_from(api, "198.51.100.20") as client:
        for _ in range(3):
            response = client.post("/api/auth/login", json={"email": EMAIL, "password": WRONG})
            assert response.status_code == 401

    state = make_state(AuthState)
    state.router = rx.state.RouterData.from_router_data(
        {"headers": {"asgi-scope-client": "198.51.100.20"}, "ip": "198.51.100.20"}
    )
    call(state, "login", {"email": EMAIL, "password": PASSWORD})
    assert state.login_error.startswith("Too many failed attempts")
    assert state.access_token == ""


def test_the_dashboard_alone_is_throttled(api_client, monkeypatch):
    set_limits(monkeypatch, LOGIN_FAILURE_LIMITS="3/hour")
    add_staff(Role.admin, EMAIL)
    state = make_state(AuthState)
    for _ in range(3):
        call(state, "login", {"email": EMAIL, "password": WRONG})
        assert state.login_error == "Wrong email or password."
    call(state, "login", {"email": EMAIL, "password": WRONG})
    assert state.login_error.startswith("Too many failed attempts")


def test_a_forged_forwarded_header_does_not_buy_new_addresses(monkeypatch, db_url):
    set_limits(monkeypatch, LOGIN_RATE_LIMIT="3/minute")
    add_staff(Role.admin, EMAIL)
    with client_from(create_api(), "198.51.100.30") as client:
        codes = [
            client.post(
                "/api/auth/login",
                json={"email": EMAIL, "password": WRONG},
                headers={"X-Forwarded-For": f"192.0.2.{n}"},
            ).status_code
            for n in range(4)
        ]
    assert codes == [401, 401, 401, 429]


def test_a_trusted_gateway_names_the_client(monkeypatch, db_url):
    set_limits(monkeypatch, LOGIN_RATE_LIMIT="3/minute")
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.0/8")
    reset_settings_cache()
    add_staff(Role.admin, EMAIL)
    with client_from(create_api(), "127.0.0.1") as gateway:
        spoofed = {"X-Forwarded-For": "192.0.2.1, 198.51.100.40"}
        codes = [
            gateway.post(
                "/api/auth/login", json={"email": EMAIL, "password": WRONG}, headers=spoofed
            ).status_code
            for _ in range(4)
        ]
        other = gateway.post(
            "/api/auth/login",
            json={"email": EMAIL, "password": PASSWORD},
            headers={"X-Forwarded-For": "198.51.100.41"},
        )
    assert codes == [401, 401, 401, 429]  # one client behind the gateway
    assert other.status_code == 200  # another client behind the same gateway is not held back


@pytest.mark.parametrize(
    ("trusted", "peer", "forwarded", "expected"),
    [
        ("", "198.51.100.1", "192.0.2.9", "198.51.100.1"),
        ("10.0.0.0/8", "198.51.100.1", "192.0.2.9", "198.51.100.1"),
        ("10.0.0.0/8", "10.0.0.2", "192.0.2.9", "192.0.2.9"),
        ("10.0.0.0/8", "10.0.0.2", "203.0.113.5, 192.0.2.9", "192.0.2.9"),
        ("10.0.0.0/8", "10.0.0.2", "192.0.2.9, 10.0.0.3", "192.0.2.9"),
        ("10.0.0.0/8,::1", "::1", "2001:db8::7", "2001:db8::7"),
    ],
)
def test_the_client_address_is_believed_only_from_a_trusted_proxy(
    monkeypatch, trusted, peer, forwarded, expected
):
    monkeypatch.setenv("TRUSTED_PROXIES", trusted)
    reset_settings_cache()
    assert client_ip(peer, forwarded) == expected
