// The officials' web desk needs no script to work; this one only saves a click: the sign-in page
// posts its form by itself (a link preview fetching the link with GET never signs anyone in).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-autosubmit]");
  if (form instanceof HTMLFormElement) form.submit();
});
