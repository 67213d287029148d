"""Finding 1: no public signing key, a separate encryption key that rotates, loud wrong keys."""

from __future__ import annotations

import datetime as dt

import jwt
import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError
from sqlmodel import Session, select

from app import cli
from app.core import crypto, db
from app.core.settings import DEFAULT_SECRET_KEY, Settings, reset_settings_cache
from app.models import Booking, BookingCreate
from app.services import bookings
from scripts.config import ensure_env_file
from tests.unit.test_booking_service import VISITOR, at, open_day


@pytest.mark.parametrize("environment", ["development", "production"])
@pytest.mark.parametrize("secret", ["", DEFAULT_SECRET_KEY, "short"])
def test_an_empty_or_public_signing_key_is_refused_outside_tests(monkeypatch, environment, secret):
    monkeypatch.setenv("ENVIRONMENT", environment)
    monkeypatch.setenv("SECRET_KEY", secret)
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(_env_file=None)


def test_a_token_forged_with_the_public_default_key_does_not_sign_in(monkeypatch, api_client):
    """The attack: sign an admin token with the key printed in the source code."""
    forged = jwt.encode(
        {
            "sub": "1",
            "type": "access",
            "jti": "x",
            "role": "admin",
            "exp": dt.datetime.now(dt.UTC) + dt.timedelta(hours=1),
        },
        DEFAULT_SECRET_KEY,
        algorithm="HS256",
    )
    monkeypatch.setenv("SECRET_KEY", "a-real-random-key-" + "k" * 40)
    reset_settings_cache()
    response = api_client.get("/api/users", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401


def test_make_up_fills_an_empty_key_and_keeps_a_set_one(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("ENCRYPTION_KEY", raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text("# mine\nSECRET_KEY=\nLOG_LEVEL=DEBUG\n")
    ensure_env_file(env_file)
    values = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    assert len(values["SECRET_KEY"]) >= 48
    Fernet(values["ENCRYPTION_KEY"].encode())  # a valid Fernet key
    assert values["LOG_LEVEL"] == "DEBUG" and env_file.read_text().startswith("# mine")
    assert env_file.stat().st_mode & 0o777 == 0o600

    ensure_env_file(env_file)  # a second start changes nothing
    again = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    assert again == values


def test_an_invalid_encryption_key_is_refused(monkeypatch):
    monkeypatch.setenv("ENCRYPTION_KEY", "not-a-fernet-key")
    with pytest.raises(ValidationError, match="ENCRYPTION_KEY"):
        Settings(_env_file=None)


def _use_keys(monkeypatch, *keys: bytes) -> None:
    monkeypatch.setenv("ENCRYPTION_KEY", ",".join(k.decode() for k in keys))
    reset_settings_cache()
    crypto.reset_crypto()
    db.reset_engine()


def _book(session: Session) -> str:
    start = at(open_day(), "11:00")
    booking_in = BookingCreate(service_id="consultation", start=start, **VISITOR)
    return bookings.create_booking(session=session, booking_in=booking_in).body["reference"]


def test_rotation_re_encrypts_with_the_new_key_and_the_old_one_can_go(
    seeded: Session, monkeypatch, capsys
):
    old, new = Fernet.generate_key(), Fernet.generate_key()
    _use_keys(monkeypatch, old)
    reference = _book(seeded)

    _use_keys(monkeypatch, new, old)  # the new key first, the old one still readable
    assert cli.main(["rotate-encryption-key"]) == 0
    assert "1 bookings" in capsys.readouterr().out

    _use_keys(monkeypatch, new)  # the old key removed
    with Session(db.get_engine()) as session:
        row = session.exec(select(Booking).where(Booking.reference == reference)).one()
        assert crypto.decrypt(row.email_encrypted) == VISITOR["email"]
        assert Fernet(new).decrypt(row.name_encrypted.encode()).decode() == VISITOR["name"]


def test_a_wrong_key_stops_the_start_instead_of_blanking_contact_details(
    seeded: Session, monkeypatch, capsys
):
    _use_keys(monkeypatch, Fernet.generate_key())
    _book(seeded)

    _use_keys(monkeypatch, Fernet.generate_key())  # someone replaced the key
    with Session(db.get_engine()) as session:
        row = session.exec(select(Booking)).one()
        with pytest.raises(crypto.DecryptionError, match="ENCRYPTION_KEY"):
            crypto.decrypt(row.email_encrypted)
    assert cli.main(["init"]) == 1
    assert "ENCRYPTION_KEY cannot decrypt" in capsys.readouterr().err
    assert cli.main(["rotate-encryption-key"]) == 1
    assert "nothing changed" in capsys.readouterr().err
