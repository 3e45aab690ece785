// Reloads the permit page shortly before its QR code runs out, so the code shown is always live. Without
// JavaScript the Refresh button does the same. It stops after four reloads (about four minutes), before the PIN's
// five-minute unlock would lapse: an open page left alone must not keep work-permit services unlocked.
(function () {
  "use strict";
  var image = document.querySelector("img[data-refresh-seconds]");
  if (!image) { return; }
  var seconds = parseInt(image.getAttribute("data-refresh-seconds"), 10);
  var key = "portal-qr-refreshes";
  var done = parseInt(window.sessionStorage.getItem(key) || "0", 10);
  if (!(seconds > 0) || done >= 4) { window.sessionStorage.removeItem(key); return; }
  window.setTimeout(function () {
    window.sessionStorage.setItem(key, String(done + 1));
    window.location.reload();
  }, seconds * 1000);
})();
