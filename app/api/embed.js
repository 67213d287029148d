/*
 * The chat widget's loader, pasted into a business's website as
 *   <script src="https://bot.example.com/embed.js" defer></script>
 * It adds a launcher bubble and opens the chat (the /widget page) in an iframe.
 * It talks only to the server it was loaded from, keeps no state of its own beyond
 * "was the chat open" (sessionStorage), and touches nothing else on the page.
 */
(function () {
  "use strict";
  if (window.__businessChatLoaded) return;
  window.__businessChatLoaded = true;

  var script = document.currentScript;
  var botOrigin = new URL(script ? script.src : "/embed.js", window.location.href).origin;
  var OPEN_KEY = "business-chat-open";
  var config = {
    bot_name: "Chat",
    brand_color: "#2563eb",
    brand_text_color: "#ffffff",
    widget_position: "right",
    greeting: ""
  };
  var launcher, badge, frame, panel;
  var unread = 0;
  var isOpen = false;

  function css() {
    var side = config.widget_position === "left" ? "left" : "right";
    var style = document.createElement("style");
    style.textContent =
      ".bc-launcher{position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;width:60px;height:60px;" +
      "border-radius:50%;border:0;cursor:pointer;box-shadow:0 6px 24px rgba(0,0,0,.22);display:flex;" +
      "align-items:center;justify-content:center;transition:transform .15s ease}" +
      ".bc-launcher:hover{transform:scale(1.06)}" +
      ".bc-launcher:focus-visible{outline:3px solid #111827;outline-offset:3px}" +
      ".bc-launcher svg{width:28px;height:28px}" +
      ".bc-badge{position:absolute;top:-4px;" + (side === "left" ? "right" : "left") + ":-4px;min-width:22px;" +
      "height:22px;padding:0 6px;border-radius:11px;background:#dc2626;color:#fff;font:600 12px/22px " +
      "system-ui,sans-serif;text-align:center;box-sizing:border-box;border:2px solid #fff}" +
      ".bc-badge[hidden]{display:none}" +
      ".bc-panel{position:fixed;bottom:92px;" + side + ":20px;z-index:2147483000;width:380px;" +
      "height:min(640px,calc(100vh - 120px));border-radius:16px;overflow:hidden;background:#fff;" +
      "box-shadow:0 12px 48px rgba(0,0,0,.25);display:none}" +
      ".bc-panel.bc-open{display:block}" +
      ".bc-panel iframe{width:100%;height:100%;border:0;display:block}" +
      "@media (max-width:480px){.bc-panel{top:0;left:0;right:0;bottom:0;width:100vw;height:100vh;" +
      "height:100dvh;border-radius:0}.bc-panel.bc-open~.bc-launcher{display:none}}";
    document.head.appendChild(style);
  }

  var CHAT_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" ' +
    'stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 ' +
    '4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  var CLOSE_ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" ' +
    'stroke-linecap="round" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12"/></svg>';

  function setUnread(count) {
    unread = count;
    badge.textContent = count > 9 ? "9+" : String(count);
    badge.hidden = count === 0;
    launcher.setAttribute("aria-label", (isOpen ? "Close chat with " : "Open chat with ") +
      config.bot_name + (count ? " (" + count + " unread)" : ""));
  }

  function ensureFrame() {
    if (frame) return;
    frame = document.createElement("iframe");
    frame.src = botOrigin + "/widget";
    frame.title = "Chat with " + config.bot_name;
    frame.setAttribute("allow", "clipboard-write");
    panel.appendChild(frame);
  }

  function open() {
    ensureFrame();
    isOpen = true;
    panel.classList.add("bc-open");
    launcher.innerHTML = CLOSE_ICON;
    launcher.appendChild(badge);
    launcher.setAttribute("aria-expanded", "true");
    setUnread(0);
    try { sessionStorage.setItem(OPEN_KEY, "1"); } catch (e) { /* storage may be blocked */ }
    // Move the keyboard into the chat so the visitor can type at once: the frame takes
    // focus here, and the widget puts it in its message field when told it was opened. On the
    // first opening the chat is not loaded yet and this message is lost: its "ready" (below)
    // gets the same answer once it has loaded.
    frame.focus();
    tell({ type: "opened" });
  }

  function close() {
    if (!isOpen) return;
    isOpen = false;
    panel.classList.remove("bc-open");
    launcher.innerHTML = CHAT_ICON;
    launcher.appendChild(badge);
    launcher.setAttribute("aria-expanded", "false");
    setUnread(unread);
    try { sessionStorage.removeItem(OPEN_KEY); } catch (e) { /* ignore */ }
    tell({ type: "closed" });
    launcher.focus();
  }

  function tell(message) {
    if (frame && frame.contentWindow) {
      message.source = "business-chat-host";
      frame.contentWindow.postMessage(message, botOrigin);
    }
  }

  function onMessage(event) {
    if (event.origin !== botOrigin || !frame || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.source !== "business-chat") return;
    if (data.type === "bot-message" && !isOpen) setUnread(unread + (data.count || 1));
    if (data.type === "close") close();
    if (data.type === "ready") {
      // Opened before the chat had loaded: the keyboard may still be on the launcher.
      var active = document.activeElement;
      if (isOpen && (active === launcher || active === document.body)) frame.focus();
      tell({ type: isOpen ? "opened" : "closed" });
    }
  }

  function build() {
    css();
    panel = document.createElement("div");
    panel.className = "bc-panel";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Chat with " + config.bot_name);
    launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "bc-launcher";
    launcher.style.background = config.brand_color;
    launcher.style.color = config.brand_text_color;
    launcher.innerHTML = CHAT_ICON;
    launcher.setAttribute("aria-expanded", "false");
    badge = document.createElement("span");
    badge.className = "bc-badge";
    badge.setAttribute("aria-hidden", "true");
    launcher.appendChild(badge);
    launcher.addEventListener("click", function () { isOpen ? close() : open(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen) close();
    });
    window.addEventListener("message", onMessage);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
    setUnread(0);
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(OPEN_KEY) === "1"; } catch (e) { /* ignore */ }
    // Moving to another page of the site keeps the chat where the visitor left it.
    if (wasOpen) open();
  }

  function start() {
    fetch(botOrigin + "/api/widget/config", { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (loaded) {
        for (var key in loaded) if (Object.prototype.hasOwnProperty.call(config, key)) config[key] = loaded[key];
        // The server picks the text colour that meets WCAG AA contrast on the brand colour.
        if (!/^#[0-9a-fA-F]{6}$/.test(config.brand_color) ||
            !/^#[0-9a-fA-F]{6}$/.test(config.brand_text_color)) {
          config.brand_color = "#2563eb";
          config.brand_text_color = "#ffffff";
        }
        build();
      });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
