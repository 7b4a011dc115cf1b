import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { z } from "zod";
import type { App } from "../../app.js";
import type { JsonValue } from "../../core/feature.js";
import { textToEvent } from "../../core/dispatcher.js";
import { esc, toPlainText, toRuns, type Run } from "../../core/markup.js";
import type { ChannelSender } from "../../core/outbox.js";
import { LOCALES, MAX_INBOUND_TEXT, type InboundEvent, type Locale, type OutboundMessage } from "../../core/types.js";
import { webPageDir } from "../../paths.js";
import { defineChannel, type Channel } from "../channel.js";
import { BodyError, isJsonContentType, jsonOf, readBody, sendJson, type Route } from "../shared/http.js";
import { PAGE_TEXT_KEYS, pageLocale } from "./page-locale.js";
import { clientAddress, createRateLimiter } from "./rate-limit.js";
import { uploadRoute } from "./upload.js";
import { DOSSIER_FILE_MAX_MB, DOSSIER_FILE_TYPE_LIST, DOSSIER_FILE_TYPES, MAX_DOSSIER_FILE_BYTES } from "../../domain/dossier-file.js";

const SESSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** A message's id on the page (`WebMessage.id`). */
const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** A new message's id: unique on the page, meaningless elsewhere (it names no user and no record). */
function newMessageId(): string {
  return randomBytes(9).toString("base64url");
}

/**
 * The web user's id, from the session the page made up. The session is the user's only credential
 * (whoever sends it is that user), so it is never the id that is stored, logged, exported or shown
 * to officials: the id is a one-way digest of it, which lets nobody act as the user.
 */
export function webUserIdOf(session: string): string {
  return createHash("sha256").update(`nscl-web-session:${session}`).digest("base64url").slice(0, 22);
}

/** What the page sends: a session id it made up, and either text or the data of a pressed button. */
export const chatRequestSchema = z
  .object({
    session: z.string().regex(SESSION_PATTERN, "session must be 16–64 characters of A–Z, a–z, 0–9, _ or -"),
    text: z.string().max(MAX_INBOUND_TEXT, `text must be at most ${MAX_INBOUND_TEXT} characters`).optional(),
    button: z.string().max(256, "button data must be at most 256 characters").optional(),
    /** With `button`: the id of the message the button was on, which a reply marked `edit` replaces. */
    message: z.string().regex(MESSAGE_ID_PATTERN, "message must be a message id the chat gave").optional(),
  })
  .strict()
  .refine((r) => (r.text === undefined) !== (r.button === undefined), "send exactly one of text or button");

export interface WebMessage {
  /** The message's id on the page: a button press sends it back (`message`) so a reply can replace it. */
  id: string;
  /** True: replace the message shown with this `id` (a multi-select tap) rather than add a new one. */
  edit?: true;
  /** The text without formatting, for simple clients and tests. */
  text: string;
  /** Styled runs; the page builds DOM nodes from them (never innerHTML). */
  runs: Run[];
  buttons: { label: string; data: string }[][];
  attachment?: { name: string; mime: string; base64?: string };
}

const MAX_BODY_BYTES = 16 * 1024;
const MAX_INLINE_ATTACHMENT = 5 * 1024 * 1024;
const MAILBOX_LIMIT = 50;
/** A notice waiting in the store carries a file inline only up to this size (the page shows the name otherwise). */
const MAX_STORED_ATTACHMENT = 256 * 1024;

/** A waiting notice read back from the store (it is checked like any other outside input). */
const webMessageSchema = z.object({
  /** Notices stored before messages had ids have none: they get one when taken. */
  id: z.string().regex(MESSAGE_ID_PATTERN).optional(),
  text: z.string().max(20_000),
  runs: z.array(z.object({ text: z.string(), style: z.object({ b: z.literal(true).optional(), i: z.literal(true).optional(), u: z.literal(true).optional(), code: z.literal(true).optional(), href: z.string().optional() }) })).max(2000),
  buttons: z.array(z.array(z.object({ label: z.string().max(256), data: z.string().max(256) })).max(10)).max(50),
  attachment: z.object({ name: z.string().max(512), mime: z.string().max(256), base64: z.string().optional() }).optional(),
});
/** Per session: at most this many requests in the window; a script flooding the endpoint waits. */
const RATE = { requests: 30, windowMs: 10_000 };
/**
 * Per client address: a script making up a new session for each request is held here. An office
 * behind one address shares it: 300 requests in 10 s is some 30 people typing at once.
 */
const ADDRESS_RATE = { requests: 300, windowMs: 10_000 };

/**
 * The page's form of a message. `pressedOn`: in a reply to a button press, the id of the message
 * the button was on; a message marked `edit` then replaces it (same id, `edit: true`).
 */
export function toWebMessage(message: OutboundMessage, pressedOn: string | null = null): WebMessage {
  const editing = message.edit !== undefined && pressedOn !== null;
  const out: WebMessage = {
    id: editing ? pressedOn : newMessageId(),
    ...(editing ? { edit: true as const } : {}),
    text: toPlainText(message.text),
    runs: toRuns(message.text),
    buttons: message.buttons ?? [],
  };
  const a = message.attachment;
  if (a?.kind === "bytes") {
    out.attachment = { name: a.name, mime: a.mime, ...(a.bytes.length <= MAX_INLINE_ATTACHMENT ? { base64: Buffer.from(a.bytes).toString("base64") } : {}) };
  } else if (a?.kind === "stored") {
    out.attachment = { name: a.file.name, mime: a.file.mime ?? "application/octet-stream" };
  }
  return out;
}

const STATIC_FILES: Record<string, string> = {
  "/": "index.html",
  "/chat.js": "chat.js",
  "/chat.css": "chat.css",
};
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface WebChat {
  routes: Route[];
  /** Notices for web users wait in a small mailbox in the store (any instance, any restart) that the page polls. */
  sender: ChannelSender;
}

/** The local web chat: a page and a JSON endpoint on the same core as every other channel. */
export function createWebChat(app: App): WebChat {
  const mailboxes = app.storage.repos.mailboxes;
  const perSession = createRateLimiter(RATE.requests, RATE.windowMs);
  const perAddress = createRateLimiter(ADDRESS_RATE.requests, ADDRESS_RATE.windowMs);
  const trustedProxy = app.config.WEB_TRUSTED_PROXY;

  /** Counted against the session and the client's address; either over its limit answers 429. */
  const limited = (req: IncomingMessage, session: string, now: number): boolean => {
    const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxy);
    const byAddress = perAddress.over(address, now);
    return perSession.over(session, now) || byAddress;
  };

  const takeMailbox = async (userId: string): Promise<WebMessage[]> => {
    const waiting = await app.storage.unit(() => mailboxes.take(userId));
    const out: WebMessage[] = [];
    for (const raw of waiting) {
      const checked = webMessageSchema.safeParse(raw);
      if (checked.success) out.push({ ...(checked.data as Omit<WebMessage, "id">), id: checked.data.id ?? newMessageId() });
      else app.log.warn("web chat: a stored notice did not fit its schema and was dropped");
    }
    return out;
  };

  const staticRoutes: Route[] = Object.entries(STATIC_FILES).map(([urlPath, file]) => ({
    method: "GET",
    path: urlPath,
    async handle(req, res) {
      let body = await readFile(path.join(webPageDir, file));
      if (file === "index.html") body = Buffer.from(fillTemplate(body.toString("utf8"), pageLocale(req.headers["accept-language"], app.config.DEFAULT_LOCALE)));
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "content-security-policy":
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      });
      res.end(body);
    },
  }));

  /** The page's own words come from the locale files, like every other text the bot shows; the file rule from the domain. */
  const ruleArgs = { max: DOSSIER_FILE_MAX_MB, types: DOSSIER_FILE_TYPE_LIST };
  const pageText = (locale: Locale, key: string): string => toPlainText(app.translator.t(locale, key, ruleArgs));
  const fillTemplate = (template: string, locale: Locale): string => {
    const values: Record<string, string> = {
      lang: locale,
      "upload-max-bytes": String(MAX_DOSSIER_FILE_BYTES),
      "upload-accept": Object.keys(DOSSIER_FILE_TYPES).map((ext) => `.${ext}`).join(","),
    };
    // Double braces around a locale key, or around "=" and a value of the page's own (the upload rule for its pre-check).
    return template.replace(/\{\{(=?)([a-z-]+)\}\}/g, (_m, value: string, key: string) => esc(value || key === "lang" ? (values[key] ?? "") : pageText(locale, key)));
  };

  /** The session's language once it has one (chosen, or guessed from what it wrote); null: the page keeps its own. */
  const sessionLocale = async (userId: string): Promise<Locale | null> => {
    const user = await app.services.users.get(`web:${userId}`);
    return user?.locale ?? user?.guessedLocale ?? null;
  };

  /** GET /api/chat/page-texts?lang=en: the page's own words in that language, for a switch without a reload. */
  const pageTextsRoute: Route = {
    method: "GET",
    path: "/api/chat/page-texts",
    handle(req, res) {
      const lang = z.enum(LOCALES).safeParse(new URL(req.url ?? "/", "http://page").searchParams.get("lang"));
      if (!lang.success) {
        sendJson(res, 400, { error: "invalid-request", detail: `lang must be one of ${LOCALES.join(", ")}` });
        return;
      }
      sendJson(res, 200, { lang: lang.data, texts: Object.fromEntries(PAGE_TEXT_KEYS.map((key) => [key, pageText(lang.data, key)])) });
    },
  };

  const chatRoute: Route = {
    method: "POST",
    path: "/api/chat",
    async handle(req, res) {
      if (!isJsonContentType(req.headers["content-type"])) throw new BodyError(415, "content-type-must-be-json");
      const parsed = chatRequestSchema.safeParse(jsonOf(await readBody(req, MAX_BODY_BYTES)));
      if (!parsed.success) {
        sendJson(res, 400, { error: "invalid-request", detail: parsed.error.issues[0]?.message ?? "invalid" });
        return;
      }
      const { session, text, button, message } = parsed.data;
      if (limited(req, session, Date.now())) {
        sendJson(res, 429, { error: "too-many-requests", retryAfterSeconds: RATE.windowMs / 1000 });
        return;
      }
      const event: InboundEvent = button !== undefined ? { kind: "button", data: button } : textToEvent(text ?? "");
      const userId = webUserIdOf(session);
      const replies = await app.conversation.handle({ channel: "web", id: userId }, event);
      const pressedOn = button !== undefined ? (message ?? null) : null;
      sendJson(res, 200, { messages: [...(await takeMailbox(userId)), ...replies.map((m) => toWebMessage(m, pressedOn))], lang: await sessionLocale(userId) });
    },
  };

  const updatesRoute: Route = {
    method: "GET",
    path: "/api/chat/updates",
    async handle(req, res) {
      // In a header: a URL with the credential would end up in proxy and access logs.
      const header = req.headers["x-chat-session"];
      const session = typeof header === "string" ? header : "";
      if (!SESSION_PATTERN.test(session)) {
        sendJson(res, 400, { error: "invalid-request", detail: "the session goes in the X-Chat-Session header" });
        return;
      }
      if (limited(req, session, Date.now())) {
        sendJson(res, 429, { error: "too-many-requests", retryAfterSeconds: RATE.windowMs / 1000 });
        return;
      }
      sendJson(res, 200, { messages: await takeMailbox(webUserIdOf(session)) });
    },
  };

  const sender: ChannelSender = {
    async send(userId, messages) {
      const stored = messages.map((m) => toWebMessage(m)).map((m) => {
        if (m.attachment?.base64 && m.attachment.base64.length > MAX_STORED_ATTACHMENT) {
          const { base64: _dropped, ...rest } = m.attachment;
          return { ...m, attachment: rest };
        }
        return m;
      });
      // Delivered = waiting in the store for the page, so a restart loses nothing.
      await app.storage.unit(() => mailboxes.push(userId, stored as unknown as JsonValue[], MAILBOX_LIMIT));
      return { ok: true };
    },
  };

  const upload = uploadRoute({
    app,
    limited,
    sessionPattern: SESSION_PATTERN,
    retryAfterSeconds: RATE.windowMs / 1000,
    userIdOf: webUserIdOf,
    answer: async (userId, replies) => [...(await takeMailbox(userId)), ...replies.map((m) => toWebMessage(m))],
    message: (text) => toWebMessage({ text }),
  });

  return { routes: [...staticRoutes, chatRoute, updatesRoute, pageTextsRoute, upload], sender };
}

/**
 * Always on: the page and its endpoint on the bot's server. Replies go back in the HTTP answer
 * (nothing is pending between requests); notices wait in the mailbox.
 */
export const webChannel = defineChannel({
  name: "web",
  create(app): Channel {
    const chat = createWebChat(app);
    return {
      // The page shows every button, pictures and files (inline up to 5 MB). It replaces a message
      // whose button was pressed when the reply says so (`edit`), but has no `sendReplaceable`
      // for progress reports: a notice waits in the mailbox, after the page has moved on.
      capabilities: { buttons: Infinity, photos: true, documents: true, edits: false },
      routes: chat.routes,
      sender: chat.sender,
      start: async () => {},
      stop: async () => {},
      idle: async () => {},
      startupLine: (baseUrl) => ({ key: "startup-web-chat", args: { url: baseUrl } }),
    };
  },
});
