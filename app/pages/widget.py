"""The chat widget page, `/widget`: made to live in the iframe that `/embed.js` opens.

It fills its frame (the whole screen on a phone). A small script tells the host page about
new bot messages (the launcher's unread badge), asks it to close on Escape or the close
button, and plays a short sound only when the visitor has turned sound on.
"""

import reflex as rx

from app.components import chat
from app.components.a11y import A11Y_CSS
from app.state.widget import UPLOAD_ID, WidgetState

# Talks to the host page (embed.js) only through postMessage; carries counts, never content.
HOST_BRIDGE_SCRIPT = """
(function () {
  var embedded = window.parent !== window;
  document.documentElement.setAttribute("data-embedded", embedded ? "yes" : "no");
  function post(message) {
    if (!embedded) return;
    message.source = "business-chat";
    window.parent.postMessage(message, "*");
  }
  function chime() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    var context = new Context(), tone = context.createOscillator(), gain = context.createGain();
    tone.frequency.value = 880; gain.gain.value = 0.04;
    tone.connect(gain); gain.connect(context.destination);
    tone.start(); tone.stop(context.currentTime + 0.12);
  }
  window.__chatClose = function () { post({ type: "close" }); };
  window.__chatReady = function () { post({ type: "ready" }); };
  window.__chatNotify = function (count) {
    post({ type: "bot-message", count: count || 1 });
    try { if (localStorage.getItem("chat_sound") === "on") chime(); } catch (e) { /* no audio */ }
  };
  // The host page says when the chat opens: put the cursor in the message field. The field
  // may not be drawn or focusable yet (the conversation is still loading): try again, for a
  // few seconds, until it has the focus.
  function focusField(triesLeft) {
    var field = document.getElementById("chat-input");
    if (field) field.focus();
    if ((!field || document.activeElement !== field) && triesLeft > 0) {
      setTimeout(function () { focusField(triesLeft - 1); }, 100);
    }
  }
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (event.source !== window.parent || data.source !== "business-chat-host") return;
    if (data.type === "opened") focusField(50);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") post({ type: "close" });
  });
  // This script runs once the page has hydrated, and the server's word that the conversation
  // has loaded (`__chatReady`, which makes the host answer "opened" when the chat is open)
  // can come before it: it then left a flag, so say it now that the answer is listened for.
  if (window.__chatLoaded) window.__chatReady();
})();
"""


FOCUS_MESSAGE_FIELD = "document.getElementById('chat-input')?.focus()"


@rx.page(route="/widget", title="Chat", on_load=WidgetState.open_widget)
def widget() -> rx.Component:
    """The chat: header, transcript, suggested replies, and the message composer."""
    return rx.box(
        rx.el.style(A11Y_CSS + chat.WIDGET_CSS),
        rx.script(HOST_BRIDGE_SCRIPT),
        chat.chat_header(
            bot_name=WidgetState.bot_name,
            business_name=WidgetState.business_name,
            brand_color=WidgetState.brand_color,
            text_color=WidgetState.brand_text_color,
            sound_on=WidgetState.sound_on,
            on_start_over=WidgetState.start_over,
            on_toggle_sound=WidgetState.toggle_sound,
            on_close=rx.call_script("window.__chatClose && window.__chatClose()"),
        ),
        # Everything under the header is the page's main landmark.
        rx.el.main(
            rx.cond(
                WidgetState.loading,
                rx.center(
                    rx.spinner(size="3"),
                    rx.text("Loading the conversation…", size="2", color=chat.MUTED),
                    role="status",
                    flex="1",
                    gap="8px",
                ),
                chat.message_list(
                    messages=WidgetState.messages,
                    typing=WidgetState.typing,
                    bot_name=WidgetState.bot_name,
                    brand_color=WidgetState.brand_color,
                    text_color=WidgetState.brand_text_color,
                ),
            ),
            chat.quick_replies(
                WidgetState.quick_replies,
                # The chosen button disappears with the others: keep the keyboard in the chat.
                lambda button: [
                    WidgetState.send_quick_reply(button.title, button.payload),
                    rx.call_script(FOCUS_MESSAGE_FIELD),
                ],
            ),
            rx.cond(WidgetState.bot_unreachable, chat.unreachable_banner(WidgetState.retry)),
            rx.cond(
                WidgetState.upload_error != "",
                chat.upload_error_banner(
                    WidgetState.upload_error, WidgetState.dismiss_upload_error
                ),
            ),
            chat.composer(
                on_submit=WidgetState.send_typed_message,
                upload_id=UPLOAD_ID,
                on_files=WidgetState.send_files(rx.upload_files(upload_id=UPLOAD_ID)),
                brand_color=WidgetState.brand_color,
                text_color=WidgetState.brand_text_color,
            ),
            style={
                "display": "flex",
                "flex_direction": "column",
                "flex": "1",
                "min_height": "0",
            },
        ),
        display="flex",
        flex_direction="column",
        height="100dvh",
        width="100%",
        background="white",
        overflow="hidden",
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    )
