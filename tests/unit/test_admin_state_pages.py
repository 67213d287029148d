"""Handlers and views of the Overview, Content, Bookings and Audit pages."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from app.models import BookingCreate, IngestJob, Role
from app.services import bookings
from app.services.config import get_task_config
from app.state.admin_audit import AuditState, changes
from app.state.admin_bookings import BookingsState
from app.state.admin_content import ContentState, job_view
from app.state.admin_overview import summary_to_view
from app.state.rows import FieldChange, UnansweredQuestion
from tests.unit.test_admin_state_tasks import add_staff, call, signed_in


def next_open_monday() -> dt.date:
    config = get_task_config("book_service")
    day = dt.date.today() + dt.timedelta(days=1)
    while day.weekday() != 0 or day in config.blocked_dates:
        day += dt.timedelta(days=1)
    return day


def book_consultation(session: Session) -> str:
    start = dt.datetime.combine(next_open_monday(), dt.time(14, 0))
    outcome = bookings.create_booking(
        session=session,
        booking_in=BookingCreate(
            service_id="consultation",
            start=start,
            name="Ada Lovelace",
            email="ada@example.com",
            phone="+1 212 555 0188",
        ),
    )
    return outcome.body["reference"]


def test_summary_is_shown_in_words_and_chart_rows() -> None:
    view = summary_to_view(
        {
            "conversations": 12,
            "messages": 80,
            "containment_rate": 0.8333,
            "fallback_rate": 0.05,
            "booked": 3,
            "meetings_booked": 1,
            "median_response_ms": 420.0,
            "p95_response_ms": 1900.0,
            "conversations_per_day": [{"date": "2026-11-24", "count": 5}],
            "top_intents": [{"intent": "ask_business_info", "count": 9}],
            "booking_funnel": {"started": 6, "confirmed": 4, "cancelled": 1},
            "unanswered_questions": [{"text": "do you park cars?", "count": 2}],
        }
    )

    assert view["kpis"] == {
        "conversations": "12",
        "messages": "80",
        "containment": "83%",
        "fallback": "5%",
        "bookings": "4",
        "median": "420 ms",
        "p95": "1.9 s",
    }
    assert view["per_day"] == [{"day": "24 Nov", "conversations": 5}]
    assert view["top_intents"] == [{"intent": "ask business info", "count": 9}]
    assert [row["count"] for row in view["funnel"]] == [6, 4, 1]
    assert view["unanswered"] == [UnansweredQuestion(text="do you park cars?", count=2)]


def test_an_empty_range_shows_dashes_not_zero_percent() -> None:
    view = summary_to_view({"conversations": 0, "containment_rate": None, "p95_response_ms": None})

    assert (view["kpis"]["containment"], view["kpis"]["p95"]) == ("–", "–")


def test_job_progress_in_words() -> None:
    running = IngestJob(id=4, target="https://x.example/sitemap.xml", status="running")
    running.pages_total, running.pages_done, running.message = 8, 2, "Reading https://x.example/a"
    failed = IngestJob(
        id=5, target="/var/uploads/ab12-menu.pdf", status="failed", message="not a PDF"
    )

    assert job_view(running).percent == 25
    assert job_view(running).finished is False
    assert job_view(running).pages == "2 of 8 page(s)"
    assert job_view(failed).message == "Could not add this: not a PDF"
    assert job_view(failed).target == "ab12-menu.pdf"
    assert job_view(failed).finished is True


def test_a_viewer_cannot_add_content_and_an_editor_must_type_a_web_address(seeded: Session) -> None:
    viewer = signed_in(ContentState, add_staff(seeded, "viewer@example.com", Role.viewer))
    viewer.new_target = "https://www.example.com/"
    call(viewer, "add_url")
    assert viewer.jobs == []

    editor = signed_in(ContentState, add_staff(seeded, "editor@example.com", Role.editor))
    call(editor, "set_new_target", "www.example.com")
    call(editor, "add_url")
    assert editor.target_error.startswith("Type a full web address")
    assert editor.jobs == []


def test_staff_cancel_a_booking_but_a_viewer_cannot(seeded: Session) -> None:
    reference = book_consultation(seeded)
    viewer = signed_in(BookingsState, add_staff(seeded, "viewer@example.com", Role.viewer))
    call(viewer, "load")
    [row] = viewer.rows
    assert (row.reference, row.status, row.name) == (
        reference,
        "confirmed",
        "Ada Lovelace",
    )

    call(viewer, "open_detail", reference)
    call(viewer, "cancel_booking")
    call(viewer, "load")
    assert viewer.rows[0].status == "confirmed"

    editor = signed_in(BookingsState, add_staff(seeded, "editor@example.com", Role.editor))
    call(editor, "load")
    call(editor, "open_detail", reference)
    call(editor, "cancel_booking")
    assert editor.detail is not None and editor.detail.status == "cancelled"
    assert editor.rows[0].status == "cancelled"


def test_the_audit_log_shows_what_changed_from_what_to_what(seeded: Session) -> None:
    admin = add_staff(seeded, "owner@example.com", Role.admin)
    from tests.unit.test_admin_state_tasks import TasksState

    tasks = signed_in(TasksState, admin)
    call(tasks, "load")
    call(tasks, "set_field_mode", "phone", "optional")
    call(tasks, "save")

    audit = signed_in(AuditState, admin)
    call(audit, "load")
    [row] = audit.staff_rows
    assert row.who == "owner@example.com"
    assert row.target == "book_service"
    assert {c.field for c in row.changes} == {"required_fields", "optional_fields"}


def test_the_audit_log_is_for_admins_only(seeded: Session) -> None:
    editor = signed_in(AuditState, add_staff(seeded, "editor@example.com", Role.editor))

    call(editor, "load")

    assert editor.staff_rows == [] and editor.loading is True


def test_changes_list_only_the_keys_that_differ() -> None:
    assert changes({"a": 1, "b": [1]}, {"a": 1, "b": [1, 2], "c": "x"}) == [
        FieldChange(field="b", before="[1]", after="[1, 2]"),
        FieldChange(field="c", before="null", after="x"),
    ]
