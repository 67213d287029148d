"""Chat widget building blocks: pure functions of the vars and handlers they are given.

Everything a visitor or the bot wrote is rendered as a text node (`rx.text`), never as HTML
or Markdown, so a message like `<img src=x onerror=alert(1)>` shows as those characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from app.components.a11y import label_file_input, sr_only

MUTED = "#4b5563"  # 6.8:1 on the bot bubble (#6b7280 was 4.3:1 there)
BOT_BUBBLE = "#f1f3f5"
TEXT = "#111827"

# Our own CSS (no visitor content): typing dots, bubbles' entry, and the mobile layout.
WIDGET_CSS = """
@keyframes chat-dot { 0%, 80%, 100% { opacity: .25; transform: translateY(0); }
                      40% { opacity: 1; transform: translateY(-3px); } }
@keyframes chat-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; } }
.chat-dot { width: 7px; height: 7px; border-radius: 50%; background: #9ca3af;
            animation: chat-dot 1.2s infinite ease-in-out; }
.chat-dot:nth-child(2) { animation-delay: .15s; } .chat-dot:nth-child(3) { animation-delay: .3s; }
.chat-row { animation: chat-in .18s ease-out; }
html[data-embedded="no"] .chat-close { display: none; }
html, body { margin: 0; height: 100%; overflow: hidden; }
@media (prefers-reduced-motion: reduce) { .chat-dot, .chat-row { animation: none; } }
"""


def header_icon_button(
    icon: str, label: str, on_click: Any, text_color: rx.Var, class_name: str = ""
) -> rx.Component:
    """A labelled icon button in the coloured header."""
    return rx.icon_button(
        rx.icon(icon, size=18, aria_hidden="true"),
        on_click=on_click,
        variant="ghost",
        aria_label=label,
        title=label,
        color=text_color,
        class_name=class_name,
        size="2",
        radius="full",
        _hover={"background": "rgba(255,255,255,0.16)"},
    )


def chat_header(
    *,
    bot_name: rx.Var,
    business_name: rx.Var,
    brand_color: rx.Var,
    text_color: rx.Var,
    sound_on: rx.Var,
    on_start_over: Any,
    on_toggle_sound: Any,
    on_close: Any,
) -> rx.Component:
    """Header in the brand colour: avatar, bot name, and the conversation's actions."""
    return rx.el.header(
        rx.hstack(
            rx.center(
                rx.icon("bot", size=20, aria_hidden="true"),
                width="38px",
                height="38px",
                border_radius="50%",
                background="rgba(255,255,255,0.2)",
                flex_shrink="0",
            ),
            rx.vstack(
                rx.heading(bot_name, as_="h1", size="3", weight="bold", color=text_color),
                rx.text(
                    rx.cond(business_name, business_name, "We're here to help"),
                    size="1",
                    # Full strength: the text colour was chosen to reach 4.5:1 on the brand colour.
                    color=text_color,
                ),
                spacing="0",
                flex="1",
                min_width="0",
            ),
            header_icon_button("rotate-ccw", "Start over", on_start_over, text_color),
            rx.cond(
                sound_on,
                header_icon_button("volume-2", "Turn sound off", on_toggle_sound, text_color),
                header_icon_button("volume-x", "Turn sound on", on_toggle_sound, text_color),
            ),
            header_icon_button("x", "Close chat", on_close, text_color, class_name="chat-close"),
            align="center",
            spacing="2",
            padding="14px 12px 14px 16px",
            background=brand_color,
            color=text_color,
        ),
        style={"flex_shrink": "0"},
    )


def source_links(sources: rx.Var) -> rx.Component:
    """Cited pages under an answer, as links that open in a new tab."""
    return rx.cond(
        sources.length() > 0,  # type: ignore[attr-defined]
        rx.hstack(
            rx.icon("book-open", size=13, color=MUTED, aria_hidden="true"),
            rx.text("Source:", size="1", color=MUTED),
            rx.foreach(
                sources,
                lambda source: rx.link(
                    source.title,
                    href=source.url,
                    is_external=True,
                    size="1",
                    weight="medium",
                    rel="noopener noreferrer",
                    class_name="chat-source",
                ),
            ),
            spacing="1",
            wrap="wrap",
            align="center",
            margin_top="6px",
        ),
    )


def attachment_chip(message: rx.Var, text_color: rx.Var) -> rx.Component:
    """A sent file: an icon and its name."""
    return rx.hstack(
        rx.cond(
            message.attachment_kind == "pdf",
            rx.icon("file-text", size=16, aria_hidden="true"),
            rx.icon("image", size=16, aria_hidden="true"),
        ),
        rx.text(message.attachment_name, size="2", color=text_color, class_name="chat-attachment"),
        spacing="2",
        align="center",
    )


def delivery_status(status: rx.Var) -> rx.Component:
    """ "Sending…" or "Not delivered" under a visitor's message."""
    return rx.match(
        status,
        ("queued", rx.text("Waiting…", size="1", color=MUTED)),
        ("sending", rx.text("Sending…", size="1", color=MUTED)),
        (
            "failed",
            rx.hstack(
                rx.icon("circle-alert", size=12, color="#b91c1c", aria_hidden="true"),
                rx.text("Not delivered yet", size="1", color="#b91c1c"),
                spacing="1",
                align="center",
                class_name="chat-failed",
            ),
        ),
        rx.fragment(),
    )


def visitor_row(message: rx.Var, brand_color: rx.Var, text_color: rx.Var) -> rx.Component:
    """The visitor's message, on the right in the brand colour."""
    return rx.vstack(
        rx.box(
            rx.cond(
                message.attachment_name != "",
                attachment_chip(message, text_color),
                rx.text(message.text, size="2", color=text_color, class_name="chat-text"),
            ),
            background=brand_color,
            padding="9px 13px",
            border_radius="16px 16px 4px 16px",
            max_width="82%",
            white_space="pre-wrap",
            overflow_wrap="anywhere",
            opacity=rx.cond(message.status == "", "1", "0.8"),
        ),
        rx.hstack(
            delivery_status(message.status),
            rx.text(message.time, size="1", color=MUTED),
            spacing="2",
        ),
        align="end",
        spacing="1",
        width="100%",
        class_name="chat-row chat-visitor",
        data_status=message.status,
    )


def bot_row(message: rx.Var) -> rx.Component:
    """The bot's message, on the left in grey, with its cited sources."""
    return rx.vstack(
        rx.box(
            rx.text(message.text, size="2", color=TEXT, class_name="chat-text"),
            source_links(message.sources),
            background=BOT_BUBBLE,
            padding="9px 13px",
            border_radius="16px 16px 16px 4px",
            max_width="85%",
            white_space="pre-wrap",
            overflow_wrap="anywhere",
        ),
        rx.text(message.time, size="1", color=MUTED),
        align="start",
        spacing="1",
        width="100%",
        class_name="chat-row chat-bot",
    )


def notice_row(message: rx.Var) -> rx.Component:
    """A note from the widget itself (not from the bot)."""
    return rx.text(
        message.text,
        size="1",
        color=MUTED,
        text_align="center",
        width="100%",
        padding="4px 16px",
        class_name="chat-row chat-notice",
    )


def message_row(message: rx.Var, brand_color: rx.Var, text_color: rx.Var) -> rx.Component:
    """One transcript line, laid out by who wrote it."""
    return rx.match(
        message.role,
        ("visitor", visitor_row(message, brand_color, text_color)),
        ("notice", notice_row(message)),
        bot_row(message),
    )


def typing_indicator(bot_name: rx.Var) -> rx.Component:
    """Three dots while the bot works; screen readers hear "… is typing"."""
    return rx.hstack(
        rx.el.span(class_name="chat-dot", aria_hidden="true"),
        rx.el.span(class_name="chat-dot", aria_hidden="true"),
        rx.el.span(class_name="chat-dot", aria_hidden="true"),
        # Text, not only a label: a live region reads out the text that is added to it.
        sr_only(bot_name + " is typing"),
        role="status",
        background=BOT_BUBBLE,
        padding="12px 14px",
        border_radius="16px 16px 16px 4px",
        spacing="1",
        width="fit-content",
        class_name="chat-typing",
    )


def message_list(
    *, messages: rx.Var, typing: rx.Var, bot_name: rx.Var, brand_color: rx.Var, text_color: rx.Var
) -> rx.Component:
    """The transcript: announced politely to screen readers, scrolled to the newest line."""
    return rx.auto_scroll(
        rx.vstack(
            rx.foreach(messages, lambda m: message_row(m, brand_color, text_color)),
            rx.cond(typing, typing_indicator(bot_name)),
            spacing="3",
            padding="16px",
            width="100%",
        ),
        role="log",
        aria_live="polite",
        aria_relevant="additions",
        aria_label="Conversation",
        tab_index=0,
        flex="1",
        width="100%",
        background="white",
        id="chat-log",
    )


def quick_replies(buttons: rx.Var, on_choose: Callable[[rx.Var], Any]) -> rx.Component:
    """The bot's suggested answers as buttons; a click sends the payload, shows the title."""
    return rx.cond(
        buttons.length() > 0,  # type: ignore[attr-defined]
        rx.flex(
            rx.foreach(
                buttons,
                lambda button: rx.button(
                    button.title,
                    on_click=on_choose(button),
                    variant="outline",
                    radius="full",
                    size="2",
                    class_name="chat-quick-reply",
                ),
            ),
            role="group",
            aria_label="Suggested replies",
            wrap="wrap",
            gap="8px",
            padding="4px 16px 10px",
            justify="end",
            background="white",
        ),
    )


def unreachable_banner(on_retry: Any) -> rx.Component:
    """Rasa is down: say so kindly, keep the message, offer Retry."""
    return rx.callout.root(
        rx.callout.icon(rx.icon("wifi-off", size=16, aria_hidden="true")),
        rx.callout.text(
            "Sorry, we can't reach our assistant right now. "
            "Your message is saved and will be sent when you retry."
        ),
        rx.button(
            "Retry", on_click=on_retry, size="1", color_scheme="amber", class_name="chat-retry"
        ),
        color_scheme="amber",
        size="1",
        margin="0 12px 8px",
        role="alert",
    )


def upload_error_banner(message: rx.Var, on_dismiss: Any) -> rx.Component:
    """Why a file was refused."""
    return rx.callout.root(
        rx.callout.icon(rx.icon("file-x", size=16, aria_hidden="true")),
        rx.callout.text(message),
        rx.button(
            "OK",
            on_click=on_dismiss,
            size="1",
            variant="soft",
            color_scheme="red",
            aria_label="OK, dismiss this message",
        ),
        color_scheme="red",
        size="1",
        margin="0 12px 8px",
        role="alert",
        class_name="chat-upload-error",
    )


def composer(
    *,
    on_submit: Any,
    upload_id: str,
    on_files: Any,
    brand_color: rx.Var,
    text_color: rx.Var,
) -> rx.Component:
    """The attach button, the labelled message field and the send button."""
    return rx.form(
        rx.hstack(
            label_file_input(
                rx.upload.root(
                    rx.icon_button(
                        rx.icon("paperclip", size=18, aria_hidden="true"),
                        type="button",
                        variant="ghost",
                        color_scheme="gray",
                        aria_label="Attach an image or PDF (up to 10 MB)",
                        title="Attach an image or PDF (up to 10 MB)",
                    ),
                    id=upload_id,
                    multiple=False,
                    no_drag=True,
                    no_keyboard=True,
                    on_drop=on_files,
                    border="none",
                    padding="0",
                ),
                "Image or PDF to send",
            ),
            rx.el.label(
                "Type your message",
                html_for="chat-input",
                class_name="rt-sr-only",
                style={
                    "position": "absolute",
                    "width": "1px",
                    "height": "1px",
                    "overflow": "hidden",
                    "clip": "rect(0 0 0 0)",
                },
            ),
            rx.input(
                id="chat-input",
                name="message",
                placeholder="Write a message…",
                aria_label="Type your message",
                auto_complete="off",
                max_length=2000,
                size="3",
                radius="full",
                flex="1",
                # A bordered field: the soft variant's tint alone does not show where it is.
                variant="surface",
            ),
            rx.icon_button(
                rx.icon("send-horizontal", size=18, aria_hidden="true"),
                type="submit",
                aria_label="Send message",
                title="Send",
                radius="full",
                size="3",
                background=brand_color,
                color=text_color,
                cursor="pointer",
            ),
            align="center",
            spacing="2",
            width="100%",
        ),
        on_submit=on_submit,
        reset_on_submit=True,
        padding="10px 12px 12px",
        border_top="1px solid #e5e7eb",
        background="white",
        flex_shrink="0",
    )
