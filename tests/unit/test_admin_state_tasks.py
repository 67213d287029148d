"""The dashboard's handlers: sign-in, task and settings saves, role checks done on the server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import reflex as rx
from sqlmodel import Session, select

from app.core.security import create_token, hash_password
from app.models import AdminAuditLog, AdminUser, Role
from app.services.auth import issue_tokens
from app.services.config import get_bot_settings, get_task_config
from app.state.admin_settings import SettingsState, form_to_settings
from app.state.admin_tasks import TasksState, config_to_form, errors_by_place, form_to_update
from app.state.admin_users import UsersState
from app.state.auth import AuthState

PASSWORD = "a-long-enough-password"


def make_state(state_class: type[AuthState]) -> Any:
    """A fresh state tree, as Reflex builds one per browser tab; returns the wanted substate."""
    root = rx.State(_reflex_internal_init=True)
    return root.get_substate(state_class.get_full_name().split(".")[1:])


def call(state: AuthState, handler: str, *args: Any) -> Any:
    """Run an event handler's code the way Reflex does for a browser event."""
    owner = next(c for c in type(state).__mro__ if handler in getattr(c, "event_handlers", {}))
    return owner.event_handlers[handler].fn(state, *args)


def add_staff(session: Session, email: str, role: Role) -> AdminUser:
    user = AdminUser(email=email, role=role, password_hash=hash_password(PASSWORD))
    session.add(user)
    session.commit()
    session.refresh(user)
    return user


def signed_in(state_class: type[AuthState], user: AdminUser) -> Any:
    state = make_state(state_class)
    state.access_token = issue_tokens(user)["access_token"]
    return state


def audit_rows(session: Session) -> list[AdminAuditLog]:
    session.expire_all()
    return list(session.exec(select(AdminAuditLog)).all())


def test_the_form_round_trips_the_stored_config(seeded: Session) -> None:
    config = get_task_config("book_service")
    form = config_to_form(config)

    update = form_to_update(
        enabled=form["enabled"],
        fields=form["fields"],
        hours=form["hours"],
        blocked_dates=form["blocked_dates"],
        services=form["services"],
        keep={"slot_minutes": config.slot_minutes, "durations": config.durations},
    )

    assert update.model_dump() == config.model_dump(include=set(type(update).model_fields))
    assert [h.closed for h in form["hours"]][-1] is True  # closed on Sunday
    assert {f.name: f.mode for f in form["fields"]}["phone"] == "required"


def test_errors_are_grouped_where_the_page_shows_them() -> None:
    grouped = errors_by_place(
        {
            "business_hours.monday": "opening time 09:00 must be before closing time 08:00",
            "services.1.price": "Input should be greater than or equal to 0",
            "blocked_dates.0": "Input should be a valid date",
            "optional_fields": "'fax' is not a field",
        }
    )

    assert grouped == {
        "business_hours.monday": "Opening time 09:00 must be before closing time 08:00",
        "services.1": "Price: Input should be greater than or equal to 0",
        "blocked_dates": "Input should be a valid date",
        "optional_fields": "'fax' is not a field",
    }


def test_an_editor_makes_phone_optional_and_blocks_a_date(seeded: Session) -> None:
    editor = add_staff(seeded, "editor@example.com", Role.editor)
    state = signed_in(TasksState, editor)
    call(state, "load")

    call(state, "set_field_mode", "phone", ["optional"])
    call(state, "set_new_blocked_date", "2027-03-15")
    call(state, "add_blocked_date")
    call(state, "save")

    assert state.errors == {}
    assert "next message" in state.saved_message
    config = get_task_config("book_service")  # what the bot reads (cache was invalidated)
    assert "phone" in config.optional_fields and "phone" not in config.required_fields
    assert "2027-03-15" in [d.isoformat() for d in config.blocked_dates]
    [row] = audit_rows(seeded)
    assert (row.admin_email, row.action, row.target) == (
        "editor@example.com",
        "update_task_config",
        "book_service",
    )


def test_a_viewer_save_is_refused_by_the_handler(seeded: Session) -> None:
    viewer = add_staff(seeded, "viewer@example.com", Role.viewer)
    state = signed_in(TasksState, viewer)
    call(state, "load")
    assert state.can_edit is False

    call(state, "set_field_mode", "phone", "optional")
    call(state, "save")

    assert "phone" in get_task_config("book_service").required_fields
    assert audit_rows(seeded) == []
    assert state.saved_message == ""


def test_hours_that_end_before_they_start_are_refused_next_to_the_day(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    state = signed_in(TasksState, admin)
    call(state, "load")

    call(state, "set_day_time", "monday", "end", "08:00")
    call(state, "save")

    assert state.errors["business_hours.monday"].startswith("Opening time 09:00 must be before")
    assert get_task_config("book_service").business_hours["monday"].end == "18:00"
    assert audit_rows(seeded) == []


def test_a_blocked_date_cannot_be_added_twice(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    state = signed_in(TasksState, admin)
    call(state, "load")

    call(state, "set_new_blocked_date", "2026-12-25")
    call(state, "add_blocked_date")

    assert state.errors["blocked_dates"] == "25 Dec 2026 is already blocked."
    assert state.blocked_dates.count("2026-12-25") == 1


def test_a_tampered_token_signs_the_admin_out(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    state = signed_in(TasksState, admin)
    state.access_token = state.access_token[:-4] + "AAAA"

    call(state, "load")

    assert state.signed_in is False
    assert state.access_token == ""
    assert state.tasks == []


def test_login_keeps_the_tokens_and_a_wrong_password_says_so(seeded: Session) -> None:
    add_staff(seeded, "owner@example.com", Role.editor)
    state = make_state(AuthState)

    call(state, "login", {"email": "owner@example.com", "password": "wrong-password"})
    assert state.login_error == "Wrong email or password."
    assert state.access_token == ""

    call(state, "login", {"email": "Owner@Example.com ", "password": PASSWORD})
    assert state.login_error == ""
    assert state.access_token and state.refresh_token
    assert (state.admin_email, state.admin_role, state.can_edit, state.is_admin) == (
        "owner@example.com",
        "editor",
        True,
        False,
    )


def test_logout_revokes_the_token(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    state = signed_in(TasksState, admin)
    token = state.access_token

    call(state, "logout")
    assert state.access_token == "" and state.signed_in is False

    state.access_token = token  # replaying the old token from another tab
    call(state, "load")
    assert state.signed_in is False


def test_settings_refuse_a_bad_colour_and_save_a_good_one(seeded: Session) -> None:
    editor = add_staff(seeded, "editor@example.com", Role.editor)
    state = signed_in(SettingsState, editor)
    call(state, "load")

    call(state, "set_value", "brand_color", "teal")
    call(state, "save")
    assert state.errors == {"brand_color": "use a hex colour like #2563eb"}

    for wrong in ("", "0", "two", "51", "1.5"):
        call(state, "set_value", "parallel_appointments", wrong)
        call(state, "save")
        assert state.errors["parallel_appointments"] == "enter a whole number from 1 to 50"
    call(state, "set_value", "parallel_appointments", "2")
    call(state, "set_value", "brand_color", "#FF5500")
    call(
        state,
        "set_value",
        "allowed_origins",
        "https://www.brightpath.example/\nhttp://localhost:8765",
    )
    call(state, "save")
    assert state.errors == {}
    bot = get_bot_settings()
    assert bot.brand_color == "#ff5500" and bot.parallel_appointments == 2
    assert bot.allowed_origins == ["http://localhost:8765", "https://www.brightpath.example"]


def test_settings_form_turns_blank_contacts_into_none() -> None:
    form = {"bot_name": "Ava", "business_name": "Shop", "greeting": "Hi", "brand_color": "#112233"}
    form |= {"timezone": "UTC", "answer_threshold": "0.5", "fallback_text": "Sorry"}
    form |= {"contact_email": " ", "contact_phone": "", "allowed_origins": ""}
    form |= {"contact_address": "  ", "contact_page_url": ""}
    form |= {"widget_position": "left", "default_phone_region": "GB"}
    form |= {"parallel_appointments": " 3 "}

    settings_in = form_to_settings(form)

    assert settings_in.contact_email is None and settings_in.contact_phone is None
    assert settings_in.contact_address is None and settings_in.contact_page_url is None
    form |= {"contact_address": "14 The Calls, Leeds", "contact_page_url": "https://x.example/c"}
    assert form_to_settings(form).contact_page_url == "https://x.example/c"
    assert settings_in.answer_threshold == pytest.approx(0.5)
    assert settings_in.parallel_appointments == 3


def test_only_admins_add_users(seeded: Session) -> None:
    editor = add_staff(seeded, "editor@example.com", Role.editor)
    state = signed_in(UsersState, editor)
    state.new_user = {
        "email": "new@example.com",
        "full_name": "",
        "role": "admin",
        "password": PASSWORD,
    }

    call(state, "create")

    assert (
        seeded.exec(select(AdminUser).where(AdminUser.email == "new@example.com")).first() is None
    )


def expired_access_token(user: AdminUser) -> str:
    token, _, _ = create_token(
        subject=str(user.id),
        token_type="access",
        expires_in=dt.timedelta(seconds=-5),
        claims={"ver": user.token_version, "role": user.role},
    )
    return token


def test_an_expired_session_is_renewed_with_the_refresh_token(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    state = make_state(TasksState)
    state.access_token = expired_access_token(admin)
    state.refresh_token = issue_tokens(admin)["refresh_token"]

    call(state, "load")

    assert state.signed_in is True
    assert state.access_token != expired_access_token(admin)
    assert len(state.tasks) == 4


def test_an_expired_session_without_refresh_asks_to_sign_in_again(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    state = make_state(TasksState)
    state.access_token = expired_access_token(admin)

    call(state, "load")

    assert state.signed_in is False
    assert state.session_notice == "Your session has ended. Please sign in again."
