// Admin pages: small conveniences only; every form works without JavaScript.
(function () {
  'use strict';
  // Move focus to the error summary, so screen-reader and keyboard users hear what went wrong.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
