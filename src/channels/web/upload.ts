import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { App } from "../../app.js";
import type { MessageRef } from "../../core/i18n.js";
import type { Markup } from "../../core/markup.js";
import type { FileRef, InboundEvent, Locale, OutboundMessage } from "../../core/types.js";
import { checkDossierFile, DOSSIER_FILE_MAX_MB, DOSSIER_FILE_TYPE_LIST, DOSSIER_FILE_TYPES, extensionOf, MAX_DOSSIER_FILE_BYTES } from "../../domain/dossier-file.js";
import { contentAgrees } from "../../domain/file-signature.js";
import { BodyError, sendJson, type Route } from "../shared/http.js";

/**
 * The file's name, percent-encoded UTF-8 in `X-File-Name` (a header carries ASCII only). A name
 * with a path in it or a control character is refused, not mended: no browser sends one.
 */
export const fileNameHeaderSchema = z
  .string()
  .min(1, "the file name goes in the X-File-Name header")
  .max(2048, "the file name is too long")
  .transform((value, ctx) => {
    try {
      return decodeURIComponent(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "X-File-Name must be percent-encoded UTF-8" });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .string()
      .min(1)
      .max(255, "the file name must be at most 255 characters")
      .refine((name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name), "the file name has a control character")
      .refine((name) => !/[\\/]/.test(name) && !name.startsWith(".."), "the file name has a path in it"),
  );

/** A declared length: digits only (no sign, no exponent), as HTTP writes it. */
const CONTENT_LENGTH = /^\d{1,12}$/;

/**
 * Reads at most `limit` bytes of a body. More than that: stops reading (the rest is never taken
 * in) and resolves null; the caller refuses and closes the connection.
 */
export function readAtMost(body: Readable, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        body.off("data", onData);
        body.pause();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    body.on("data", onData);
    body.on("end", () => resolve(Buffer.concat(chunks)));
    // A client that goes away mid-file is no server error: nothing is kept, nobody to answer.
    const cutOff = () => reject(new BodyError(400, "upload-incomplete"));
    body.on("error", cutOff);
    body.on("aborted", cutOff);
  });
}

export interface UploadDeps {
  app: App;
  /** The chat's own limits (per session and per address): an upload counts as a request. */
  limited(req: IncomingMessage, session: string, now: number): boolean;
  sessionPattern: RegExp;
  retryAfterSeconds: number;
  userIdOf(session: string): string;
  /** Notices waiting for the page, then the replies: what the chat endpoint answers. */
  answer(userId: string, replies: OutboundMessage[]): Promise<unknown[]>;
  /** One message in the page's shape. */
  message(text: Markup): unknown;
}

/**
 * `POST /api/chat/upload`: the raw bytes of one dossier file. Checked before anything is kept —
 * the session, the declared length (refused before the body is read), the bytes actually read,
 * the extension and that the content starts like it — then kept in the uploads store and handed
 * to the conversation as a `file` event, in the user's turn order like a typed message.
 */
export function uploadRoute(deps: UploadDeps): Route {
  const { app } = deps;
  const ruleArgs = { max: DOSSIER_FILE_MAX_MB, types: DOSSIER_FILE_TYPE_LIST };

  const localeOf = async (userId: string): Promise<Locale> => (await app.services.users.get(`web:${userId}`))?.locale ?? app.config.DEFAULT_LOCALE;

  /** A refusal the person can act on: the bot's own words about files, in their language. */
  const refuse = async (res: ServerResponse, status: number, userId: string, error: MessageRef, close: boolean) => {
    const text = app.translator.t(await localeOf(userId), error.key, error.args);
    if (close) res.setHeader("connection", "close");
    sendJson(res, status, { error: error.key, messages: [deps.message(text)] });
  };

  /** Answered before the body is read: the connection closes after, so the unread body goes nowhere. */
  const early = (res: ServerResponse, status: number, body: unknown) => {
    res.setHeader("connection", "close");
    sendJson(res, status, body);
  };

  return {
    method: "POST",
    path: "/api/chat/upload",
    async handle(req, res) {
      const header = req.headers["x-chat-session"];
      const session = typeof header === "string" ? header : "";
      if (!deps.sessionPattern.test(session)) {
        early(res, 400, { error: "invalid-request", detail: "the session goes in the X-Chat-Session header" });
        return;
      }
      if (deps.limited(req, session, Date.now())) {
        early(res, 429, { error: "too-many-requests", retryAfterSeconds: deps.retryAfterSeconds });
        return;
      }
      if (!/^application\/octet-stream[ \t]*(;|$)/i.test(req.headers["content-type"] ?? "")) {
        early(res, 415, { error: "content-type-must-be-octet-stream" });
        return;
      }
      const named = fileNameHeaderSchema.safeParse(req.headers["x-file-name"] ?? "");
      if (!named.success) {
        early(res, 400, { error: "invalid-request", detail: named.error.issues[0]?.message ?? "invalid file name" });
        return;
      }
      const lengthHeader = req.headers["content-length"];
      if (lengthHeader === undefined || !CONTENT_LENGTH.test(lengthHeader)) {
        early(res, 411, { error: "length-required" });
        return;
      }
      const userId = deps.userIdOf(session);
      const declared = Number(lengthHeader);
      // Size and type by what was declared: a file too large is refused before a byte of it is read.
      const rule = checkDossierFile({ name: named.data, size: declared, mime: null });
      if (!rule.ok) {
        await refuse(res, rule.error.key === "file-too-large" ? 413 : rule.error.key === "file-empty" ? 400 : 415, userId, rule.error, true);
        return;
      }
      const bytes = await readAtMost(req, Math.min(declared, MAX_DOSSIER_FILE_BYTES));
      if (bytes === null) {
        await refuse(res, 413, userId, { key: "file-too-large", args: ruleArgs }, true);
        return;
      }
      const ext = extensionOf(named.data);
      if (bytes.length === 0) {
        await refuse(res, 400, userId, { key: "file-empty", args: ruleArgs }, false);
        return;
      }
      if (!contentAgrees(ext, bytes)) {
        await refuse(res, 415, userId, { key: "file-content-mismatch", args: ruleArgs }, false);
        return;
      }
      const mime = DOSSIER_FILE_TYPES[ext]?.[0] ?? "application/octet-stream";
      const name = rule.value.name;
      const id = await app.storage.repos.uploads.put(bytes, { name, mime });
      const file: FileRef = { channel: "web", ref: id, name, size: bytes.length, mime };
      const event: InboundEvent = { kind: "file", file, caption: "" };
      const replies = await app.conversation.handle({ channel: "web", id: userId }, event);
      sendJson(res, 200, { messages: await deps.answer(userId, replies) });
    },
  };
}
