"""Handoff to a person end to end, in Chromium against the live product: a visitor asks for a
person in the widget and leaves a contact and a note; staff see the request in the dashboard
(with a count in the menu), read the conversation, and mark it done."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_admin import api_token, sign_in
from tests.e2e.test_widget import ask, open_chat

pytestmark = pytest.mark.e2e

CONTACT = "callback-e2e@example.com"
NOTE = "a quote for twelve people please"


def test_a_handoff_made_in_the_widget_is_listed_in_the_dashboard_and_marked_done(
    live_stack, page: Page
) -> None:
    frame = open_chat(page, live_stack.host_url)
    assert "email address or phone number" in ask(frame, "can I talk to a real person please")
    assert "what should they know" in ask(frame, f"my email is {CONTACT}")
    done = ask(frame, NOTE)
    match = re.search(r"request #(\d+)", done)
    assert match, done
    assert f"they'll email you at {CONTACT}" in done
    assert re.search(r"open now|closed right now|as soon as we can", done), done
    request_id = match.group(1)

    sign_in(page, live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    menu_link = page.get_by_role("link", name=re.compile("^Callbacks"))
    expect(menu_link.locator(".callbacks-badge")).to_be_visible()
    menu_link.click()
    expect(page.get_by_role("heading", name="Callbacks")).to_be_visible()
    row = page.locator(".callback-row", has_text=CONTACT)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(NOTE)
    expect(row).to_contain_text(f"#{request_id}")
    expect(row).to_contain_text("asked for a person")

    row.get_by_role("button", name=f"Open the conversation of request {request_id}").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("can I talk to a real person please")
    expect(dialog).to_contain_text(f"request #{request_id}")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)

    row.get_by_role("button", name=f"Mark request {request_id} done").click()
    expect(page.get_by_text(f"Request #{request_id} is marked done.")).to_be_visible()
    expect(page.locator(".callback-row", has_text=CONTACT)).to_have_count(0)

    token = api_token(live_stack.app_url, live_stack.admin_email, live_stack.admin_password)
    listed = httpx.get(
        f"{live_stack.app_url}/api/callbacks",
        params={"status": "done"},
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    finished = [i for i in listed["items"] if str(i["id"]) == request_id]
    assert [(i["contact"], i["note"], i["done_by"]) for i in finished] == [
        (CONTACT, NOTE, live_stack.admin_email)
    ]
