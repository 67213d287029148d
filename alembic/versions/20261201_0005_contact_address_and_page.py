"""contact address and contact page in the bot settings

Revision ID: 0005_contact_profile
Revises: 0004_callbacks
Create Date: 2026-12-01 06:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0005_contact_profile"
down_revision: str | None = "0004_callbacks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("bot_config", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("contact_address", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("contact_page_url", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("bot_config", schema=None) as batch_op:
        batch_op.drop_column("contact_page_url")
        batch_op.drop_column("contact_address")
