"""Finding 5: every event handler of every admin page checks who is calling.

A Reflex event can be sent over the websocket by anyone, whatever the page shows, so each
handler is called here as a signed-out visitor would call it: it must check the caller, and
nothing of the business's data may end up in that visitor's state.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from sqlmodel import Session, func, select

import app.state
from app.models import AdminUser, ContentSource, IngestJob, Role
from app.state.auth import AuthState
from tests.unit.test_admin_state_tasks import add_staff, make_state
from tests.unit.test_visitor_identity import Unlocked

# Reflex's own generic setter: it only sets the caller's own non-backend vars, which every
# handler that reads or writes data re-checks (see test_setvar_cannot_make_a_visitor_an_admin).
BUILT_IN = {"setvar"}
SECRET_EMAIL = "staff-secret@example.com"
SECRET_PAGE = "https://shop.example/secret-page"


def admin_handlers() -> list[tuple[type[AuthState], str]]:
    handlers = []
    for module_info in pkgutil.iter_modules(app.state.__path__):
        if not module_info.name.startswith("admin_"):
            continue
        module = importlib.import_module(f"app.state.{module_info.name}")
        for state_class in vars(module).values():
            if (
                isinstance(state_class, type)
                and issubclass(state_class, AuthState)
                and state_class.__module__ == module.__name__
            ):
                handlers += [(state_class, name) for name in state_class.event_handlers]
    return sorted(
        ((c, n) for c, n in handlers if n not in BUILT_IN), key=lambda h: (h[0].__name__, h[1])
    )


HANDLERS = admin_handlers()


def test_every_admin_page_state_is_enumerated() -> None:
    names = {state_class.__name__ for state_class, _ in HANDLERS}
    assert {"ContentState", "UsersState", "TasksState", "BookingsState"} <= names
    assert ("ContentState", "watch_jobs") in {(c.__name__, n) for c, n in HANDLERS}
    assert len(HANDLERS) >= 50


def _dummy(annotation: Any) -> Any:
    text = str(annotation)
    if "UploadFile" in text:
        return []
    if text.startswith("list"):
        return [SECRET_PAGE]
    if "bool" in text:
        return True
    if "int" in text:
        return 1
    if "dict" in text:
        return {"email": SECRET_EMAIL, "password": "x" * 12, "role": "admin"}
    return "1"


async def _call(state: AuthState, state_class: type[AuthState], name: str) -> None:
    handler = state_class.event_handlers[name]
    parameters = list(inspect.signature(handler.fn).parameters.values())[1:]
    args = [_dummy(p.annotation) for p in parameters if p.default is inspect.Parameter.empty]
    target = Unlocked(state) if handler.is_background else state
    result = handler.fn(target, *args)
    if inspect.isasyncgen(result):

        async def drain() -> None:
            async for _ in result:
                pass

        await asyncio.wait_for(drain(), 5)
    elif inspect.iscoroutine(result):
        await asyncio.wait_for(result, 5)


@pytest.mark.parametrize(
    ("state_class", "name"), HANDLERS, ids=[f"{c.__name__}.{n}" for c, n in HANDLERS]
)
async def test_a_signed_out_caller_is_checked_and_gets_nothing(
    seeded: Session, monkeypatch: pytest.MonkeyPatch, state_class: type[AuthState], name: str
) -> None:
    add_staff(seeded, SECRET_EMAIL, Role.admin)
    seeded.add(ContentSource(source=SECRET_PAGE, collection="website_content", status="ok"))
    seeded.add(IngestJob(target=SECRET_PAGE, status="running"))
    seeded.commit()
    checks: list[str] = []
    for guard in ("_current_admin", "_require_role", "_token_allows"):
        original = getattr(AuthState, guard)

        def spy(self, *args, _original=original, _guard=guard):
            checks.append(_guard)
            return _original(self, *args)

        monkeypatch.setattr(AuthState, guard, spy)
    state = make_state(state_class)  # no token: a visitor who opened a websocket

    await _call(state, state_class, name)

    assert checks, f"{state_class.__name__}.{name} does not check who calls it"
    shown = repr(state.dict())
    assert SECRET_EMAIL not in shown and SECRET_PAGE not in shown
    seeded.expire_all()
    assert seeded.exec(select(func.count()).select_from(AdminUser)).one() == 1
    assert seeded.exec(select(func.count()).select_from(IngestJob)).one() == 1


def test_setvar_cannot_make_a_visitor_an_admin(seeded: Session) -> None:
    from app.state.admin_users import UsersState
    from tests.unit.test_admin_state_tasks import call

    add_staff(seeded, SECRET_EMAIL, Role.admin)
    state = make_state(UsersState)
    state.admin_role = "admin"  # what setvar("admin_role", "admin") would do
    call(state, "load")
    assert SECRET_EMAIL not in repr(state.dict())
