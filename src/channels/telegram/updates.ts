import type { Context } from "grammy";
import { textToEvent } from "../../core/dispatcher.js";
import type { InboundEvent, UserRef } from "../../core/types.js";

/** Who sent this update, as a channel-neutral user; undefined for updates without a person. */
export function userOf(ctx: Context): UserRef | undefined {
  const from = ctx.from;
  if (!from || from.is_bot) return undefined;
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ").trim();
  return { channel: "telegram", id: String(from.id), ...(displayName ? { displayName } : {}) };
}

/**
 * Maps a Telegram update to a core event. A command is a message starting with a bot_command
 * entity (Telegram marks it), so "/start" typed as plain text by another client still works
 * through `textToEvent`.
 */
export function eventOf(ctx: Context): InboundEvent | undefined {
  if (ctx.callbackQuery) {
    return { kind: "button", data: ctx.callbackQuery.data ?? "" };
  }
  const message = ctx.message;
  if (!message) return undefined;
  if (message.text !== undefined) return textToEvent(message.text);
  if (message.document) {
    const d = message.document;
    return {
      kind: "file",
      file: { channel: "telegram", ref: d.file_id, name: d.file_name ?? "tai-lieu", size: d.file_size ?? null, mime: d.mime_type ?? null },
      caption: message.caption ?? "",
    };
  }
  if (message.photo?.length) {
    const largest = message.photo[message.photo.length - 1]!;
    return {
      kind: "file",
      file: { channel: "telegram", ref: largest.file_id, name: `anh-${largest.file_unique_id}.jpg`, size: largest.file_size ?? null, mime: "image/jpeg", photo: true },
      caption: message.caption ?? "",
    };
  }
  const what = ["sticker", "voice", "audio", "video", "video_note", "animation", "location", "contact", "poll", "dice", "venue"].find(
    (k) => (message as unknown as Record<string, unknown>)[k] !== undefined,
  );
  return { kind: "unsupported", what: what ?? "other" };
}
