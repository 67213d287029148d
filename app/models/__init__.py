"""SQLModel tables and schemas. No reflex import here: the action server imports it."""

from app.models.admin_user import (
    AdminUser,
    AdminUserCreate,
    AdminUserPublic,
    AdminUserUpdate,
    RefreshToken,
    RevokedToken,
    Role,
)
from app.models.audit import AdminAuditLog, AuditLog
from app.models.booking import (
    Booking,
    BookingStatus,
    IdempotencyRecord,
    Meeting,
    OutboxEmail,
    ReferenceCounter,
    SlotClaim,
)
from app.models.bot_config import BotConfig, BotSettingsPublic, BotSettingsUpdate
from app.models.callback import CallbackRequest, CallbackStatus
from app.models.content import COLLECTIONS, ContentSource, IngestJob
from app.models.conversation import (
    OUTCOMES,
    AnalyticsSyncState,
    Attachment,
    Conversation,
    ConversationTurn,
)
from app.models.task_config import (
    TASK_KINDS,
    WEEKDAYS,
    FieldError,
    OpeningHours,
    Service,
    TaskConfig,
    TaskConfigCreate,
    TaskConfigPublic,
    TaskConfigUpdate,
    utcnow,
)

__all__ = [
    "COLLECTIONS",
    "OUTCOMES",
    "TASK_KINDS",
    "WEEKDAYS",
    "AdminAuditLog",
    "AdminUser",
    "AdminUserCreate",
    "AdminUserPublic",
    "AdminUserUpdate",
    "AnalyticsSyncState",
    "Attachment",
    "AuditLog",
    "Booking",
    "BookingStatus",
    "BotConfig",
    "BotSettingsPublic",
    "BotSettingsUpdate",
    "CallbackRequest",
    "CallbackStatus",
    "ContentSource",
    "Conversation",
    "ConversationTurn",
    "FieldError",
    "IdempotencyRecord",
    "IngestJob",
    "Meeting",
    "OpeningHours",
    "OutboxEmail",
    "ReferenceCounter",
    "RefreshToken",
    "RevokedToken",
    "Role",
    "Service",
    "SlotClaim",
    "TaskConfig",
    "TaskConfigCreate",
    "TaskConfigPublic",
    "TaskConfigUpdate",
    "utcnow",
]
