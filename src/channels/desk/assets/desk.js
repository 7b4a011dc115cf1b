// The officials' web desk needs no script to work; this one only saves clicks: the sign-in page
// posts its form by itself (a link preview fetching the link with GET never signs anyone in), and
// an announcement's page refreshes its progress bar from a small JSON endpoint until the job ends.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-autosubmit]");
  if (form instanceof HTMLFormElement) form.submit();

  const box = document.querySelector("[data-progress-url]");
  if (!(box instanceof HTMLElement)) return;
  const url = box.dataset.progressUrl;
  const bar = document.getElementById("job-progress");
  const text = document.getElementById("job-progress-text");
  const state = document.getElementById("job-state");
  const report = document.getElementById("job-report");
  const poll = async () => {
    try {
      const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (!res.ok) return;
      const p = await res.json();
      if (bar instanceof HTMLProgressElement) {
        bar.max = Math.max(p.planned, 1);
        bar.value = p.settled;
      }
      if (text) text.textContent = p.text;
      if (state) state.textContent = p.stateText;
      if (p.ended && report) {
        report.textContent = p.report ?? "";
        report.hidden = false;
        return;
      }
    } catch {
      // A dropped request: try again at the next tick.
    }
    // Every second while it sends; a scheduled or paused job changes seldom.
    setTimeout(poll, p && p.state === "running" ? 1000 : 5000);
  };
  setTimeout(poll, 500);
});
