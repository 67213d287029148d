"""Shared FastAPI dependencies (typed aliases). Auth dependencies live in app/api/auth_deps.py."""

from typing import Annotated

from fastapi import Depends
from sqlmodel import Session

from app.core.db import get_session

SessionDep = Annotated[Session, Depends(get_session)]
