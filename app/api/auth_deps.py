"""Who is calling the admin API, and may they: typed dependencies for routes.

- `CurrentAdmin`: any signed-in staff account (admin, editor or viewer): read-only routes.
- `EditorAccess`: admin or editor: configuration and content changes.
- `AdminAccess`: admin only: users and audit log.

Each resolves the bearer token to an active account and counts the request against the
per-user admin API rate limit (`ADMIN_RATE_LIMIT`, 50/minute by default).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from app.api.deps import SessionDep
from app.core.rate_limit import enforce
from app.core.security import TokenError
from app.core.settings import get_settings
from app.models import AdminUser, Role
from app.services.auth import user_from_access_token


class FieldProblem(BaseModel):
    """Which field of the request is wrong, and why."""

    field: str
    message: str


class ErrorMessage(BaseModel):
    """An error in words, `{"detail": "..."}`, or naming the field: `{"detail": {"field", "message"}}`."""

    detail: str | FieldProblem


class ValidationProblems(BaseModel):
    """The fields that are missing or not valid, as FastAPI reports them."""

    detail: list[dict[str, Any]]


INVALID_FIELDS = {
    422: {"model": ValidationProblems, "description": "A field is missing or not valid"}
}


def error_responses(*codes: int) -> dict[int | str, dict]:
    """OpenAPI entries for the error answers a route can give (clients and schemathesis use them)."""
    words = {
        400: "The body could not be read (not valid JSON, or broken form data)",
        401: "Not signed in: no token, or one that is expired, tampered with or revoked",
        403: "Signed in, but this role may not do it",
        404: "No such item",
        409: "The change conflicts with existing data",
        429: "Too many requests; see Retry-After",
    }
    return {code: {"model": ErrorMessage, "description": words[code]} for code in codes}


STAFF_ERRORS = error_responses(401, 403, 429)
"""What every signed-in route may answer besides success and 422."""

bearer_scheme = HTTPBearer(auto_error=False, description="Access token from POST /api/auth/login")
BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


def bearer_token(credentials: BearerCredentials) -> str:
    """The raw bearer token of the request; 401 when there is none."""
    if credentials is None or not credentials.credentials:
        raise _unauthorized("Sign in first: send 'Authorization: Bearer <access token>'.")
    return credentials.credentials


BearerToken = Annotated[str, Depends(bearer_token)]


def current_admin(session: SessionDep, token: BearerToken) -> AdminUser:
    """The signed-in staff account; 401 for a missing, expired, tampered or revoked token."""
    try:
        user = user_from_access_token(session, token)
    except TokenError as exc:
        raise _unauthorized(f"Not signed in: {exc}.") from exc
    enforce(get_settings().admin_rate_limit, "admin", str(user.id))
    return user


CurrentAdmin = Annotated[AdminUser, Depends(current_admin)]


def require_role(*roles: Role) -> Callable[[AdminUser], AdminUser]:
    """A dependency that lets only the given roles through (403 for the others)."""
    allowed = {role.value for role in roles}

    def check_role(user: CurrentAdmin) -> AdminUser:
        if user.role not in allowed:
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail=f"Your role ({user.role}) may not do this; ask an administrator.",
            )
        return user

    return check_role


EditorAccess = Annotated[AdminUser, Depends(require_role(Role.admin, Role.editor))]
AdminAccess = Annotated[AdminUser, Depends(require_role(Role.admin))]
