"""Visitors talking to the bot through the chat widget (`make loadtest`, path `widget`).

Each simulated visitor is a browser tab on `/widget`: it speaks Reflex's own websocket
protocol (Socket.IO on `/_event`) as the compiled page does, so what is measured is the
widget's real path: browser -> Reflex websocket -> WidgetState -> Rasa -> state delta back.

- Opening the page: a new tab token in the connection's query, the `hydrate_and_load` event in
  the Socket.IO CONNECT packet (with the state schema and initial-state hashes of the built
  page, when `.web` has them), then the page's on_load chain: `open_widget` asks the browser
  for its timezone (a `_call_script` with a callback) and the visitor answers with
  `restore_conversation`, as the browser's callback does, until the greeting is shown.
- Sending: `send_typed_message` with the form's data (or `send_quick_reply` when the visitor
  clicks one of the bot's buttons), with the page's router data.
- A step's time runs from emitting the event until the state delta that carries the bot's
  reply to that message arrives (the visitor's message delivered and the bot's messages after
  it). Its content is checked like the REST path's: no reply, the widget's "no answer" line,
  a message marked undelivered, or a reply that does not do what the step must do is a
  failure, and the visitor starts over (the header's Start over button).

The scenario and mix are the REST path's (`loadtests/locustfile.py`): 60% questions, 30%
bookings walked to the confirmation, 10% small talk, a 1-3 s pause before every message, and
the same step names, so the two paths' reports compare line by line. Opening the widget is not
a step of the report; a tab that cannot open is reported as a failure of `widget:open`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.metadata
import json
import random
import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gevent
import gevent.event
import socketio

from loadtests.locustfile import THINK_SECONDS, ScenarioVisitor, StepFailed

ROOT = Path(__file__).resolve().parents[1]
PAGE = "/widget"
EVENT_PATH = "_event"  # Reflex's websocket endpoint; the Socket.IO namespace has its name
NAMESPACE = f"/{EVENT_PATH}"
ROOT_STATE = "reflex___state____state"
WIDGET_STATE = f"{ROOT_STATE}.app___state___widget____widget_state"
# The visitor's token (rx.LocalStorage, name "chat_visitor"): the page keeps it across reloads
# and the server maps it to the conversation, whose id never leaves the server.
TOKEN_VAR = f"{WIDGET_STATE}.visitor_token_rx_state_"
BROWSER_TIMEZONE = "UTC"
OPEN_TIMEOUT = 30.0
REPLY_TIMEOUT = 60.0  # as long as the REST path's HTTP client waits
# The widget's own line when Rasa answered nothing (app/state/widget.py, NO_ANSWER_TEXT).
NO_ANSWER_PREFIX = "sorry, i don't have an answer for that right now"
# `rx.call_script(..., callback=Handler)` arrives as a JS arrow function naming the handler.
CALLBACK = re.compile(r'ReflexEvent\("(?P<name>[^"]+)",\s*\{(?P<arg>\w+):\s*_result\}')


def built_page() -> tuple[str | None, list[str] | None]:
    """The state schema and initial-state hashes the compiled page sends when it connects.

    Without them (no `.web` here) the backend just sends the whole state, as to an old page."""
    context = ROOT / ".web" / "utils" / "context.jsx"
    try:
        source = context.read_text()
    except OSError:
        return None, None
    schema = re.search(r'export const stateSchema = "(\w+)"', source)
    hashes = re.search(r"export const initialStateHashes = (\[[^\]]*\])", source)
    return (
        schema.group(1) if schema else None,
        json.loads(hashes.group(1)) if hashes else None,
    )


STATE_SCHEMA, INITIAL_HASHES = built_page()
REFLEX_VERSION = importlib.metadata.version("reflex")  # the page's websocket subprotocol


class WidgetBroken(Exception):
    """The tab lost its connection or the page cannot go on (e.g. built for another backend)."""


@dataclasses.dataclass
class Waiter:
    """A visitor waiting until the state it sees satisfies `check` (not None = done)."""

    check: Callable[[float], Any]
    result: gevent.event.AsyncResult = dataclasses.field(default_factory=gevent.event.AsyncResult)


def _texts(messages: list[dict]) -> str:
    return " ".join(str(message.get("text") or "") for message in messages).lower()


class WidgetVisitor(ScenarioVisitor):
    """A browser tab on the widget."""

    def on_start(self) -> None:
        self.sio: socketio.Client | None = None
        self.visitor_token = ""  # the browser's localStorage, kept across reconnects of the tab
        self.widget: dict[str, Any] = {}  # the widget's state as the page holds it
        self.waiters: list[Waiter] = []
        self.broken = ""

    def on_stop(self) -> None:
        self.close()

    # -- the tab -------------------------------------------------------------------------
    def open(self) -> None:
        """Load `/widget` in a new tab: connect, hydrate, run the on_load chain."""
        self.close()
        self.widget, self.waiters, self.broken = {}, [], ""
        self.token = str(uuid.uuid4())
        started = time.perf_counter()
        sio = socketio.Client(
            reconnection=False,
            handle_sigint=False,
            websocket_extra_options={"subprotocols": [REFLEX_VERSION]},
        )
        for event, handler in (
            ("event", self._on_update),
            ("new_token", self._on_new_token),
            ("state_mismatch", self._on_state_mismatch),
            ("disconnect", self._on_disconnect),
        ):
            sio.on(event, self._of_this_tab(sio, handler), namespace=NAMESPACE)
        self.sio = sio
        payload: dict[str, Any] = {}
        if self.visitor_token:
            payload["vars"] = {TOKEN_VAR: self.visitor_token}
        if INITIAL_HASHES:
            payload["hashes"] = INITIAL_HASHES
        auth: dict[str, Any] = {"event": self._event(f"{ROOT_STATE}.hydrate_and_load", payload)}
        if STATE_SCHEMA:
            auth["state_schema"] = STATE_SCHEMA
        try:
            sio.connect(
                f"{self.host}?token={self.token}",
                transports=["websocket"],
                socketio_path=EVENT_PATH,
                namespaces=[NAMESPACE],
                auth=auth,
                wait_timeout=OPEN_TIMEOUT,
            )
            self._wait(self._opened, OPEN_TIMEOUT - (time.perf_counter() - started))
        except (Exception, gevent.Timeout) as exc:  # whatever stops the page, it is reported
            problem = (
                f"the widget did not open within {OPEN_TIMEOUT:.0f} s"
                if isinstance(exc, gevent.Timeout)
                else f"{type(exc).__name__}: {exc}"
            )
            self._report("widget:open", started, time.perf_counter(), 0, problem)
            self.close()
            gevent.sleep(random.uniform(*THINK_SECONDS))  # the visitor reloads, a moment later
            raise StepFailed(problem) from exc

    def _of_this_tab(self, sio: socketio.Client, handler: Callable[..., None]) -> Callable:
        """A handler that ignores what a tab this visitor has already closed still receives."""

        def handle(*args: Any) -> None:
            if sio is self.sio:
                handler(*args)

        return handle

    def close(self) -> None:
        sio, self.sio = getattr(self, "sio", None), None
        if sio is not None:
            with contextlib.suppress(Exception):
                sio.disconnect()

    def _event(self, name: str, payload: dict | None = None) -> dict:
        """An event as the page sends it: its name, payload if any, and the page's route."""
        event: dict[str, Any] = {"name": name}
        if payload:
            event["payload"] = payload
        event["router_data"] = {"pathname": PAGE, "asPath": PAGE}
        return event

    def _emit(self, name: str, payload: dict | None = None) -> None:
        if self.sio is None or self.broken:
            raise WidgetBroken(self.broken or "the tab is closed")
        try:
            self.sio.emit("event", self._event(name, payload), namespace=NAMESPACE)
        except socketio.exceptions.SocketIOError as exc:  # closed before we heard of it
            self._break(f"the websocket closed ({type(exc).__name__}: {exc})")
            raise WidgetBroken(self.broken) from exc

    def _opened(self, _received: float) -> bool | None:
        """The greeting is on screen (the spinner gone)."""
        if self.widget.get("loading_rx_state_") is False and self.widget.get("messages_rx_state_"):
            return True
        return None

    # -- what the server sends ---------------------------------------------------------------
    def _on_update(self, update: dict) -> None:
        received = time.perf_counter()
        delta = update.get("delta") or {}
        if WIDGET_STATE in delta:
            self.widget.update(delta[WIDGET_STATE])
            self.visitor_token = self.widget.get("visitor_token_rx_state_") or self.visitor_token
        for event in update.get("events") or []:
            self._on_frontend_event(event)
        for waiter in list(self.waiters):
            try:
                value = waiter.check(received)
            except Exception as exc:  # the waiter's own verdict: a failed step
                self.waiters.remove(waiter)
                waiter.result.set_exception(exc)
                continue
            if value is not None:
                self.waiters.remove(waiter)
                waiter.result.set(value)

    def _on_frontend_event(self, event: dict) -> None:
        """What the browser does with an event the backend sends it."""
        name = event.get("name", "")
        payload = event.get("payload") or {}
        if name == "_call_script":
            callback = payload.get("callback")
            if not callback:
                return  # host-page notifications (__chatReady, __chatNotify): nothing to send
            match = CALLBACK.search(callback)
            if match is None:
                self._break(f"cannot follow the page's script callback {callback[:120]!r}")
                return
            script = payload.get("javascript_code") or ""
            result = BROWSER_TIMEZONE if "resolvedOptions().timeZone" in script else None
            gevent.spawn(self._send_quietly, match["name"], {match["arg"]: result})
        elif name.startswith(f"{ROOT_STATE}."):
            gevent.spawn(self._send_quietly, name, payload)  # a backend event queued by the page

    def _send_quietly(self, name: str, payload: dict) -> None:
        with contextlib.suppress(WidgetBroken):
            self._emit(name, payload)

    def _on_new_token(self, token: str) -> None:
        self.token = token

    def _on_state_mismatch(self, info: Any = None) -> None:
        self._break(f"the page was built for another version of the app ({info})")

    def _on_disconnect(self, reason: Any = None) -> None:
        self._break(f"the websocket closed ({reason})")

    def _break(self, problem: str) -> None:
        self.broken = self.broken or problem
        for waiter in self.waiters:
            waiter.result.set_exception(WidgetBroken(problem))
        self.waiters = []

    def _wait(self, check: Callable[[float], Any], timeout: float) -> Any:
        """Block until an update (or the state already there) satisfies `check`."""
        if self.broken:
            raise WidgetBroken(self.broken)
        now = check(time.perf_counter())
        if now is not None:
            return now
        waiter = Waiter(check)
        self.waiters.append(waiter)
        try:
            return waiter.result.get(timeout=max(timeout, 0.0))
        finally:
            with contextlib.suppress(ValueError):
                self.waiters.remove(waiter)

    # -- a message -------------------------------------------------------------------------
    def _reply_to(self, shown: str, known: set[str]) -> Callable[[float], Any]:
        """A check: the bot's reply to the visitor's new message `shown`, once it is there."""

        def check(received: float) -> tuple[float, list[dict]] | None:
            messages = self.widget.get("messages_rx_state_") or []
            for index, message in enumerate(messages):
                if message.get("id") in known:
                    continue
                if message.get("role") == "notice" and not any(
                    m.get("role") == "visitor" and m.get("id") not in known for m in messages
                ):
                    raise StepFailed(f"notice instead of a reply: {message.get('text')!r}")
                if message.get("role") != "visitor" or message.get("text") != shown:
                    continue
                if message.get("status") == "failed":
                    raise StepFailed("message marked undelivered (the bot was unreachable)")
                if message.get("status"):
                    return None  # queued or sending
                replies = []
                for later in messages[index + 1 :]:
                    if later.get("role") == "visitor":
                        break
                    if later.get("role") == "bot":
                        replies.append(later)
                return (received, replies) if replies else None
            return None

        return check

    def say(
        self,
        text: str,
        name: str,
        expect: list[str] | None = None,
        *,
        button: Callable[[dict], bool] | None = None,
    ) -> str:
        """Send one message after a visitor's pause; return the reply text (lowercase).

        With `button`, the visitor clicks the first of the bot's suggested replies it accepts
        (the payload goes to Rasa, the title shows), and types `text` when there is none."""
        if self.sio is None or self.broken:
            self.open()
        gevent.sleep(random.uniform(*THINK_SECONDS))
        if self.broken:  # the connection dropped while the visitor was typing
            self.open()
        shown = text
        chosen = next(
            (b for b in self.widget.get("quick_replies_rx_state_") or [] if button and button(b)),
            None,
        )
        known = {m.get("id") for m in self.widget.get("messages_rx_state_") or []}
        problem, said, size = None, "", 0
        started = received = time.perf_counter()
        try:
            if chosen:
                shown = chosen["title"]
                self._emit(f"{WIDGET_STATE}.send_quick_reply", dict(chosen))
            else:
                # The composer's form: the field by its name and by its ref, as getFormData.
                entries = [["message", text], ["chat_input", text]]
                self._emit(
                    f"{WIDGET_STATE}.send_typed_message",
                    {"form_data": {"__reflex_form_data__": entries}},
                )
            received, replies = self._wait(self._reply_to(shown, known), REPLY_TIMEOUT)
            said = _texts(replies)
            size = sum(len(str(m.get("text") or "").encode()) for m in replies)
            if not said.strip() or said.startswith(NO_ANSWER_PREFIX):
                # The widget's stand-in for Rasa's 200 []: a failure, not a reply.
                problem = "empty reply"
            elif expect and not any(word in said for word in expect):
                problem = f"unexpected reply to {text!r}: {said[:160]!r}"
        except gevent.Timeout:
            received = time.perf_counter()
            problem = f"no reply within {REPLY_TIMEOUT:.0f} s"
        except (StepFailed, WidgetBroken) as exc:
            received = time.perf_counter()
            problem = str(exc)
        self._report(name, started, received, size, problem)
        if problem:
            # The conversation went off the script: the visitor starts a new one.
            self.start_over()
            raise StepFailed(problem)
        return said

    def _report(
        self, name: str, started: float, received: float, size: int, problem: str | None
    ) -> None:
        self.environment.events.request.fire(
            request_type="WS",
            name=name,
            response_time=(received - started) * 1000,
            response_length=size,
            exception=StepFailed(problem) if problem else None,
            context={},
        )

    def start_over(self) -> None:
        """The header's Start over: a new conversation (or a new tab if this one broke)."""
        if self.sio is None or self.broken:
            self.close()
            return  # the next message opens a new tab
        old_token = self.visitor_token
        try:
            self._emit(f"{WIDGET_STATE}.start_over")
            self._wait(
                lambda _received: (
                    True
                    if self.visitor_token != old_token
                    and len(self.widget.get("messages_rx_state_") or []) == 1
                    else None
                ),
                OPEN_TIMEOUT,
            )
        except (WidgetBroken, gevent.Timeout):
            self.close()

    # -- the scenario (loadtests/locustfile.py's) -------------------------------------------
    def finish_conversation(self) -> None:
        self.start_over()
