"""Saving task config: validated, stored, cache invalidated, audited; the next read sees it."""

import datetime as dt

import pytest
from pydantic import ValidationError
from sqlmodel import select

from app.models import AdminAuditLog, AdminUser, FieldRefused, TaskConfigUpdate
from app.services.config import field_errors, get_task_config, save_task_config

EDITOR = AdminUser(id=7, email="a@x.com", role="editor", password_hash="-")


def _current(name: str) -> TaskConfigUpdate:
    return TaskConfigUpdate.model_validate(get_task_config(name).model_dump())


def test_phone_made_optional_is_used_on_the_next_read(seeded):
    assert "phone" in get_task_config("book_service").asked_fields()  # now cached
    update = _current("book_service")
    update.required_fields.remove("phone")
    update.optional_fields.append("phone")
    save_task_config(session=seeded, name="book_service", config_in=update, actor=EDITOR)
    config = get_task_config("book_service")
    assert "phone" not in config.required_fields
    assert config.asked_fields()[-1] == "phone"


def test_save_writes_an_admin_audit_row_with_previous_and_new(seeded):
    update = _current("book_service")
    update.blocked_dates.append(dt.date(2027, 2, 14))
    save_task_config(session=seeded, name="book_service", config_in=update, actor=EDITOR)
    row = seeded.exec(select(AdminAuditLog)).one()
    assert row.action == "update_task_config" and row.target == "book_service"
    assert "2027-02-14" not in row.previous_value["blocked_dates"]
    assert "2027-02-14" in row.new_value["blocked_dates"]
    assert (row.admin_id, row.admin_email) == (7, "a@x.com")


def test_unknown_field_is_refused_naming_the_field(seeded):
    update = _current("cancel_booking")
    update.required_fields.append("service_type")
    with pytest.raises(FieldRefused) as error:
        save_task_config(session=seeded, name="cancel_booking", config_in=update)
    assert field_errors(error.value) == {
        "required_fields": "'service_type' is not a field of cancel_booking; known: booking_reference, email"
    }


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"business_hours": {"monday": {"start": "18:00", "end": "09:00"}}},
            "business_hours.monday",
            "before",
        ),
        (
            {"business_hours": {"monday": {"start": "9am", "end": "18:00"}}},
            "business_hours.monday.start",
            "HH:MM",
        ),
        ({"blocked_dates": ["2027-13-01"]}, "blocked_dates.0", "date"),
        (
            {"services": [{"id": "a", "name": "A", "price": -1}]},
            "services.0.price",
            "greater than or equal",
        ),
        (
            {
                "services": [
                    {"id": "a", "name": "A", "price": 1},
                    {"id": "a", "name": "B", "price": 2},
                ]
            },
            "services",
            "used twice",
        ),
    ],
)
def test_invalid_config_names_the_field(body, field, message):
    with pytest.raises(ValidationError) as error:
        TaskConfigUpdate.model_validate(body)
    errors = field_errors(error.value)
    assert field in errors, errors
    assert message in errors[field]


def test_closed_days_and_blocked_dates(seeded):
    import datetime as dt

    config = get_task_config("book_service")
    assert config.hours_on(dt.date(2026, 11, 29)) is None  # a Sunday
    assert config.hours_on(dt.date(2026, 12, 25)) is None  # blocked holiday
    saturday = config.hours_on(dt.date(2026, 11, 28))
    assert (saturday.start, saturday.end) == ("10:00", "16:00")
