"""The admin dashboard in Chromium against the live product: sign in, change a task, add
content and try a question, and a viewer who cannot change anything."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

VIEWER_EMAIL = "viewer-e2e@example.com"
VIEWER_PASSWORD = "viewer-password-123"
FACT_PAGE = """<!doctype html><html><head><title>Gift vouchers | Brightpath Consulting</title></head>
<body><main><h1>Gift vouchers</h1>
<p>Brightpath gift vouchers can be bought at reception in amounts of 25, 50 or 100 dollars.
Every gift voucher is valid for 18 months from the day it is bought and can be used for any
consultation, demo or support session.</p></main></body></html>"""


def sign_in(page: Page, app_url: str, email: str, password: str) -> None:
    """Sign in through the login form at /admin."""
    page.goto(f"{app_url}/admin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("How your chatbot is doing")).to_be_visible()


def api_token(app_url: str, email: str, password: str) -> str:
    response = httpx.post(f"{app_url}/api/auth/login", json={"email": email, "password": password})
    response.raise_for_status()
    return response.json()["access_token"]


@pytest.fixture
def admin_api(live_stack) -> Iterator[httpx.Client]:
    """An admin API client for checking what the dashboard stored."""
    token = api_token(live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    with httpx.Client(
        base_url=f"{live_stack.app_url}/api", headers={"Authorization": f"Bearer {token}"}
    ) as client:
        yield client


@pytest.fixture
def booking_task_restored(admin_api: httpx.Client) -> Iterator[dict]:
    """book_service as it was before the test, put back afterwards for the other tests."""
    before = admin_api.get("/config/tasks/book_service").json()
    yield before
    body = {k: v for k, v in before.items() if k not in ("name", "kind", "updated_at")}
    admin_api.put("/config/tasks/book_service", json=body).raise_for_status()


@pytest.fixture
def fact_site(tmp_path: Path) -> Iterator[str]:
    """A one-page website the bot has never seen, served locally."""
    (tmp_path / "gift-vouchers.html").write_text(FACT_PAGE)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/gift-vouchers.html"
    server.shutdown()


def test_sign_in_survives_reload_and_sign_out_ends_it(live_stack, page: Page) -> None:
    sign_in(page, live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    expect(page.get_by_role("link", name="Users")).to_be_visible()

    page.reload()
    expect(page.get_by_text("How your chatbot is doing")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("Email")).to_be_visible()
    page.goto(f"{live_stack.app_url}/admin/tasks")
    expect(page.get_by_label("Password")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/admin/?$"))


def test_wrong_password_is_refused_in_words(live_stack, page: Page) -> None:
    page.goto(f"{live_stack.app_url}/admin")
    page.get_by_label("Email").fill(live_stack.admin_email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Wrong email or password.")).to_be_visible()


def test_make_phone_optional_and_block_a_date(
    live_stack, page: Page, admin_api: httpx.Client, booking_task_restored: dict
) -> None:
    blocked = dt.date.today() + dt.timedelta(days=150)
    while blocked.isoformat() in booking_task_restored["blocked_dates"]:
        blocked += dt.timedelta(days=1)
    sign_in(page, live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    page.goto(f"{live_stack.app_url}/admin/tasks")

    phone = page.get_by_role("row").filter(has_text="Phone")
    phone.get_by_role("radio", name="Optional").click()
    page.get_by_label("Date to block").fill(blocked.isoformat())
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".blocked-date", has_text=blocked.isoformat())).to_be_visible()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("The bot uses this from the next message")).to_be_visible()

    stored = admin_api.get("/config/tasks/book_service").json()
    assert "phone" in stored["optional_fields"]
    assert "phone" not in stored["required_fields"]
    assert blocked.isoformat() in stored["blocked_dates"]

    page.reload()
    phone = page.get_by_role("row").filter(has_text="Phone")
    expect(phone.get_by_role("radio", name="Optional")).to_be_checked()
    expect(page.locator(".blocked-date", has_text=blocked.isoformat())).to_be_visible()


def test_invalid_hours_are_refused_next_to_the_field(
    live_stack, page: Page, admin_api: httpx.Client, booking_task_restored: dict
) -> None:
    sign_in(page, live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    page.goto(f"{live_stack.app_url}/admin/tasks")
    page.get_by_label("Monday closes").fill("08:00")
    page.get_by_role("button", name="Save changes").click()

    expect(
        page.locator(".field-error", has_text="must be before closing time 08:00")
    ).to_be_visible()
    stored = admin_api.get("/config/tasks/book_service").json()
    assert stored["business_hours"]["monday"] == booking_task_restored["business_hours"]["monday"]


def test_add_a_page_from_the_content_page_and_the_bot_answers_from_it(
    live_stack, page: Page, fact_site: str
) -> None:
    sign_in(page, live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    page.goto(f"{live_stack.app_url}/admin/content")
    page.get_by_label("Page or sitemap address").fill(fact_site)
    page.get_by_role("button", name="Add", exact=True).click()

    job = page.locator(".ingest-job", has_text=fact_site).first
    expect(job.get_by_text("done", exact=True)).to_be_visible(timeout=180_000)
    row = page.get_by_role("row").filter(has_text="gift-vouchers")
    expect(row.get_by_text("ok", exact=True)).to_be_visible()

    page.get_by_label("Question to try").fill("How long is a gift voucher valid?")
    page.get_by_role("button", name="Ask").click()
    expect(page.locator(".tried-answer")).to_contain_text("18 months", timeout=60_000)
    expect(page.locator(".passage").first).to_contain_text("Gift vouchers")

    row.get_by_role("button", name="Delete").click()
    row.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_role("row").filter(has_text="gift-vouchers")).to_have_count(0)


def test_upload_a_file_from_the_content_page(live_stack, page: Page, tmp_path: Path) -> None:
    notes = tmp_path / "loyalty-card.md"
    notes.write_text(
        "# Loyalty card\n\nEvery tenth support session with a Brightpath loyalty card is free.\n"
    )
    sign_in(page, live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    page.goto(f"{live_stack.app_url}/admin/content")

    page.locator("#content_upload input[type=file]").set_input_files([str(notes)])
    expect(page.get_by_text("loyalty-card.md")).to_be_visible()
    page.get_by_role("button", name="Upload and add").click()

    job = page.locator(".ingest-job", has_text="loyalty-card").first
    expect(job.get_by_text("done", exact=True)).to_be_visible(timeout=180_000)
    row = page.get_by_role("row").filter(has_text="loyalty-card")
    expect(row.get_by_text("ok", exact=True)).to_be_visible()
    row.get_by_role("button", name="Delete").click()
    row.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_role("row").filter(has_text="loyalty-card")).to_have_count(0)


def test_a_viewer_sees_everything_but_cannot_save(
    live_stack, page: Page, admin_api: httpx.Client
) -> None:
    created = admin_api.post(
        "/users", json={"email": VIEWER_EMAIL, "password": VIEWER_PASSWORD, "role": "viewer"}
    )
    assert created.status_code in (201, 409), created.text
    sign_in(page, live_stack.app_url, VIEWER_EMAIL, VIEWER_PASSWORD)
    expect(page.get_by_role("link", name="Tasks")).to_be_visible()
    expect(page.get_by_role("link", name="Users")).to_have_count(0)
    expect(page.get_by_role("link", name="Audit log")).to_have_count(0)

    page.goto(f"{live_stack.app_url}/admin/tasks")
    expect(page.get_by_text("You can look at the settings but not change them")).to_be_visible()
    expect(page.get_by_role("button", name="Save changes")).to_have_count(0)
    phone = page.get_by_role("row").filter(has_text="Phone")
    expect(phone.get_by_role("radio")).to_have_count(0)
    expect(page.get_by_role("switch").first).to_be_disabled()

    page.goto(f"{live_stack.app_url}/admin/settings")
    expect(page.get_by_role("button", name="Save settings")).to_have_count(0)
    expect(page.get_by_label("Bot name")).to_be_disabled()

    page.goto(f"{live_stack.app_url}/admin/users")
    expect(page).to_have_url(re.compile(r"/admin/?$"))
