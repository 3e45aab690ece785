/*
 * Moves the focus to the error summary when a form comes back with problems (the GOV.UK pattern), so
 * keyboard and screen-reader users start at the list of what to fix. Without JavaScript the summary is
 * still the first thing in the main content and is announced through role="alert".
 */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
})();
