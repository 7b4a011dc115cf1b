import { z } from "zod";
import { CHANNEL_NAME_PATTERN, MAX_INBOUND_TEXT, type InboundEvent } from "./types.js";

/** A channel's name in a stored record or an event (see `ChannelName`). */
export const channelNameSchema = z.string().regex(CHANNEL_NAME_PATTERN, "must be a channel name (lowercase letters and digits)");

/** A file a user sent, as channels describe it (also what announcements keep of an attached file). */
export const fileRefSchema = z.object({
  channel: channelNameSchema,
  ref: z.string().min(1).max(2048),
  name: z.string().max(512),
  size: z.number().int().min(0).nullable(),
  mime: z.string().max(256).nullable(),
  photo: z.boolean().optional(),
});

/** Channels build events from platform input; this is checked again at the core's door. */
export const inboundEventSchema: z.ZodType<InboundEvent> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("command"), name: z.string().regex(/^[a-z0-9_]{1,32}$/), args: z.string().max(MAX_INBOUND_TEXT) }),
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("button"), data: z.string().max(1024) }),
  z.object({ kind: z.literal("file"), file: fileRefSchema, caption: z.string().max(MAX_INBOUND_TEXT) }),
  z.object({ kind: z.literal("unsupported"), what: z.string().max(64) }),
]);

/**
 * Removes what only hides or garbles text (zero-width, bidi overrides, controls) and composes
 * diacritics (NFC). A lone surrogate (half of an emoji, cut by a client) becomes U+FFFD: no store
 * can keep it as text (PostgreSQL refuses it in JSON), and it never meant anything.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .normalize("NFC")
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, "")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .trim();
}
