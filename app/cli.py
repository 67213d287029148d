"""Operator commands: `python -m app.cli init | create-admin | migrate | purge |
rotate-encryption-key`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sqlmodel import Session, select

from app.core import crypto
from app.core.db import get_engine
from app.core.logging import configure_logging
from app.core.security import hash_password
from app.core.settings import ROOT_DIR, get_settings
from app.models import AdminUser, AdminUserCreate, Booking, IdempotencyRecord, Meeting, Role


def migrate() -> None:
    """Bring the database schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(ROOT_DIR / "alembic.ini"))
    config.attributes["configure_logger"] = False
    command.upgrade(config, "head")


def init(print_credentials: Path | None = None) -> int:
    """Migrate, seed the demo business, create the first admin (printing a generated password)."""
    from app.services.seed import ensure_first_admin, seed_demo_business

    settings = get_settings()
    migrate()
    with Session(get_engine()) as session:
        problem = check_encryption_key(session)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 1
        recover_after_crash(session)
        if seed_demo_business(session=session):
            print("Seeded the demo business (Brightpath Consulting).")
        generated = ensure_first_admin(
            session=session, email=settings.admin_email, password=settings.admin_password
        )
    if generated:
        line = f"Admin login: {settings.admin_email} / {generated}"
        print(line)
        print("(shown once; keep it, or run `python -m app.cli create-admin --reset` to change it)")
        if print_credentials:
            print_credentials.parent.mkdir(parents=True, exist_ok=True)
            print_credentials.write_text(line + "\n")
            print_credentials.chmod(0o600)
    return 0


def recover_after_crash(session: Session) -> None:
    """Start-up housekeeping: ingest jobs a crash left running, expired idempotency keys,
    booking emails not sent yet."""
    from app.services import outbox
    from app.services.content_jobs import recover_interrupted_jobs
    from app.services.idempotency import purge_idempotency_keys

    recover_interrupted_jobs(session=session)
    purge_idempotency_keys(session=session)
    outbox.recover(session=session)
    outbox.deliver_pending()  # emails a crash kept from going out


def purge() -> int:
    """The retention purge, now (the web process also runs it once a day)."""
    from app.services.retention import purge_old_data

    migrate()
    with Session(get_engine()) as session:
        counts = purge_old_data(session=session)
    days = get_settings().retention_days
    summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
    print(f"Deleted what was older than {days} days: {summary}.")
    return 0


def check_encryption_key(session: Session) -> str | None:
    """Why the configured keys cannot read the stored contact details, or None when they can.

    Run at every start: a wrong ENCRYPTION_KEY (or a changed SECRET_KEY on an install without
    one) must stop the product with this message, not show bookings without names.
    """
    for model in (Booking, Meeting):
        newest = session.exec(select(model).order_by(model.id.desc()).limit(1)).first()
        if newest is None:
            continue
        try:
            crypto.decrypt(newest.email_encrypted)
        except crypto.DecryptionError:
            return (
                f"ENCRYPTION_KEY cannot decrypt the stored {model.__tablename__}' contact "
                "details. Put the key they were written with back in ENCRYPTION_KEY (after the "
                "new one, comma-separated) and run `python -m app.cli rotate-encryption-key`."
            )
    return None


def rotate_encryption_key() -> int:
    """Re-encrypt every stored piece of PII with the newest ENCRYPTION_KEY, in one transaction.

    Rotation: put a new key first in ENCRYPTION_KEY (`new,old`), run this, then drop `old`.
    """
    migrate()
    counts: dict[str, int] = {}
    with Session(get_engine()) as session:
        try:
            for model in (Booking, Meeting):
                rows = session.exec(select(model)).all()
                for row in rows:
                    row.name_encrypted = crypto.rotate(row.name_encrypted)
                    row.email_encrypted = crypto.rotate(row.email_encrypted)
                    row.phone_encrypted = crypto.rotate(row.phone_encrypted)
                    session.add(row)
                counts[model.__tablename__] = len(rows)
            sealed = 0
            for record in session.exec(select(IdempotencyRecord)).all():
                body = record.response_body or {}
                if "sealed" in body:
                    record.response_body = {"sealed": crypto.rotate(body["sealed"])}
                    session.add(record)
                    sealed += 1
            counts["idempotency_keys"] = sealed
        except crypto.DecryptionError as exc:
            session.rollback()
            print(f"error: nothing changed: {exc}", file=sys.stderr)
            return 1
        session.commit()
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"Re-encrypted with the newest ENCRYPTION_KEY: {summary}.")
    print("The older keys can now be removed from ENCRYPTION_KEY.")
    return 0


def create_admin(email: str, role: str, password: str | None, reset: bool) -> int:
    """Create a staff account, or with --reset set a new password on an existing one."""
    password = password or getpass.getpass("Password (10+ characters): ")
    try:
        account = AdminUserCreate(email=email, password=password, role=Role(role))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    migrate()
    with Session(get_engine()) as session:
        user = session.exec(
            select(AdminUser).where(AdminUser.email == account.email.lower())
        ).first()
        if user and not reset:
            print(f"error: {email} exists; use --reset to set a new password", file=sys.stderr)
            return 1
        if user:
            user.password_hash = hash_password(account.password)
            user.token_version += 1  # signs out every session of that account
            user.failed_logins, user.locked_until, user.is_active = 0, None, True
        else:
            user = AdminUser(
                email=account.email.lower(),
                role=account.role,
                password_hash=hash_password(account.password),
            )
        session.add(user)
        session.commit()
    print(f"{'Reset' if reset else 'Created'} {account.role.value} {email}")
    return 0


def main(argv: list[str] | None = None) -> int:
    configure_logging("WARNING")
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    init_parser = sub.add_parser(
        "init", help="migrate, seed the demo business, create the first admin"
    )
    init_parser.add_argument("--credentials-file", type=Path, default=None)
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser(
        "purge", help="delete conversations, Rasa events and uploads older than RETENTION_DAYS"
    )
    sub.add_parser(
        "rotate-encryption-key",
        help="re-encrypt stored contact details with the first key in ENCRYPTION_KEY",
    )
    create = sub.add_parser("create-admin", help="create a staff account or reset its password")
    create.add_argument("email")
    create.add_argument("--role", default="admin", choices=[r.value for r in Role])
    create.add_argument("--password", default=None, help="omit to be prompted")
    create.add_argument(
        "--reset", action="store_true", help="set a new password on an existing account"
    )
    args = parser.parse_args(argv)
    if args.command == "init":
        return init(args.credentials_file)
    if args.command == "migrate":
        migrate()
        return 0
    if args.command == "rotate-encryption-key":
        return rotate_encryption_key()
    if args.command == "purge":
        return purge()
    return create_admin(args.email, args.role, args.password, args.reset)


if __name__ == "__main__":
    raise SystemExit(main())
