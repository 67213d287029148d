"""Admin dashboard pages; each module registers its page with @rx.page on import."""

from app.pages.admin import (  # noqa: F401
    audit,
    bookings,
    callbacks,
    content,
    conversations,
    overview,
    settings,
    tasks,
    users,
)
