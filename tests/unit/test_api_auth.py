"""Admin API authentication: login, lockout, tokens (expiry, tampering, revocation), rate limits.

The helpers at the top (`add_staff`, `auth_header`) are shared by the other admin API tests.
"""

from __future__ import annotations

import datetime as dt

import jwt
import pytest
from sqlmodel import Session

from app.core import security
from app.core.db import get_engine
from app.core.security import create_token, hash_password
from app.core.settings import get_settings
from app.models import AdminUser, Role
from app.services import auth

PASSWORD = "correct-horse-battery"
_HASH = hash_password(PASSWORD)  # hashed once: argon2 is slow on purpose


def add_staff(role: Role | str, email: str | None = None) -> AdminUser:
    """A staff account with PASSWORD, stored in the test database."""
    role = Role(role)
    with Session(get_engine()) as session:
        user = AdminUser(
            email=(email or f"{role.value}@example.com").lower(), role=role, password_hash=_HASH
        )
        session.add(user)
        session.commit()
        session.refresh(user)
        session.expunge(user)
        return user


def auth_header(user: AdminUser) -> dict[str, str]:
    """Authorization header with a fresh access token for user."""
    return {"Authorization": f"Bearer {auth.issue_tokens(user)['access_token']}"}


def expired_header(user: AdminUser) -> dict[str, str]:
    token, _, _ = create_token(
        subject=str(user.id),
        token_type="access",
        expires_in=dt.timedelta(seconds=-5),
        claims={"ver": user.token_version},
    )
    return {"Authorization": f"Bearer {token}"}


def tampered_header(user: AdminUser) -> dict[str, str]:
    """A token whose payload claims a different account, with the original signature."""
    header, payload, signature = auth.issue_tokens(user)["access_token"].split(".")
    other = jwt.encode(
        {"sub": "999"}, "another-secret-key-of-enough-length", algorithm="HS256"
    ).split(".")[1]
    assert other != payload
    return {"Authorization": f"Bearer {header}.{other}.{signature}"}


def login(client, email: str, password: str = PASSWORD):
    return client.post("/api/auth/login", json={"email": email, "password": password})


def test_login_returns_tokens_that_open_me(api_client):
    add_staff(Role.editor)
    response = login(api_client, " Editor@Example.com")
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == get_settings().access_token_minutes * 60
    me = api_client.get("/api/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == "editor@example.com"
    assert me.json()["role"] == "editor"
    assert "password_hash" not in me.json()


@pytest.mark.parametrize(
    ("email", "password"),
    [("admin@example.com", "wrong-password-123"), ("nobody@example.com", PASSWORD)],
)
def test_wrong_login_is_401_with_the_same_words(api_client, email, password):
    add_staff(Role.admin)
    response = login(api_client, email, password)
    assert response.status_code == 401
    assert response.json()["detail"] == "Wrong email or password."


def test_unknown_email_costs_a_password_verification(api_client, monkeypatch):
    """Same work whether or not the account exists, so timing reveals nothing."""
    checked = []
    real_verify = security.verify_password

    def spy(password, password_hash):
        checked.append(password_hash)
        return real_verify(password, password_hash)

    monkeypatch.setattr(auth, "verify_password", spy)
    assert login(api_client, "nobody@example.com").status_code == 401
    assert checked == [None]  # None = verified against the dummy hash


def test_repeated_failures_are_throttled_even_with_the_right_password(api_client, monkeypatch):
    monkeypatch.setenv("LOGIN_FAILURE_LIMITS", "3/minute;5/hour")
    monkeypatch.setenv("LOGIN_RATE_LIMIT", "100/minute")
    get_settings.cache_clear()
    add_staff(Role.admin)
    for _ in range(3):
        assert login(api_client, "admin@example.com", "wrong-password-123").status_code == 401
    throttled = login(api_client, "admin@example.com")
    assert throttled.status_code == 429
    assert "Try again" in throttled.json()["detail"]
    assert 1 <= int(throttled.headers["Retry-After"]) <= 60


def test_login_rate_limit_is_429_with_retry_after(api_client, monkeypatch):
    monkeypatch.setenv("LOGIN_RATE_LIMIT", "3/minute")
    get_settings.cache_clear()
    add_staff(Role.admin)
    codes = [login(api_client, "admin@example.com", "wrong-password-123") for _ in range(4)]
    assert [r.status_code for r in codes[:3]] == [401, 401, 401]
    assert codes[3].status_code == 429
    assert 1 <= int(codes[3].headers["Retry-After"]) <= 60


def test_refresh_rotates_and_the_old_refresh_token_stops_working(api_client):
    add_staff(Role.viewer)
    first = login(api_client, "viewer@example.com").json()
    renewed = api_client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert renewed.status_code == 200
    new_access = renewed.json()["access_token"]
    assert (
        api_client.get(
            "/api/auth/me", headers={"Authorization": f"Bearer {new_access}"}
        ).status_code
        == 200
    )
    again = api_client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert again.status_code == 401


def test_an_access_token_is_not_a_refresh_token(api_client):
    user = add_staff(Role.viewer)
    access = auth.issue_tokens(user)["access_token"]
    assert api_client.post("/api/auth/refresh", json={"refresh_token": access}).status_code == 401


def test_logout_revokes_access_and_refresh(api_client):
    add_staff(Role.viewer)
    tokens = login(api_client, "viewer@example.com").json()
    header = {"Authorization": f"Bearer {tokens['access_token']}"}
    out = api_client.post(
        "/api/auth/logout", headers=header, json={"refresh_token": tokens["refresh_token"]}
    )
    assert out.status_code == 204
    assert api_client.get("/api/auth/me", headers=header).status_code == 401
    refreshed = api_client.post(
        "/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert refreshed.status_code == 401


def test_password_change_ends_every_session(api_client):
    add_staff(Role.editor)
    old = login(api_client, "editor@example.com").json()
    header = {"Authorization": f"Bearer {old['access_token']}"}
    wrong = api_client.post(
        "/api/auth/password",
        headers=header,
        json={"current_password": "not-my-password", "new_password": "a-brand-new-password"},
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "current_password"]
    changed = api_client.post(
        "/api/auth/password",
        headers=header,
        json={"current_password": PASSWORD, "new_password": "a-brand-new-password"},
    )
    assert changed.status_code == 204
    assert api_client.get("/api/auth/me", headers=header).status_code == 401
    assert (
        api_client.post(
            "/api/auth/refresh", json={"refresh_token": old["refresh_token"]}
        ).status_code
        == 401
    )
    assert login(api_client, "editor@example.com").status_code == 401
    assert login(api_client, "editor@example.com", "a-brand-new-password").status_code == 200


@pytest.mark.parametrize("make_header", [expired_header, tampered_header])
def test_expired_and_tampered_tokens_are_401(api_client, make_header):
    user = add_staff(Role.admin)
    response = api_client.get("/api/auth/me", headers=make_header(user))
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_unsigned_and_foreign_algorithm_tokens_are_401(api_client):
    user = add_staff(Role.admin)
    claims = {"sub": str(user.id), "type": "access", "jti": "x", "ver": 0, "exp": 4102444800}
    unsigned = jwt.encode(claims, key=None, algorithm="none")
    other_key = jwt.encode(claims, "another-secret-key-of-enough-length", algorithm="HS256")
    for token in (unsigned, other_key):
        response = api_client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


def test_no_token_is_401(api_client):
    response = api_client.get("/api/auth/me")
    assert response.status_code == 401
    assert "Sign in" in response.json()["detail"]


def test_a_disabled_account_cannot_use_its_token(api_client):
    user = add_staff(Role.editor)
    header = auth_header(user)
    with Session(get_engine()) as session:
        row = session.get(AdminUser, user.id)
        row.is_active = False
        session.add(row)
        session.commit()
    assert api_client.get("/api/auth/me", headers=header).status_code == 401


def test_admin_api_rate_limit_per_user(api_client, monkeypatch):
    monkeypatch.setenv("ADMIN_RATE_LIMIT", "5/minute")
    get_settings.cache_clear()
    first, second = add_staff(Role.viewer), add_staff(Role.editor)
    codes = [api_client.get("/api/auth/me", headers=auth_header(first)) for _ in range(6)]
    assert [r.status_code for r in codes] == [200] * 5 + [429]
    assert int(codes[-1].headers["Retry-After"]) >= 1
    # The limit is per account: another user is not slowed down by the first one.
    assert api_client.get("/api/auth/me", headers=auth_header(second)).status_code == 200


@pytest.mark.redis
def test_admin_rate_limit_counts_in_redis(redis_url, sqlite_db, monkeypatch):
    import redis
    from fastapi.testclient import TestClient

    from app.api.main import create_api

    monkeypatch.setenv("ADMIN_RATE_LIMIT", "3/minute")
    get_settings.cache_clear()
    user = add_staff(Role.viewer)
    with TestClient(create_api()) as client:
        codes = [
            client.get("/api/auth/me", headers=auth_header(user)).status_code for _ in range(4)
        ]
    assert codes == [200, 200, 200, 429]
    keys = redis.Redis.from_url(redis_url).keys("rate:*")
    assert keys, "the counters live in Redis, shared by every app process"
