/*
 * The demo customer's copy of the embed snippet. A real customer pastes one line:
 *   <script src="https://bot.example.com/embed.js" defer></script>
 * This demo adds the same <script> tag, with the bot's address taken from `?bot=`
 * (remembered for the visit, so links between pages keep it) or, by default, from the
 * server that serves this page. Example: /demo/?bot=http://127.0.0.1:3000
 */
(function () {
  var fromQuery = new URLSearchParams(window.location.search).get("bot");
  var bot = fromQuery;
  try {
    if (fromQuery) sessionStorage.setItem("demo-bot-url", fromQuery);
    else bot = sessionStorage.getItem("demo-bot-url");
  } catch (e) { /* storage blocked: use the default */ }
  if (!bot || !/^https?:\/\/[^\s/]+\/?$/.test(bot)) bot = window.location.origin;
  var script = document.createElement("script");
  script.src = bot.replace(/\/$/, "") + "/embed.js";
  script.defer = true;
  document.head.appendChild(script);
  var shown = document.getElementById("embed-url");
  if (shown) shown.textContent = script.src;
})();
