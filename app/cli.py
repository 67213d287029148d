"""Operator commands: `python -m app.cli init | create-admin | migrate`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sqlmodel import Session, select

from app.core.db import get_engine
from app.core.logging import configure_logging
from app.core.security import hash_password
from app.core.settings import ROOT_DIR, get_settings
from app.models import AdminUser, AdminUserCreate, Role


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
    return create_admin(args.email, args.role, args.password, args.reset)


if __name__ == "__main__":
    raise SystemExit(main())
