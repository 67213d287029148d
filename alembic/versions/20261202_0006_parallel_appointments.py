"""appointments at the same time (practitioners, chairs or rooms) in the bot settings

Revision ID: 0006_parallel_appointments
Revises: 0005_contact_profile
Create Date: 2026-12-02 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006_parallel_appointments"
down_revision: str | None = "0005_contact_profile"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("bot_config", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("parallel_appointments", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    with op.batch_alter_table("bot_config", schema=None) as batch_op:
        batch_op.drop_column("parallel_appointments")
