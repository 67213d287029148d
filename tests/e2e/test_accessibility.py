"""WCAG 2.1 AA in the browser: axe-core on every page and state, keyboard-only use, and the
screen-reader details axe cannot judge on its own.

axe-core (bundled by axe-playwright-python) runs in Debian's Chromium against the live
product. A page passes when axe finds nothing at all among the WCAG 2.0/2.1 A and AA rules
and its best practices (landmarks, heading order, ...), except the moderate or minor
findings listed in `JUSTIFIED` with the reason; critical and serious findings are never
accepted (none is accepted today: `JUSTIFIED` is empty). The first test sees the overview as
a new business does, before any conversation; the widget tests follow, and their
conversations and the keyboard-only booking give the dashboard's pages their "with data" state.
"""

from __future__ import annotations

import functools
import http.server
import re
import struct
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, FrameLocator, Page, expect

pytestmark = pytest.mark.e2e

REPLY_TIMEOUT = 60_000
# The focus moves into the chat within moments of it loading; generous for a busy machine.
FOCUS_TIMEOUT = 20_000
AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# Moderate or minor axe findings accepted, with why. Critical and serious ones never are.
JUSTIFIED: dict[str, str] = {}
NEVER_ACCEPTED = ("critical", "serious")
LAUNCHER = re.compile(r"^Open chat with")
BOOKING_REFERENCE = re.compile(r"BK-\d{4}-\d+")

# Is the focused element's focus visible? Its own outline or ring, or (for Radix's text
# fields and switches, which draw the ring on a wrapper) its parent's.
FOCUS_IS_VISIBLE = """() => {
  const shows = (el) => {
    if (!el) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow && style.boxShadow !== "none");
  };
  const el = document.activeElement;
  return shows(el) || shows(el.parentElement);
}"""


ANIMATIONS_FINISHED = """() => document.getAnimations().every(
  a => a.playState !== "running" || a.effect.getComputedTiming().iterations === Infinity)"""
STILL_FINISHED_TWO_FRAMES_LATER = f"""() => new Promise(resolve => requestAnimationFrame(
  () => requestAnimationFrame(() => resolve(({ANIMATIONS_FINISHED})()))))"""
REACHABLE_CONTROLS = """() => [...document.querySelectorAll(
    'a[href], button, input, select, textarea, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length
                && getComputedStyle(el).visibility !== 'hidden')"""
# Controls Tab should have reached but did not. A radio group counts as reached when one of
# its radios was (Tab enters the group, the arrow keys move inside it).
NOT_REACHED = f"""() => ({REACHABLE_CONTROLS})()
  .filter(el => !window.__visited.some(seen => seen === el || el.contains(seen)))
  .map(el => el.getAttribute("aria-label") || el.innerText || el.outerHTML.slice(0, 80))"""
POSITIVE_TABINDEX = """() => [...document.querySelectorAll('[tabindex]')]
  .filter(el => el.tabIndex > 0).length"""
# One Tab press: "same" (still in the same control), "done" (back at the start, or out of
# the page), else whether the new control follows the previous one in the page and shows focus.
NEXT_FOCUS_STEP = """() => {
  const el = document.activeElement, seen = window.__visited;
  const previous = seen[seen.length - 1];
  if (el === previous) return "same";
  if (el === document.body || seen.includes(el)) return "done";
  seen.push(el);
  return {
    in_order: !previous || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
    visible: window.__focusVisible(),
    name: el.getAttribute("aria-label") || el.innerText || el.tagName,
  };
}"""


# --- helpers ---------------------------------------------------------------------------------


def assert_accessible(target: Page | Frame, what: str) -> None:
    """axe-core finds no critical, serious or unjustified violation in `target`."""
    # Colours are judged as people see them once things stop moving (a toast fading in is
    # transparent for a moment); endless animations such as a spinner are left alone.
    # Something mounted a frame ago (a toast after a save) starts its fade only on the next
    # frame, so "nothing moving" must still hold two frames later.
    for _ in range(50):
        target.wait_for_function(ANIMATIONS_FINISHED)
        if target.evaluate(STILL_FINISHED_TWO_FRAMES_LATER):
            break
    violations = AXE.run(target, options=AXE_OPTIONS).response["violations"]
    problems = [v for v in violations if v["impact"] in NEVER_ACCEPTED or v["id"] not in JUSTIFIED]
    report = "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:4])
        + "\n    "
        + " ".join(v["nodes"][0].get("failureSummary", "").split())
        for v in problems
    )
    assert not problems, f"{what}: axe-core found\n{report}"


def widget_frame(page: Page) -> Frame:
    """The chat iframe as a Frame (axe runs inside it, where the widget's DOM is)."""
    handle = page.locator("iframe[title^='Chat with']").element_handle()
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    return frame


def open_chat(page: Page, url: str) -> FrameLocator:
    page.goto(url)
    page.get_by_role("button", name=LAUNCHER).click()
    frame = page.frame_locator("iframe[title^='Chat with']")
    expect(frame.get_by_role("log", name="Conversation")).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-bot").first).to_be_visible()
    return frame


def wait_for_reply(frame: FrameLocator, bots_before: int) -> str:
    expect(frame.locator(".chat-bot").nth(bots_before)).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-typing")).to_have_count(0, timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-visitor[data-status='sending']")).to_have_count(0)
    return frame.locator(".chat-bot .chat-text").last.inner_text()


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x0f\x76\x6e")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def focused(target: Page | Frame) -> dict:
    """What has the keyboard focus: tag, id, classes, text and accessible label."""
    return target.evaluate(
        """() => { const el = document.activeElement; return {
             tag: el.tagName.toLowerCase(), id: el.id || "", classes: el.className?.toString() || "",
             text: (el.innerText || el.value || "").trim(), label: el.getAttribute("aria-label") || "" }; }"""
    )


def tab_until(page: Page, target: Page | Frame, matches, *, key: str = "Tab", limit: int = 40):
    """Press Tab (or Shift+Tab) until the focused element `matches`; fail after `limit`."""
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(target)
        if matches(now):
            return now
    raise AssertionError(f"{key} never reached the wanted control (last: {focused(target)})")


def sign_in(page: Page, live_stack) -> None:
    page.goto(f"{live_stack.app_url}/admin")
    page.get_by_label("Email").fill(live_stack.admin_email)
    page.get_by_label("Password").fill(live_stack.admin_password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("How your chatbot is doing")).to_be_visible(timeout=REPLY_TIMEOUT)


def go(page: Page, live_stack, path: str, ready: str) -> None:
    page.goto(f"{live_stack.app_url}{path}")
    expect(page.get_by_role("heading", name=ready, exact=True)).to_be_visible()
    expect(page.locator(".rt-Skeleton")).to_have_count(0)


# --- the dashboard before any conversation -----------------------------------------------


def test_overview_passes_axe_as_a_new_business_first_sees_it(live_stack, page: Page) -> None:
    """On a fresh product (this module's first test) the charts are still empty states."""
    sign_in(page, live_stack)
    expect(page.get_by_text("Conversations per day")).to_be_visible()
    assert_accessible(page, "overview before the widget tests' conversations")


# --- the widget ------------------------------------------------------------------------------


def test_demo_page_and_the_empty_widget_pass_axe(live_stack, page: Page) -> None:
    page.goto(live_stack.host_url)
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible(timeout=REPLY_TIMEOUT)
    assert_accessible(page, "demo page with the launcher (closed)")

    open_chat(page, live_stack.host_url)
    expect(page.locator("iframe[title^='Chat with']")).to_have_attribute(
        "title", re.compile(r"^Chat with \S")
    )
    assert_accessible(page, "demo page with the chat open")
    assert_accessible(widget_frame(page), "widget, only the greeting")


def test_a_conversation_with_quick_replies_passes_axe(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    log = frame.get_by_role("log", name="Conversation")
    expect(log).to_have_attribute("aria-live", "polite")

    box = frame.get_by_label("Type your message")
    box.fill("What are your business hours?")
    box.press("Enter")
    wait_for_reply(frame, 1)
    expect(frame.locator("a.chat-source").first).to_be_visible()
    before = frame.locator(".chat-bot").count()
    box.fill("I'd like to book an appointment")
    box.press("Enter")
    wait_for_reply(frame, before)
    expect(frame.get_by_role("group", name="Suggested replies")).to_be_visible()

    assert_accessible(widget_frame(page), "widget with an answer, sources and quick replies")


def test_sending_a_file_and_a_refused_file_pass_axe(live_stack, page: Page, tmp_path: Path) -> None:
    frame = open_chat(page, live_stack.host_url)
    image = tmp_path / "receipt.png"
    image.write_bytes(png_bytes())
    fake = tmp_path / "notes.png"
    fake.write_text("just some text, not a picture")
    file_input = frame.get_by_label("Image or PDF to send")

    file_input.set_input_files(str(image))
    expect(frame.locator(".chat-attachment", has_text="receipt.png")).to_be_visible()
    file_input.set_input_files(str(fake))
    expect(frame.get_by_role("alert")).to_contain_text("Only images")

    assert_accessible(widget_frame(page), "widget with a sent file and a refused one")


def test_the_phone_layout_passes_axe(live_stack, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        phone = context.new_page()
        open_chat(phone, live_stack.host_url)
        assert_accessible(phone, "demo page on a phone, chat open")
        assert_accessible(widget_frame(phone), "widget on a phone")
    finally:
        context.close()


def test_reduced_motion_stops_the_widget_animations(live_stack, browser) -> None:
    animation = "() => getComputedStyle(document.querySelector('.chat-row')).animationName"
    for motion, moving in (("no-preference", True), ("reduce", False)):
        context = browser.new_context(reduced_motion=motion)
        try:
            visitor = context.new_page()
            open_chat(visitor, live_stack.host_url)
            name = widget_frame(visitor).evaluate(animation)
            assert (name != "none") is moving, f"{motion}: animation {name!r}"
        finally:
            context.close()


def answer_with_keyboard(page: Page, frame: FrameLocator, widget: Frame, prompt: str) -> str:
    """Answer what the booking form asks now, typing or choosing a suggested reply by keys."""
    asked = prompt.lower()
    buttons = frame.locator(".chat-quick-reply")
    confirm = re.compile(r"^(yes|confirm)", re.I)
    if frame.locator(".chat-quick-reply", has_text=confirm).count():
        return choose_with_keyboard(page, frame, widget, confirm)
    typed = None
    if "email" in asked:
        typed = "keyboard.visitor@example.com"
    elif "phone" in asked or "number" in asked:
        typed = "+1 215 555 0142"
    elif "name" in asked:
        typed = "Kay Board"
    elif "time" in asked and buttons.count():
        return choose_with_keyboard(page, frame, widget, re.compile(r"."))
    elif "time" in asked:
        typed = "2pm"
    elif re.search(r"date|day|when", asked):
        typed = "next Tuesday"
    elif buttons.count():
        return choose_with_keyboard(page, frame, widget, re.compile(r"."))
    if typed is None:
        raise AssertionError(f"the booking form asked something unexpected: {prompt!r}")
    return type_with_keyboard(page, frame, widget, typed)


def type_with_keyboard(page: Page, frame: FrameLocator, widget: Frame, text: str) -> str:
    assert focused(widget)["id"] == "chat-input", focused(widget)
    before = frame.locator(".chat-bot").count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    return wait_for_reply(frame, before)


def choose_with_keyboard(
    page: Page, frame: FrameLocator, widget: Frame, title: re.Pattern[str]
) -> str:
    """From the message field, Shift+Tab back to a suggested reply and press Enter."""
    before = frame.locator(".chat-bot").count()
    chosen = tab_until(
        page,
        widget,
        lambda el: "chat-quick-reply" in el["classes"] and title.search(el["text"]),
        key="Shift+Tab",
    )
    assert widget.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {chosen}"
    page.keyboard.press("Enter")
    expect(frame.locator(".chat-visitor .chat-text").last).to_have_text(chosen["text"])
    reply = wait_for_reply(frame, before)
    # The buttons are gone with the answer; the keyboard is back in the message field.
    expect(frame.get_by_label("Type your message")).to_be_focused()
    return reply


def test_a_visitor_books_a_consultation_with_the_keyboard_only(live_stack, page: Page) -> None:
    page.goto(live_stack.host_url)
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible(timeout=REPLY_TIMEOUT)

    launcher = tab_until(page, page, lambda el: "bc-launcher" in el["classes"])
    assert page.evaluate(FOCUS_IS_VISIBLE), "the launcher shows no focus"
    assert launcher["label"].startswith("Open chat with")
    page.keyboard.press("Enter")
    frame = page.frame_locator("iframe[title^='Chat with']")
    # Opening moves the keyboard into the chat's message field once the chat has loaded.
    expect(frame.locator(".chat-bot").first).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(frame.get_by_label("Type your message")).to_be_focused(timeout=FOCUS_TIMEOUT)
    widget = widget_frame(page)

    prompt = type_with_keyboard(page, frame, widget, "I'd like to book a consultation")
    for _ in range(14):
        if BOOKING_REFERENCE.search(prompt):
            break
        prompt = answer_with_keyboard(page, frame, widget, prompt)
    assert BOOKING_REFERENCE.search(prompt), prompt
    assert re.search(r"You're booked!.*consultation", prompt, re.I | re.S), prompt

    page.keyboard.press("Escape")
    expect(page.locator("iframe[title^='Chat with']")).to_be_hidden()
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()
    assert page.evaluate(FOCUS_IS_VISIBLE), "focus is back on the launcher but not visible"


def test_opening_the_chat_first_time_by_keyboard_puts_the_focus_in_the_field(
    live_stack, browser
) -> None:
    """A new visitor (fresh browser, the chat's frame not created yet) Tabs to the launcher and
    presses Enter: once the chat has loaded, the keys go to its message field, every time.

    Several fresh visitors, because whether the page's script or the loaded conversation comes
    first in the frame varies from one opening to the next.
    """
    for visitor in range(3):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(20_000)
        try:
            page = context.new_page()
            page.goto(live_stack.host_url)
            expect(page.get_by_role("button", name=LAUNCHER)).to_be_visible(timeout=REPLY_TIMEOUT)
            expect(page.locator("iframe")).to_have_count(0)  # the chat is not loaded yet
            tab_until(page, page, lambda el: "bc-launcher" in el["classes"])
            page.keyboard.press("Enter")

            frame = page.frame_locator("iframe[title^='Chat with']")
            expect(frame.locator(".chat-bot").first).to_be_visible(timeout=REPLY_TIMEOUT)
            field = frame.get_by_label("Type your message")
            expect(field, f"visitor {visitor + 1}: the message field has no focus").to_be_focused(
                timeout=FOCUS_TIMEOUT
            )

            # No click, no extra Tab: what the visitor types is sent.
            text = f"What are your business hours? ({visitor + 1})"
            page.keyboard.type(text)
            page.keyboard.press("Enter")
            expect(frame.locator(".chat-visitor .chat-text").last).to_have_text(text)
            wait_for_reply(frame, 1)
            expect(field).to_be_focused()
        finally:
            context.close()


# --- the dashboard ---------------------------------------------------------------------------


def test_sign_in_page_passes_axe_empty_and_with_an_error(live_stack, page: Page) -> None:
    page.goto(f"{live_stack.app_url}/admin")
    expect(page.get_by_label("Email")).to_be_visible(timeout=REPLY_TIMEOUT)
    assert_accessible(page, "sign-in page")

    page.get_by_label("Email").fill(live_stack.admin_email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password.")
    assert_accessible(page, "sign-in page with a refused password")


def test_overview_passes_axe_after_the_widget_conversations(live_stack, page: Page) -> None:
    """In module order the widget tests have talked to the bot: the charts have data."""
    sign_in(page, live_stack)
    expect(page.get_by_text("Conversations per day")).to_be_visible()
    assert_accessible(page, "overview after the widget's conversations")

    # On a phone the menu shows icons only: each link keeps its name.
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_role("link", name="Conversations")).to_be_visible()
    expect(page.get_by_role("navigation", name="Admin menu").get_by_text("Tasks")).to_be_hidden()
    assert_accessible(page, "overview on a phone")


def test_tasks_pass_axe_for_each_task_and_with_errors(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/tasks", "Tasks")
    picker = page.get_by_role("group", name="Task to edit")
    names = [b.inner_text() for b in picker.get_by_role("button").all()]
    assert len(names) >= 4, names
    for index, name in enumerate(names):
        picker.get_by_role("button").nth(index).click()
        expect(picker.get_by_role("button").nth(index)).to_have_attribute("aria-pressed", "true")
        expect(page.locator(".rt-Skeleton")).to_have_count(0)
        assert_accessible(page, f"tasks: {name}")

    picker.get_by_role("button", name=re.compile("^Book")).click()
    closes = page.get_by_label("Monday closes")
    closes.fill("08:00")
    page.get_by_label("Service name").first.fill("")
    page.get_by_role("button", name="Save changes").click()
    expect(closes).to_have_accessible_description(re.compile("must be before closing time"))
    expect(page.get_by_label("Service name").first).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "tasks with errors next to the fields")


def test_settings_pass_axe_and_name_the_brand_text_colour(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/settings", "Settings")
    assert_accessible(page, "settings")

    colour = page.get_by_label("Brand colour", exact=True)
    colour.fill("#fde047")  # a yellow: white text on it would be 1.3:1
    expect(colour).to_have_accessible_description(
        re.compile(r"only 1\.\d:1 \(AA needs 4\.5:1\), so the widget uses dark text")
    )
    assert_accessible(page, "settings with a light brand colour (dark text chosen)")

    colour.fill("teal")
    email = page.get_by_label("Contact email")
    email.fill("not an email")
    page.get_by_role("button", name="Save settings").click()
    expect(colour).to_have_accessible_description(re.compile("use a hex colour like #2563eb"))
    expect(colour).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "settings with errors next to the fields")


@pytest.fixture
def parking_page(tmp_path: Path) -> Iterator[str]:
    """A one-page website served on loopback, for an import to show its progress."""
    (tmp_path / "courtyard-parking.html").write_text(
        "<!doctype html><html><head><title>Parking | Brightpath</title></head><body><main>"
        "<h1>Parking</h1><p>Visitors park free in the Brightpath courtyard, entrance on Elm "
        "Street, for up to two hours during a consultation.</p></main></body></html>"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/courtyard-parking.html"
    server.shutdown()


def test_content_passes_axe_with_sources_an_import_an_error_and_a_tried_question(
    live_stack, page: Page, parking_page: str
) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/content", "Content")
    expect(page.get_by_role("row").nth(1)).to_be_visible()
    assert_accessible(page, "content with sources")

    address = page.get_by_label("Page or sitemap address")
    address.fill("not a web address")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(address).to_have_attribute("aria-invalid", "true")
    expect(address).to_have_accessible_description(re.compile("Type a full web address"))
    page.get_by_label("Question to try").fill("How much is a consultation?")
    page.get_by_role("button", name="Ask").click()
    expect(page.locator(".tried-answer")).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(page.locator(".passage").first).to_be_visible()
    assert_accessible(page, "content with an address error and a tried question")

    address.fill(parking_page)
    page.get_by_role("button", name="Add", exact=True).click()
    job = page.locator(".ingest-job", has_text="courtyard-parking").first
    expect(job.get_by_text("done", exact=True)).to_be_visible(timeout=180_000)
    expect(page.get_by_role("progressbar", name=re.compile("courtyard-parking"))).to_be_visible()
    assert_accessible(page, "content with a finished import")
    row = page.get_by_role("row").filter(has_text="courtyard-parking")
    row.get_by_role("button", name="Delete").click()
    row.get_by_role("button", name="Yes, delete").click()
    expect(page.get_by_role("row").filter(has_text="courtyard-parking")).to_have_count(0)


def test_conversations_pass_axe_empty_with_data_and_a_transcript(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/conversations", "Conversations")
    expect(page.get_by_role("button", name="Open").first).to_be_visible(timeout=REPLY_TIMEOUT)
    assert_accessible(page, "conversations with data")

    page.get_by_role("button", name="Open").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator(".transcript-turn").first).to_be_visible()
    assert_accessible(page, "a conversation's transcript")
    dialog.get_by_role("button", name="Close").click()
    expect(page.get_by_role("dialog")).to_have_count(0)  # as with bookings below

    page.get_by_label("From date").fill("2001-01-01")
    page.get_by_label("To date").fill("2001-01-02")
    expect(page.get_by_text("No conversations here")).to_be_visible(timeout=REPLY_TIMEOUT)
    assert_accessible(page, "conversations, none match the filters")


def test_bookings_pass_axe_empty_with_data_and_details(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/bookings", "Bookings")
    expect(page.get_by_role("button", name="Details").first).to_be_visible(timeout=REPLY_TIMEOUT)
    assert_accessible(page, "bookings with data")

    page.get_by_role("button", name="Details").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Cancel booking").click()
    expect(dialog.get_by_role("button", name="Keep it")).to_be_visible()
    assert_accessible(page, "a booking's details, asking before cancelling")
    dialog.get_by_role("button", name="Keep it").click()
    dialog.get_by_role("button", name="Close").click()
    # The server's answer to Close re-renders the filters; typing before it lands is lost.
    expect(page.get_by_role("dialog")).to_have_count(0)

    page.get_by_label("Reference").fill("BK-0000-0")
    expect(page.get_by_text("No bookings here")).to_be_visible(timeout=REPLY_TIMEOUT)
    assert_accessible(page, "bookings, none match the filters")


def test_audit_log_passes_axe_on_both_tabs(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/audit", "Audit log")
    assert_accessible(page, "audit log: staff changes")
    page.get_by_role("tab", name=re.compile("^Bot actions")).click()
    expect(page.get_by_role("tabpanel")).to_be_visible()
    assert_accessible(page, "audit log: bot actions")


def test_users_pass_axe_with_the_add_dialog_and_its_errors(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/users", "Users")
    assert_accessible(page, "users")

    page.get_by_role("button", name="Add member").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("New member email").fill("not-an-email")
    dialog.get_by_label("New member password").fill("short")
    dialog.get_by_role("button", name="Add member").click()
    password = dialog.get_by_label("New member password")
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(password).to_have_accessible_description(re.compile(r"At least 10 characters\..+"))
    assert_accessible(page, "add-member dialog with errors")


def test_dashboard_skip_link_and_a_visible_logical_focus_order(live_stack, page: Page) -> None:
    sign_in(page, live_stack)
    go(page, live_stack, "/admin/tasks", "Tasks")

    # Every control can be reached with Tab, in page order, with its focus shown.
    assert page.evaluate(POSITIVE_TABINDEX) == 0, "a positive tabindex breaks the page order"
    page.evaluate(f"() => {{ window.__visited = []; window.__focusVisible = {FOCUS_IS_VISIBLE}; }}")
    controls = page.evaluate(f"() => ({REACHABLE_CONTROLS})().length")
    # A time field is one control with several stops (hours, minutes, AM/PM): hence the slack.
    for _ in range(controls * 4):
        page.keyboard.press("Tab")
        step = page.evaluate(NEXT_FOCUS_STEP)
        if step == "done":
            break
        if step == "same":
            continue
        assert step["in_order"], f"focus jumped back to {step['name']!r}"
        assert step["visible"], f"no visible focus on {step['name']!r}"
    missed = page.evaluate(NOT_REACHED)
    assert missed == [], f"Tab never reached {missed}"
    assert len(page.evaluate("() => window.__visited")) > 40

    # The skip link comes first and moves the keyboard into the main content.
    go(page, live_stack, "/admin/tasks", "Tasks")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to main content", skip
    assert page.evaluate(FOCUS_IS_VISIBLE), "the skip link is not visible when focused"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert focused(page)["text"] != "Overview"  # not back in the menu
