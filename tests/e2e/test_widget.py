"""The chat widget as a visitor meets it: on the demo customer page, in Chromium.

Uses the session's `live_stack` (Rasa, action server and the Reflex app on test ports) and a
fresh Playwright `page` per test. The booking driver answers whatever the bot asks next, so
the test follows the bot's flow as configured rather than one fixed script.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import FrameLocator, Page, WebSocketRoute, expect

pytestmark = pytest.mark.e2e

LAUNCHER = re.compile(r"^Open chat with")
REPLY_TIMEOUT = 60_000
XSS = "<img src=x onerror=alert(1)>"


class SocketGate:
    """Passes the app's websocket through, and can hold what the server sends for a while."""

    def __init__(self) -> None:
        self._held: list[tuple[WebSocketRoute, str | bytes]] = []
        self._holding = False
        self.held_frames = 0

    def route(self, socket: WebSocketRoute) -> None:
        server = socket.connect_to_server()

        def from_server(message: str | bytes) -> None:
            if self._holding:
                self._held.append((socket, message))
            else:
                socket.send(message)

        server.on_message(from_server)

    def hold(self) -> None:
        self._holding = True

    def release(self) -> None:
        """Let the held frames through, in the order they came."""
        self._holding = False
        self.held_frames = len(self._held)
        held, self._held = self._held, []
        for socket, message in held:
            socket.send(message)


def open_chat(page: Page, url: str) -> FrameLocator:
    """Open the demo page, click the launcher, wait for the conversation to show."""
    page.goto(url)
    page.get_by_role("button", name=LAUNCHER).click()
    frame = page.frame_locator("iframe[title^='Chat with']")
    expect(frame.get_by_role("log", name="Conversation")).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-bot").first).to_be_visible()  # the greeting
    return frame


def bot_count(frame: FrameLocator) -> int:
    return frame.locator(".chat-bot").count()


def send(frame: FrameLocator, text: str) -> None:
    box = frame.get_by_label("Type your message")
    box.fill(text)
    box.press("Enter")


def wait_for_reply(frame: FrameLocator, bots_before: int) -> str:
    """Wait until the bot has answered (a new bot message, nothing still in flight)."""
    expect(frame.locator(".chat-bot").nth(bots_before)).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-typing")).to_have_count(0, timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-visitor[data-status='sending']")).to_have_count(0)
    return frame.locator(".chat-bot .chat-text").last.inner_text()


def ask(frame: FrameLocator, text: str) -> str:
    before = bot_count(frame)
    send(frame, text)
    return wait_for_reply(frame, before)


def choose(frame: FrameLocator, title: re.Pattern[str]) -> str:
    before = bot_count(frame)
    button = frame.locator(".chat-quick-reply", has_text=title).first
    shown = button.inner_text()
    button.click()
    expect(frame.locator(".chat-visitor .chat-text").last).to_have_text(shown)
    return wait_for_reply(frame, before)


def answer_booking_prompt(frame: FrameLocator, prompt: str) -> str:
    """Answer what the booking form asks now, with a button where the bot offers one."""
    asked = prompt.lower()
    buttons = frame.locator(".chat-quick-reply")
    confirm = re.compile(r"^(yes|confirm)", re.I)
    if frame.locator(".chat-quick-reply", has_text=confirm).count():
        return choose(frame, confirm)
    if "email" in asked:
        return ask(frame, "ada.visitor@example.com")
    if "phone" in asked or "number" in asked:
        return ask(frame, "+1 215 555 0199")
    if "name" in asked:
        return ask(frame, "Ada Visitor")
    if "time" in asked and buttons.count():
        return choose(frame, re.compile(r"."))
    if "time" in asked:
        return ask(frame, "2pm")
    if re.search(r"date|day|when", asked):
        return ask(frame, "next Monday")
    if buttons.count():
        return choose(frame, re.compile(r"."))
    raise AssertionError(f"the booking form asked something unexpected: {prompt!r}")


def png_bytes() -> bytes:
    """A real 1x1 PNG (built here so the test needs no fixture file)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x0f\x76\x6e")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_the_widget_shows_an_answer_once_with_its_sources_once(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    before = bot_count(frame)

    answer = ask(frame, "What are your business hours?")

    assert re.search(r"\d", answer), answer
    # One message for the answer, no citation written into its text, no sentence said twice.
    assert bot_count(frame) == before + 1
    assert "source" not in answer.lower(), answer
    sentences = [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+", answer) if s.strip()]
    assert len(sentences) == len(set(sentences)), answer
    # Its pages as links under it, each once, opening in a new tab.
    links = frame.locator(".chat-bot").last.locator("a.chat-source")
    expect(links.first).to_be_visible()
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == len(set(hrefs)), hrefs
    assert all(href.startswith("http") for href in hrefs), hrefs
    assert links.first.get_attribute("target") == "_blank"
    expect(frame.locator(".chat-bot").last).to_contain_text("Source:")  # the label, once
    assert frame.locator(".chat-bot").last.inner_text().count("Source") == 1


def test_messages_sent_in_a_row_are_answered_in_order(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    questions = ["What are your business hours?", "How much is a consultation?", "thanks"]

    for question in questions:
        send(frame, question)

    expect(frame.locator(".chat-visitor .chat-text")).to_have_text(questions)
    expect(frame.locator(".chat-visitor[data-status='']")).to_have_count(3, timeout=REPLY_TIMEOUT)
    roles = frame.locator(".chat-row").evaluate_all(
        "rows => rows.map(r => r.classList.contains('chat-visitor') ? 'V' : 'B').join('')"
    )
    # greeting, then each question followed by its own answer(s)
    assert re.fullmatch(r"B(VB+){3}", roles), roles


def test_a_visitor_books_with_buttons_and_a_reload_keeps_the_form(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    ask(frame, "I'd like to book an appointment")
    service = frame.locator(".chat-quick-reply", has_text="Consultation").first.inner_text()
    prompt = choose(frame, re.compile("Consultation"))

    page.reload()  # mid-form: the chat reopens with its history and the form goes on
    frame = page.frame_locator("iframe[title^='Chat with']")
    expect(frame.locator(".chat-bot .chat-text").last).to_have_text(prompt, timeout=REPLY_TIMEOUT)
    # The button click is shown as the visitor saw it, not as the payload Rasa stored.
    expect(frame.locator(".chat-visitor .chat-text").last).to_have_text(service)

    for _ in range(12):
        if re.search(r"BK-\d{4}-\d+", prompt):
            break
        prompt = answer_booking_prompt(frame, prompt)
    assert re.search(r"BK-\d{4}-\d+", prompt), prompt


def test_another_page_of_the_site_keeps_the_conversation(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    ask(frame, "What are your business hours?")

    page.get_by_role("link", name="Services & prices").first.click()
    frame = page.frame_locator("iframe[title^='Chat with']")  # reopened where it was left

    expect(frame.locator(".chat-visitor .chat-text").first).to_have_text(
        "What are your business hours?", timeout=REPLY_TIMEOUT
    )
    expect(frame.locator("a.chat-source").first).to_be_visible()


def test_an_image_upload_is_shown_and_other_files_are_refused(
    live_stack, page: Page, tmp_path: Path
) -> None:
    frame = open_chat(page, live_stack.host_url)
    image = tmp_path / "receipt.png"
    image.write_bytes(png_bytes())
    fake = tmp_path / "notes.png"  # named like an image, but it is text
    fake.write_text("just some text, not a picture")

    frame.locator("input[type=file]").set_input_files(str(image))
    expect(frame.locator(".chat-attachment", has_text="receipt.png")).to_be_visible()
    expect(frame.locator(".chat-bot .chat-text").last).to_contain_text("received receipt.png")

    frame.locator("input[type=file]").set_input_files(str(fake))
    expect(frame.locator(".chat-upload-error")).to_contain_text("Only images")
    expect(frame.locator(".chat-attachment")).to_have_count(1)


def test_html_from_a_visitor_is_shown_as_text(live_stack, page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    frame = open_chat(page, live_stack.host_url)

    ask(frame, XSS)

    expect(frame.locator(".chat-visitor .chat-text").last).to_have_text(XSS)
    expect(frame.locator(".chat-row img")).to_have_count(0)
    assert dialogs == []


def test_start_over_begins_a_new_conversation(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    ask(frame, "What are your business hours?")

    frame.get_by_role("button", name="Start over").click()

    expect(frame.locator(".chat-visitor")).to_have_count(0)
    expect(frame.locator(".chat-bot")).to_have_count(1)
    page.reload()
    frame = page.frame_locator("iframe[title^='Chat with']")
    expect(frame.locator(".chat-bot")).to_have_count(1, timeout=REPLY_TIMEOUT)
    expect(frame.locator(".chat-visitor")).to_have_count(0)


def test_escape_closes_and_a_reply_while_closed_shows_an_unread_badge(
    live_stack, page: Page
) -> None:
    # The reply must reach the page after Escape has closed the chat. A live bot can answer
    # quicker than a key press, so the page's websocket holds what the server sends from the
    # moment the question goes out until the chat is closed, then lets it through in order.
    gate = SocketGate()
    page.route_web_socket(re.compile(r"/_event"), gate.route)
    frame = open_chat(page, live_stack.host_url)
    gate.hold()
    send(frame, "What are your business hours?")
    frame.get_by_label("Type your message").press("Escape")
    expect(page.locator("iframe[title^='Chat with']")).to_be_hidden()
    gate.release()
    launcher = page.get_by_role("button", name=re.compile(r"^Open chat with .*\(\d unread\)"))
    expect(launcher).to_be_visible(timeout=REPLY_TIMEOUT)
    expect(page.locator(".bc-badge")).to_have_text(re.compile(r"^[1-9]$"))
    assert gate.held_frames > 0  # the reply did come while the chat was closed

    launcher.click()
    expect(page.locator(".bc-badge")).to_be_hidden()
    expect(frame.get_by_label("Type your message")).to_be_focused()


def test_the_widget_fills_a_phone_screen(live_stack, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        phone = context.new_page()
        open_chat(phone, live_stack.host_url)
        box = phone.locator("iframe[title^='Chat with']").bounding_box()
        assert box is not None
        assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 390, 844)
    finally:
        context.close()


def test_the_widget_page_may_be_framed_only_by_allowed_sites(live_stack, page: Page) -> None:
    response = page.request.get(f"{live_stack.app_url}/widget")
    policy = response.headers["content-security-policy"]
    assert policy.startswith("frame-ancestors 'self'")
    assert "http://localhost:3000" in policy  # the demo business's allowed origin
    script = page.request.get(f"{live_stack.app_url}/embed.js")
    assert script.headers["content-type"].startswith("text/javascript")


def test_when_rasa_is_down_the_message_is_kept_and_sent_on_retry(live_stack, page: Page) -> None:
    frame = open_chat(page, live_stack.host_url)
    live_stack.stop("rasa")
    try:
        send(frame, "Are you open on Saturdays?")
        expect(frame.get_by_role("button", name="Retry")).to_be_visible(timeout=REPLY_TIMEOUT)
        expect(frame.locator(".chat-failed")).to_be_visible()
        expect(frame.locator(".chat-visitor .chat-text").last).to_have_text(
            "Are you open on Saturdays?"
        )
    finally:
        live_stack.start("rasa")
        live_stack.wait_healthy()

    before = bot_count(frame)
    frame.get_by_role("button", name="Retry").click()

    wait_for_reply(frame, before)
    expect(frame.locator(".chat-failed")).to_have_count(0)
    expect(frame.get_by_role("button", name="Retry")).to_have_count(0)
    expect(frame.locator(".chat-visitor .chat-text")).to_have_text(["Are you open on Saturdays?"])
