"""POST /api/auth/login, /refresh, /logout, /password and GET /api/auth/me."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, Field

from app.api.auth_deps import STAFF_ERRORS, BearerToken, CurrentAdmin, error_responses
from app.api.deps import SessionDep
from app.core.client_ip import client_ip
from app.core.rate_limit import enforce
from app.core.security import TokenError
from app.core.settings import get_settings
from app.models import AdminUserPublic, AdminUserUpdate
from app.services import auth
from app.services.users import update_user

router = APIRouter()


class LoginRequest(BaseModel):
    email: str = Field(min_length=3, max_length=255)
    password: str = Field(min_length=1, max_length=128)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1)


class LogoutRequest(BaseModel):
    refresh_token: str | None = None


class PasswordChange(BaseModel):
    current_password: str = Field(min_length=1, max_length=128)
    new_password: str = Field(min_length=10, max_length=128)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int


def _client_ip(request: Request) -> str:
    peer = request.client.host if request.client else None
    return client_ip(peer, request.headers.get("x-forwarded-for"))


def _checked_login(session: SessionDep, request: Request, email: str, password: str):
    """`auth.login` (the dashboard uses the same), its refusals as HTTP errors."""
    try:
        return auth.login(
            session=session, email=email, password=password, client_ip=_client_ip(request)
        )
    except auth.LoginThrottled as exc:
        raise HTTPException(
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            detail=str(exc),
            headers={"Retry-After": str(exc.retry_after)},
        ) from exc


@router.post(
    "/login",
    summary="Sign in with email and password",
    responses=error_responses(401, 429),
)
def login(body: LoginRequest, request: Request, session: SessionDep) -> TokenPair:
    """Access token (short expiry) and refresh token; 401 wrong login, 429 too many attempts."""
    try:
        user = _checked_login(session, request, body.email, body.password)
    except auth.InvalidCredentials as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=str(exc)) from exc
    return TokenPair(**auth.issue_tokens(user, session=session))


@router.post(
    "/refresh",
    summary="Swap a refresh token for a new token pair",
    responses=error_responses(401, 429),
)
def refresh(body: RefreshRequest, request: Request, session: SessionDep) -> TokenPair:
    """The old refresh token stops working (rotation); 401 when it is not valid."""
    enforce(get_settings().login_rate_limit, "refresh-ip", _client_ip(request))
    try:
        return TokenPair(**auth.refresh(session=session, refresh_token=body.refresh_token))
    except TokenError as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail=f"Sign in again: {exc}.",
            headers={"WWW-Authenticate": "Bearer"},
        ) from exc


@router.post(
    "/logout", status_code=status.HTTP_204_NO_CONTENT, summary="Sign out", responses=STAFF_ERRORS
)
def logout(
    user: CurrentAdmin, token: BearerToken, session: SessionDep, body: LogoutRequest | None = None
) -> None:
    """Revoke this access token and, when sent, its refresh token."""
    auth.revoke(
        session=session, access_token=token, refresh_token=body.refresh_token if body else None
    )


@router.get("/me", summary="The signed-in account", responses=STAFF_ERRORS)
def me(user: CurrentAdmin) -> AdminUserPublic:
    return AdminUserPublic.model_validate(user, from_attributes=True)


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Change my password",
    responses=STAFF_ERRORS,
)
def change_password(
    body: PasswordChange, user: CurrentAdmin, request: Request, session: SessionDep
) -> None:
    """Every existing token of the account stops working; sign in again with the new one."""
    try:
        # Throttled like a sign-in: a stolen access token must not guess the password.
        _checked_login(session, request, user.email, body.current_password)
    except auth.InvalidCredentials as exc:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=[
                {
                    "loc": ["body", "current_password"],
                    "msg": "The current password is not right.",
                    "type": "value_error",
                }
            ],
        ) from exc
    update_user(
        session=session,
        user_id=user.id,
        user_in=AdminUserUpdate(password=body.new_password),
        actor=user,
    )
