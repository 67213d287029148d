"""Finding 7: a deleted account's tokens, a replayed refresh token and a logout without the
refresh token all stop working."""

from __future__ import annotations

from sqlmodel import Session

from app.core.db import get_engine
from app.models import Role
from app.services.users import delete_user
from tests.unit.test_api_auth import add_staff, login


def bearer(tokens: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def refresh(client, tokens: dict):
    return client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})


def test_a_deleted_accounts_tokens_do_not_open_the_next_account_with_its_id(api_client, db_url):
    add_staff(Role.admin, "owner@example.com")
    leaver = add_staff(Role.admin, "leaver@example.com")
    old = login(api_client, "leaver@example.com").json()
    with Session(get_engine()) as session:
        delete_user(session=session, user_id=leaver.id, actor=None)
    newcomer = add_staff(Role.admin, "newcomer@example.com")
    if db_url.startswith("sqlite"):
        assert newcomer.id == leaver.id  # SQLite gave the id out again: the attack's premise

    assert refresh(api_client, old).status_code == 401
    assert api_client.get("/api/auth/me", headers=bearer(old)).status_code == 401


def test_a_replayed_refresh_token_ends_the_whole_sign_in(api_client):
    add_staff(Role.editor)
    first = login(api_client, "editor@example.com").json()
    second = refresh(api_client, first)
    assert second.status_code == 200
    second = second.json()

    replay = refresh(api_client, first)  # a copy of the first token, used by someone else
    assert replay.status_code == 401
    assert "already used" in replay.json()["detail"]
    # Everything issued from that sign-in is revoked, the legitimate holder's tokens too.
    assert refresh(api_client, second).status_code == 401
    assert api_client.get("/api/auth/me", headers=bearer(second)).status_code == 401


def test_a_replay_does_not_end_another_sign_in_of_the_same_account(api_client):
    add_staff(Role.editor)
    laptop = login(api_client, "editor@example.com").json()
    phone = login(api_client, "editor@example.com").json()
    refresh(api_client, laptop)
    assert refresh(api_client, laptop).status_code == 401  # replayed
    assert api_client.get("/api/auth/me", headers=bearer(phone)).status_code == 200
    assert refresh(api_client, phone).status_code == 200


def test_logout_without_the_refresh_token_still_revokes_it(api_client):
    add_staff(Role.viewer)
    laptop = login(api_client, "viewer@example.com").json()
    phone = login(api_client, "viewer@example.com").json()

    out = api_client.post("/api/auth/logout", headers=bearer(laptop))  # no body at all
    assert out.status_code == 204

    assert refresh(api_client, laptop).status_code == 401
    assert refresh(api_client, phone).status_code == 401  # every session of the user
    assert api_client.get("/api/auth/me", headers=bearer(phone)).status_code == 401
