"""WidgetState: one visitor's chat in the `/widget` page.

The visitor's Rasa sender id lives in the browser's localStorage, so a reload or another page
of the business's site picks the conversation up again (history from Rasa's tracker). Messages
are delivered one at a time by a background task, in the order they were typed; a message that
could not be delivered stays in the transcript, marked, and is sent again on Retry.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import uuid
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import reflex as rx

from app.core.client_ip import client_ip
from app.core.db import session_scope
from app.core.rate_limit import RateLimited, enforce
from app.core.settings import get_settings
from app.models import Attachment, BotSettingsPublic
from app.models.citation import Citation
from app.services import rasa_client, visitors
from app.services.config import get_bot_settings
from app.services.uploads import UploadRefused, list_attachments, save_upload

logger = logging.getLogger(__name__)

UPLOAD_ID = "chat_upload"
NO_ANSWER_TEXT = "Sorry, I don't have an answer for that right now. Could you put it another way?"
HISTORY_UNAVAILABLE_TEXT = (
    "We couldn't load your earlier messages just now, but you can carry on here."
)
_TIMEZONE_SCRIPT = "Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'"
# The conversation is on screen: tell the host page (embed.js), which answers whether the chat
# is open, and the widget then puts the focus in its message field. The page's bridge script
# (pages/widget.py) may not have run yet; the flag lets it send the news itself when it does.
_READY_SCRIPT = "window.__chatLoaded = true; window.__chatReady && window.__chatReady()"


@dataclasses.dataclass
class QuickReplyButton:
    """A button under the bot's last message."""

    title: str = ""
    payload: str = ""


@dataclasses.dataclass
class ChatMessage:
    """One line of the visible transcript.

    `role` is visitor, bot or notice; `status` is "" (done), queued, sending or failed (visitor
    messages only); `payload` is what Rasa receives (a button's payload, or the text).
    """

    id: str = ""
    role: str = "bot"
    text: str = ""
    time: str = ""
    status: str = ""
    payload: str = ""
    buttons: list[QuickReplyButton] = dataclasses.field(default_factory=list)
    sources: list[Citation] = dataclasses.field(default_factory=list)
    attachment_name: str = ""
    attachment_kind: str = ""


# A visitor's message on its way: waiting its turn, or being answered.
_UNDELIVERED = ("queued", "sending")


def _new_id() -> str:
    return uuid.uuid4().hex


def _attachments_of(sender_id: str) -> list[Attachment]:
    with session_scope() as session:
        return list_attachments(session=session, sender_id=sender_id)


def bot_message_from(
    reply: rasa_client.BotMessage | rasa_client.TranscriptEntry, time: str
) -> ChatMessage:
    """A bot reply as a transcript line, its sources as links under it."""
    return ChatMessage(
        id=_new_id(),
        role="bot",
        text=reply.text,
        time=time,
        buttons=[QuickReplyButton(title=b.title, payload=b.payload) for b in reply.buttons],
        sources=list(reply.sources),
    )


def attachment_message(attachment: Attachment, time: str) -> ChatMessage:
    """A file the visitor sent, as a transcript line."""
    kind = "pdf" if attachment.content_type == "application/pdf" else "image"
    return ChatMessage(
        id=_new_id(),
        role="visitor",
        text=attachment.filename,
        time=time,
        attachment_name=attachment.filename,
        attachment_kind=kind,
    )


class WidgetState(rx.State):
    """The chat a visitor sees in the widget."""

    # The browser keeps only a server-signed token naming its conversation (see
    # app.services.visitors); the id itself stays on the server, in `_sender_id`.
    visitor_token: str = rx.LocalStorage("", name="chat_visitor")
    sound: str = rx.LocalStorage("off", name="chat_sound")

    bot_name: str = "Assistant"
    business_name: str = ""
    brand_color: str = "#2563eb"
    brand_text_color: str = "#ffffff"
    messages: list[ChatMessage] = []
    typing: bool = False
    loading: bool = True
    bot_unreachable: bool = False
    upload_error: str = ""

    _greeting: str = ""
    _contact_line: str = ""
    _timezone: str = "UTC"
    _delivering: bool = False
    _sender_id: str = ""

    # -- derived -------------------------------------------------------------------------
    @rx.var(cache=True)
    def quick_replies(self) -> list[QuickReplyButton]:
        """The buttons of the bot's latest turn, until the visitor answers.

        A turn may be several messages ("that time is taken" with alternative slots as buttons,
        then "what time?"), so the buttons of every bot message since the visitor's last one count.
        """
        buttons: list[QuickReplyButton] = []
        for message in reversed(self.messages):
            if message.role == "visitor":
                break
            if message.role == "bot":
                buttons[:0] = message.buttons
        return buttons

    @rx.var(cache=True)
    def sound_on(self) -> bool:
        return self.sound == "on"

    # -- helpers -------------------------------------------------------------------------
    def _now(self) -> str:
        return self._format_time(dt.datetime.now(dt.UTC))

    def _format_time(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        try:
            zone = ZoneInfo(self._timezone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        return moment.astimezone(zone).strftime("%-I:%M %p")

    def _apply_settings(self, bot: BotSettingsPublic) -> None:
        self.bot_name = bot.bot_name
        self.business_name = bot.business_name
        self.brand_color = bot.brand_color
        self.brand_text_color = bot.brand_text_color
        self._greeting = bot.greeting
        self._contact_line = bot.contact_line

    def _greeting_message(self) -> ChatMessage:
        return ChatMessage(id="greeting", role="bot", text=self._greeting, time=self._now())

    def _index_of(self, message_id: str) -> int | None:
        return next((i for i, m in enumerate(self.messages) if m.id == message_id), None)

    def _set_status(self, message_id: str, status: str) -> None:
        index = self._index_of(message_id)
        if index is not None:
            self.messages[index] = dataclasses.replace(self.messages[index], status=status)

    def _no_answer_text(self) -> str:
        if self._contact_line:
            return f"{NO_ANSWER_TEXT} You can also {self._contact_line}."
        return NO_ANSWER_TEXT

    # -- opening ---------------------------------------------------------------------------
    def _conversation(self) -> str:
        """This browser's conversation: the one its visitor token names, else a new one.

        A missing, expired or forged token starts a new conversation: whoever sends it
        sees no one else's history.
        """
        if not self._sender_id:
            self._sender_id = visitors.conversation_of(self.visitor_token) or ""
        if not self._sender_id:
            self._start_conversation()
        return self._sender_id

    def _start_conversation(self) -> None:
        self._sender_id, self.visitor_token = visitors.new_conversation()

    def _enforce_limits(self, scope: str) -> None:
        """WIDGET_RATE_LIMIT per conversation and WIDGET_IP_RATE_LIMIT per address."""
        settings = get_settings()
        headers = self.router.headers.raw_headers
        peer = headers.get("asgi-scope-client") or self.router.session.client_ip
        enforce(settings.widget_rate_limit, scope, self._conversation())
        enforce(
            settings.widget_ip_rate_limit,
            f"{scope}-ip",
            client_ip(peer, headers.get("x-forwarded-for")),
        )

    @rx.event
    def open_widget(self):
        """Page load: brand the header, then ask the browser for its timezone."""
        self.loading = True
        self._apply_settings(get_bot_settings())
        return rx.call_script(_TIMEZONE_SCRIPT, callback=WidgetState.restore_conversation)

    @rx.event(background=True)
    async def restore_conversation(self, timezone: str):
        """Greeting first, then the conversation so far (from Rasa's tracker and the uploads)."""
        async with self:
            self._timezone = timezone if isinstance(timezone, str) and timezone else "UTC"
            sender_id = self._conversation()
            # Messages not yet delivered survive a reload of the page in the same tab.
            undelivered = [m for m in self.messages if m.status in ("queued", "sending", "failed")]
        notice = None
        try:
            entries = await rasa_client.history(sender_id)
        except rasa_client.RasaUnavailable:
            entries, notice = [], HISTORY_UNAVAILABLE_TEXT
        attachments = await asyncio.to_thread(_attachments_of, sender_id)
        async with self:
            if self._sender_id != sender_id:  # the visitor started over meanwhile
                return
            transcript = self._transcript(entries, attachments)
            if notice:
                transcript.append(ChatMessage(id=_new_id(), role="notice", text=notice))
            for message in undelivered:
                transcript.append(dataclasses.replace(message, status="failed"))
            self.messages = [self._greeting_message(), *transcript]
            self.bot_unreachable = bool(undelivered)
            self.loading = False
        yield rx.call_script(_READY_SCRIPT)

    def _transcript(
        self, entries: list[rasa_client.TranscriptEntry], attachments: list[Attachment]
    ) -> list[ChatMessage]:
        """Tracker messages and uploaded files, merged in the order they happened."""
        timeline: list[tuple[float, ChatMessage]] = []
        for entry in entries:
            when = self._format_time(entry.sent_at)
            message = (
                bot_message_from(entry, when)
                if entry.role == "bot"
                else ChatMessage(id=_new_id(), role="visitor", text=entry.text, time=when)
            )
            timeline.append((entry.sent_at.timestamp() if entry.sent_at else 0.0, message))
        for attachment in attachments:
            moment = attachment.created_at.replace(tzinfo=attachment.created_at.tzinfo or dt.UTC)
            timeline.append(
                (moment.timestamp(), attachment_message(attachment, self._format_time(moment)))
            )
        # A stable sort keeps the tracker's own order for events with equal timestamps.
        return [message for _, message in sorted(timeline, key=lambda pair: pair[0])]

    # -- sending -------------------------------------------------------------------------
    @rx.event
    def send_typed_message(self, form_data: dict):
        """The visitor pressed Enter or Send (the form clears its field itself)."""
        text = str(form_data.get("message") or "").strip()
        if text:
            return self._queue(text, text)
        return None

    @rx.event
    def send_quick_reply(self, title: str, payload: str):
        """A button was clicked: show its title, send its payload."""
        return self._queue(title, payload)

    def _queue(self, text: str, payload: str):
        try:
            # Per conversation and per address, websocket messages included.
            self._enforce_limits("widget-message")
        except RateLimited as limited:
            self.messages.append(
                ChatMessage(
                    id=_new_id(),
                    role="notice",
                    text=(
                        "You're sending messages very quickly. "
                        f"Please wait {limited.retry_after} seconds and try again."
                    ),
                )
            )
            return None
        # A new message is also a retry of any that failed before it: keep them in order.
        self._requeue_failed()
        # Nothing in flight: it goes now, and says so in the same update as it appears (each
        # update re-sends the whole transcript to the page).
        going = not self._delivering and not any(m.status in _UNDELIVERED for m in self.messages)
        self.messages.append(
            ChatMessage(
                id=_new_id(),
                role="visitor",
                text=text[:2000],
                payload=payload[:2000],
                time=self._now(),
                status="sending" if going else "queued",
            )
        )
        if going:
            self.typing = True
        return WidgetState.deliver_queued

    def _requeue_failed(self) -> None:
        self.bot_unreachable = False
        for index, message in enumerate(self.messages):
            if message.status == "failed":
                self.messages[index] = dataclasses.replace(message, status="queued")

    @rx.event
    def retry(self):
        """Send again what could not be delivered."""
        self._requeue_failed()
        return WidgetState.deliver_queued

    @rx.event(background=True)
    async def deliver_queued(self):
        """Send undelivered messages to Rasa one by one, in order; one worker per visitor.

        Each message costs two updates of the page: it appears (already "sending" when nothing
        is in flight), then its replies appear with the next message marked "sending", or with
        the typing indicator off."""
        async with self:
            if self._delivering:
                return
            self._delivering = True
            message = self._next_to_send()
            sender_id = self._conversation()
        done = False
        try:
            while message is not None:
                try:
                    replies = await rasa_client.send_message(
                        sender_id, message.payload or message.text
                    )
                except rasa_client.RasaUnavailable:
                    async with self:
                        self._mark_unreachable()
                    return
                async with self:
                    added = self._add_replies(sender_id, message.id, replies)
                    message = self._next_to_send()
                    sender_id = self._conversation()
                    if message is None:
                        self._delivering = False
                        self.typing = False
                        done = True
                if added:
                    yield rx.call_script(f"window.__chatNotify && window.__chatNotify({added})")
        finally:
            if not done:
                async with self:
                    self._delivering = False
                    self.typing = False

    def _next_to_send(self) -> ChatMessage | None:
        """The first message not yet delivered, marked "sending" (with the typing indicator)."""
        message = next((m for m in self.messages if m.status in _UNDELIVERED), None)
        if message is not None:
            if message.status != "sending":
                self._set_status(message.id, "sending")
            if not self.typing:
                self.typing = True
        return message

    def _mark_unreachable(self) -> None:
        """Keep every undelivered message, marked, for Retry."""
        for index, message in enumerate(self.messages):
            if message.status in ("queued", "sending"):
                self.messages[index] = dataclasses.replace(message, status="failed")
        self.bot_unreachable = True

    def _add_replies(
        self, sender_id: str, answered_id: str, replies: list[rasa_client.BotMessage]
    ) -> int:
        """Put the bot's replies right after the message they answer; how many were added."""
        index = self._index_of(answered_id)
        if index is None or self._sender_id != sender_id:
            return 0  # the visitor started over while the bot was thinking
        self._set_status(answered_id, "")
        now = self._now()
        new = [bot_message_from(reply, now) for reply in replies if reply.text or reply.buttons]
        if not new:
            # Rasa answers 200 [] when something failed inside it: say so gently.
            new = [ChatMessage(id=_new_id(), role="bot", text=self._no_answer_text(), time=now)]
        position = index + 1
        while position < len(self.messages) and self.messages[position].role != "visitor":
            position += 1
        self.messages[position:position] = new
        return len(new)

    # -- other actions -------------------------------------------------------------------
    @rx.event(background=True)
    async def start_over(self):
        """A fresh conversation: new sender id, Rasa's form and slots reset."""
        async with self:
            previous = visitors.conversation_of(self.visitor_token)
            self._start_conversation()
            self.messages = [self._greeting_message()]
            self.bot_unreachable = False
            self.typing = False
            self.upload_error = ""
        if previous:
            await rasa_client.restart(previous)

    @rx.event
    def toggle_sound(self) -> None:
        self.sound = "off" if self.sound == "on" else "on"

    @rx.event
    async def send_files(self, files: list[rx.UploadFile]):
        """A visitor's image or PDF: checked, stored with the conversation, or refused."""
        self.upload_error = ""
        try:
            self._enforce_limits("widget-upload")
        except RateLimited as limited:
            self.upload_error = (
                f"Too many files at once. Please wait {limited.retry_after} seconds."
            )
            return rx.clear_selected_files(UPLOAD_ID)
        for upload in files[:1]:
            data = await upload.read()
            try:
                with session_scope() as session:
                    attachment = save_upload(
                        session=session,
                        sender_id=self._conversation(),
                        filename=upload.filename,
                        data=data,
                    )
                    self.messages.append(attachment_message(attachment, self._now()))
            except UploadRefused as refusal:
                self.upload_error = str(refusal)
                return rx.clear_selected_files(UPLOAD_ID)
            self.messages.append(
                ChatMessage(
                    id=_new_id(),
                    role="bot",
                    text=(
                        f"Thanks, I've received {attachment.filename}. "
                        "Our team will see it with this conversation."
                    ),
                    time=self._now(),
                )
            )
        return [
            rx.clear_selected_files(UPLOAD_ID),
            rx.call_script("window.__chatNotify && window.__chatNotify(1)"),
        ]

    @rx.event
    def dismiss_upload_error(self) -> None:
        self.upload_error = ""
