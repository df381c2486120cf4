/*
 * The GOV.UK timeout warning (see app/layout/timeout-warning.tsx). Counts from when the page arrived, so
 * the browser's clock does not matter. "Stay signed in" asks the server to push the session's expiry back;
 * when time runs out the person is sent to sign in, and comes back to this page afterwards.
 */
(function () {
  "use strict";
  var dialog = document.getElementById("timeout-warning");
  if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) return;
  var warnBefore = Number(dialog.getAttribute("data-warn-before-seconds")) || 120;
  var idle = Number(dialog.getAttribute("data-idle-seconds")) || 1800;
  var countdown = dialog.querySelector("[data-countdown]");
  var stay = dialog.querySelector("[data-stay-signed-in]");
  var csrf = dialog.querySelector("[data-csrf]");
  var keepAliveUrl = dialog.getAttribute("data-keep-alive-url");
  var endsAt = 0;
  var warnTimer = null;
  var tick = null;
  var lastFocus = null;

  function here() {
    return window.location.pathname + window.location.search;
  }

  function signedOut() {
    window.location.href = "/sign-in?signedOut=1&returnTo=" + encodeURIComponent(here());
  }

  function words(seconds) {
    if (seconds >= 60) {
      var m = Math.ceil(seconds / 60);
      return m + (m === 1 ? " minute" : " minutes");
    }
    return seconds + (seconds === 1 ? " second" : " seconds");
  }

  function update() {
    var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    if (left <= 0) return signedOut();
    // Announce minutes while there are some, then every 15 seconds, not every second.
    var text = left >= 60 ? words(left) : words(Math.ceil(left / 15) * 15);
    if (countdown.textContent !== text) countdown.textContent = text;
  }

  function warn() {
    lastFocus = document.activeElement;
    update();
    dialog.showModal();
    tick = window.setInterval(update, 1000);
  }

  function schedule(secondsLeft) {
    endsAt = Date.now() + secondsLeft * 1000;
    window.clearTimeout(warnTimer);
    window.clearInterval(tick);
    warnTimer = window.setTimeout(warn, Math.max(0, (secondsLeft - warnBefore) * 1000));
  }

  stay.addEventListener("click", function () {
    stay.disabled = true;
    var body = new URLSearchParams();
    body.set("csrf", csrf.value);
    window
      .fetch(keepAliveUrl, { method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("not signed in");
        return r.json();
      })
      .then(function (data) {
        dialog.close();
        schedule(Number(data.secondsLeft) || idle);
        if (lastFocus && lastFocus.focus) lastFocus.focus();
      })
      .catch(signedOut)
      .then(function () {
        stay.disabled = false;
      });
  });

  // Escape closes a modal dialog; here it means "stay signed in", as GOV.UK's pattern says.
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    stay.click();
  });

  schedule(Number(dialog.getAttribute("data-seconds-left")) || idle);
})();
