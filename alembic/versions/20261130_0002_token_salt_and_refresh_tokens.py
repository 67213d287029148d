"""token salt per staff account; refresh tokens with families (reuse detection)

Revision ID: 0002_tokens
Revises: 0001
Create Date: 2026-11-30 20:35:00
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_tokens"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("admin_users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("token_salt", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
    # Every existing account gets its own random salt (its current tokens stop working:
    # its staff sign in once more).
    connection = op.get_bind()
    users = sa.table("admin_users", sa.column("id", sa.Integer), sa.column("token_salt"))
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(
            users.update().where(users.c.id == user_id).values(token_salt=secrets.token_hex(16))
        )
    with op.batch_alter_table("admin_users", schema=None) as batch_op:
        batch_op.alter_column(
            "token_salt", existing_type=sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False
        )

    op.create_table(
        "refresh_tokens",
        sa.Column("jti", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("family", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("jti"),
    )
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refresh_tokens_expires_at"), ["expires_at"])
        batch_op.create_index(batch_op.f("ix_refresh_tokens_family"), ["family"])
        batch_op.create_index(batch_op.f("ix_refresh_tokens_user_id"), ["user_id"])


def downgrade() -> None:
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refresh_tokens_user_id"))
        batch_op.drop_index(batch_op.f("ix_refresh_tokens_family"))
        batch_op.drop_index(batch_op.f("ix_refresh_tokens_expires_at"))
    op.drop_table("refresh_tokens")
    with op.batch_alter_table("admin_users", schema=None) as batch_op:
        batch_op.drop_column("token_salt")
