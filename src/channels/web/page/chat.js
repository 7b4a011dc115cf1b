// The web chat page: sends what the person types or presses to /api/chat, a file to
// /api/chat/upload, and shows the replies.
// Replies arrive as styled runs; every node is built with textContent, never innerHTML.
const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("text");
const sendButton = document.getElementById("send");
const attachButton = document.getElementById("attach");
const fileInput = document.getElementById("file");
// The page's own words: filled in by the server in the browser's language, switched (below) when
// the session's language differs (chosen with /language, or guessed from what the person writes).
const texts = document.body.dataset;
const errorText = () => texts.errorText || "Error";
const busyText = () => texts.busyText || "…";
const maxBytes = Number(texts.maxBytes) || 0;
const acceptedExtensions = fileInput.accept.split(",").map((e) => e.trim().toLowerCase());

function newSession() {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

let session = localStorage.getItem("nscl-session");
if (!session) {
  session = newSession();
  localStorage.setItem("nscl-session", session);
}

function scrollDown() {
  log.scrollTop = log.scrollHeight;
}

function addLine(kind, text) {
  const div = document.createElement("div");
  div.className = `msg ${kind}`;
  div.textContent = text;
  log.append(div);
  scrollDown();
  return div;
}

function runNode(run) {
  let node = document.createTextNode(run.text);
  const wrap = (tag) => {
    const el = document.createElement(tag);
    el.append(node);
    node = el;
  };
  if (run.style.code) wrap("code");
  if (run.style.u) wrap("u");
  if (run.style.i) wrap("em");
  if (run.style.b) wrap("strong");
  if (run.style.href !== undefined && /^https?:\/\//i.test(run.style.href)) {
    const a = document.createElement("a");
    a.href = run.style.href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.append(node);
    node = a;
  }
  return node;
}

// A reply marked `edit` replaces the message with its id (a multi-select tap re-draws its question).
function showBotMessage(message, kind = "bot") {
  const old = message.edit && typeof message.id === "string" ? log.querySelector(`[data-id="${CSS.escape(message.id)}"]`) : null;
  const div = botMessageNode(message, kind);
  if (old) old.replaceWith(div);
  else {
    log.append(div);
    scrollDown();
  }
}

function botMessageNode(message, kind) {
  const div = document.createElement("div");
  div.className = `msg ${kind}`;
  if (typeof message.id === "string") div.dataset.id = message.id;
  for (const run of message.runs) div.append(runNode(run));
  if (message.attachment) {
    const box = document.createElement("div");
    box.className = "attachment";
    if (message.attachment.base64) {
      const a = document.createElement("a");
      const bin = Uint8Array.from(atob(message.attachment.base64), (c) => c.charCodeAt(0));
      a.href = URL.createObjectURL(new Blob([bin], { type: message.attachment.mime }));
      a.download = message.attachment.name;
      a.textContent = `📎 ${message.attachment.name}`;
      box.append(a);
    } else {
      box.textContent = `📎 ${message.attachment.name}`;
    }
    div.append(box);
  }
  if (message.buttons && message.buttons.length) {
    const buttons = document.createElement("div");
    buttons.className = "buttons";
    for (const row of message.buttons) {
      const rowDiv = document.createElement("div");
      rowDiv.className = "row";
      for (const b of row) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.label;
        button.addEventListener("click", () => {
          const echo = addLine("me", b.label);
          // The message the button is on, so a reply can replace it; a reply that only does that needs no echo.
          send(typeof message.id === "string" ? { button: b.data, message: message.id } : { button: b.data }, echo);
        });
        rowDiv.append(button);
      }
      buttons.append(rowDiv);
    }
    div.append(buttons);
  }
  return div;
}

/** Puts the page's own words of `lang` in place (from /api/chat/page-texts; the server's locale files). */
async function switchLanguage(lang) {
  const res = await fetch(`/api/chat/page-texts?lang=${encodeURIComponent(lang)}`);
  if (!res.ok) return;
  const t = (await res.json()).texts;
  document.documentElement.lang = lang;
  document.title = t["web-title"];
  document.querySelector("header h1").textContent = t["web-title"];
  document.querySelector("header p").textContent = t["web-subtitle"];
  log.setAttribute("aria-label", t["web-log-label"]);
  input.placeholder = t["web-placeholder"];
  document.querySelector('label[for="text"]').textContent = t["web-placeholder"];
  sendButton.dataset.label = t["web-send"];
  attachButton.textContent = t["web-attach"];
  attachButton.setAttribute("aria-label", t["web-attach-label"]);
  attachButton.title = t["web-attach-label"];
  document.getElementById("file-rule").textContent = t["file-rules"];
  texts.errorText = t["web-error"];
  texts.busyText = t["web-busy"];
  texts.uploadingText = t["web-uploading"];
  texts.fileTooLarge = t["file-too-large"];
  texts.fileEmpty = t["file-empty"];
  texts.fileTypeUnsupported = t["file-type-unsupported"];
}

// One request at a time, in order, like a person typing (a file waits its turn like a message).
let queue = Promise.resolve();
function request(busy, call, echo = null) {
  queue = queue.then(async () => {
    sendButton.disabled = true;
    attachButton.disabled = true;
    sendButton.textContent = busy;
    try {
      const res = await call();
      const body = await res.json();
      // A refused file comes back with the bot's own words about files: shown as they are.
      if (Array.isArray(body.messages)) {
        for (const m of body.messages) showBotMessage(m, res.ok ? "bot" : "system");
        if (echo && body.messages.length > 0 && body.messages.every((m) => m.edit)) echo.remove();
      }
      else if (!res.ok) addLine("system", `${errorText()} (${body.error || res.status})`);
      if (typeof body.lang === "string" && body.lang !== document.documentElement.lang) await switchLanguage(body.lang);
    } catch {
      addLine("system", errorText());
    } finally {
      sendButton.disabled = false;
      attachButton.disabled = false;
      sendButton.textContent = sendButton.dataset.label;
    }
  });
  return queue;
}

function send(payload, echo = null) {
  return request(
    busyText(),
    () =>
      fetch("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ session, ...payload }),
      }),
    echo,
  );
}

// The server checks everything again; this only spares sending 20 MB to hear it refused.
function checkFile(file) {
  const dot = file.name.lastIndexOf(".");
  const extension = dot > 0 ? file.name.slice(dot).toLowerCase() : "";
  if (!acceptedExtensions.includes(extension)) return texts.fileTypeUnsupported;
  if (file.size === 0) return texts.fileEmpty;
  if (maxBytes && file.size > maxBytes) return texts.fileTooLarge;
  return null;
}

function upload(file) {
  return request(texts.uploadingText || busyText(), () =>
    fetch("/api/chat/upload", {
      method: "POST",
      headers: {
        "content-type": "application/octet-stream",
        // The session in a header, never the URL; the name percent-encoded (headers are ASCII).
        "x-chat-session": session,
        "x-file-name": encodeURIComponent(file.name),
      },
      body: file,
    }),
  );
}

attachButton.addEventListener("click", () => fileInput.click());
fileInput.addEventListener("change", () => {
  const file = fileInput.files && fileInput.files[0];
  fileInput.value = "";
  if (!file) return;
  addLine("me", `📎 ${file.name}`);
  const problem = checkFile(file);
  if (problem) {
    addLine("system", problem);
    return;
  }
  upload(file);
});

async function poll() {
  try {
    // The session is this browser's credential: in a header, never in a URL (proxy logs keep URLs).
    const res = await fetch("/api/chat/updates", { headers: { "x-chat-session": session } });
    if (res.ok) for (const m of (await res.json()).messages) showBotMessage(m);
  } catch {
    // The server may be restarting; try again at the next tick.
  }
}

sendButton.dataset.label = sendButton.textContent;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  addLine("me", text);
  send({ text });
});

setInterval(poll, 5000);
send({ text: "/start" }).then(() => input.focus());
