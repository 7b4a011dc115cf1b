import { z } from "zod";
import type { FileRef } from "../../core/types.js";

/**
 * The webhook events we read, as zod schemas (tech-notes §6.1). IDs and timestamps are strings:
 * they exceed 2^53, so a number there is refused rather than silently rounded.
 */
const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);

/** Only what the signature check needs; read before anything else is trusted. */
export const webhookEnvelopeSchema = z.object({
  app_id: z.string().max(64).optional(),
  oa_id: z.string().max(64).optional(),
  // Millisecond timestamps fit a double exactly, so a number here is turned back into its digits.
  timestamp: z.union([z.string().max(32), z.number().int().nonnegative().transform(String)]),
  event_name: z.string().max(64).optional(),
});

const attachment = z.object({
  type: z.string().max(32),
  payload: z
    .object({
      url: z.string().max(4096).optional(),
      thumbnail: z.string().max(4096).optional(),
      name: z.string().max(512).optional(),
      // Sizes come as strings in some samples, numbers in others.
      size: z.union([z.string().regex(/^\d{1,12}$/).transform(Number), z.number().int().nonnegative()]).optional(),
      type: z.string().max(32).optional(),
      checksum: z.string().max(128).optional(),
    })
    .passthrough()
    .optional(),
});

const userMessage = z.object({
  app_id: z.string(),
  event_name: z.string().regex(/^user_send_[a-z_]+$/),
  sender: z.object({ id }),
  recipient: z.object({ id }),
  message: z.object({
    msg_id: z.string().min(1).max(128),
    text: z.string().max(20_000).optional(),
    attachments: z.array(attachment).max(20).optional(),
  }),
  timestamp: z.string(),
});

const followEvent = z.object({
  app_id: z.string(),
  event_name: z.enum(["follow", "unfollow"]),
  oa_id: id,
  follower: z.object({ id }),
  timestamp: z.string(),
});

/** What the OA sent (through the API or a person at oa.zalo.me) echoes back: sender is the OA, recipient the user. */
const oaEcho = z.object({
  app_id: z.string(),
  event_name: z.string().regex(/^oa_send_[a-z_]+$/),
  sender: z.object({ id, admin_id: z.string().max(64).optional() }),
  recipient: z.object({ id }),
  timestamp: z.string(),
});

/** A webhook event, as the channel acts on it. `oaId` tells OAs apart when several authorise one app. */
export type ZaloInbound =
  | { kind: "text"; oaId: string; userId: string; msgId: string; text: string }
  | { kind: "files"; oaId: string; userId: string; msgId: string; files: FileRef[]; caption: string }
  | { kind: "unsupported"; oaId: string; userId: string; msgId: string; what: string }
  | { kind: "follow" | "unfollow"; oaId: string; userId: string }
  /** A person at the OA wrote to this user: the bot keeps quiet there for a while. */
  | { kind: "person-at-oa"; oaId: string; userId: string }
  | { kind: "ignored"; reason: string };

/** Extensions Zalo reports in `payload.type`, to the MIME types the core keeps. */
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  zip: "application/zip",
  rar: "application/vnd.rar",
  txt: "text/plain",
  csv: "text/csv",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

function fileRefOf(a: z.infer<typeof attachment>, msgId: string, index: number): FileRef | null {
  const url = a.payload?.url;
  if (!url || !/^https?:\/\//.test(url)) return null;
  const suffix = index === 0 ? "" : `-${index + 1}`;
  if (a.type === "image") {
    // Images carry no name or size; Zalo serves them as JPEG.
    return { channel: "zalo", ref: url, name: `anh-zalo-${msgId.slice(0, 12)}${suffix}.jpg`, size: null, mime: "image/jpeg" };
  }
  const ext = (a.payload?.type ?? a.payload?.name?.split(".").pop() ?? "").toLowerCase();
  return {
    channel: "zalo",
    ref: url,
    name: a.payload?.name?.trim() || `tep-zalo-${msgId.slice(0, 12)}${suffix}${ext ? `.${ext}` : ""}`,
    size: a.payload?.size ?? null,
    mime: MIME_BY_EXTENSION[ext] ?? null,
  };
}

/** Maps a verified webhook body to what the channel does with it. Never throws. */
export function readWebhookEvent(body: unknown): ZaloInbound {
  const name = (body as { event_name?: unknown } | null)?.event_name;
  if (typeof name !== "string") return { kind: "ignored", reason: "no event_name" };

  if (name === "follow" || name === "unfollow") {
    const e = followEvent.safeParse(body);
    if (!e.success) return { kind: "ignored", reason: `${name} does not fit its schema` };
    return { kind: name, oaId: e.data.oa_id, userId: e.data.follower.id };
  }

  if (name.startsWith("oa_send_")) {
    const e = oaEcho.safeParse(body);
    if (!e.success) return { kind: "ignored", reason: `${name} does not fit its schema` };
    // Without admin_id it is the echo of our own API send.
    if (!e.data.sender.admin_id) return { kind: "ignored", reason: "echo of a bot message" };
    return { kind: "person-at-oa", oaId: e.data.sender.id, userId: e.data.recipient.id };
  }

  if (name.startsWith("user_send_")) {
    const e = userMessage.safeParse(body);
    if (!e.success) return { kind: "ignored", reason: `${name} does not fit its schema` };
    const { sender, recipient, message } = e.data;
    const base = { oaId: recipient.id, userId: sender.id, msgId: message.msg_id };
    if (name === "user_send_text") return { kind: "text", ...base, text: message.text ?? "" };
    if (name === "user_send_image" || name === "user_send_file") {
      const files = (message.attachments ?? []).map((a, i) => fileRefOf(a, message.msg_id, i)).filter((f): f is FileRef => f !== null);
      if (files.length === 0) return { kind: "unsupported", ...base, what: name.slice("user_send_".length) };
      return { kind: "files", ...base, files, caption: message.text ?? "" };
    }
    // Stickers, GIFs, audio, video, locations, links, business cards: answered politely.
    return { kind: "unsupported", ...base, what: name.slice("user_send_".length) };
  }

  // Receipts (user_received_message, user_seen_message), anonymous chats, user_submit_info, …
  return { kind: "ignored", reason: name };
}

/** The key Zalo's retries repeat: the message id, or for follow events who and when. */
export function dedupKeyOf(body: unknown, envelope: z.infer<typeof webhookEnvelopeSchema>): string {
  const b = body as { message?: { msg_id?: unknown }; follower?: { id?: unknown }; sender?: { id?: unknown } } | null;
  const msgId = b?.message?.msg_id;
  if (typeof msgId === "string" && msgId !== "") return `m:${msgId.slice(0, 128)}`;
  const who = b?.follower?.id ?? b?.sender?.id;
  return `e:${envelope.event_name ?? "?"}:${typeof who === "string" ? who.slice(0, 64) : "?"}:${envelope.timestamp}`;
}
