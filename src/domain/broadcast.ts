import { z } from "zod";
import { fileRefSchema } from "../core/events.js";
import { esc, joinMarkup, type Markup } from "../core/markup.js";
import { LOCALES, type OutboundMessage } from "../core/types.js";
import { fail, ok, type Parsed } from "./result.js";
import { PROGRAMMES } from "./programmes.js";
import { isStatusOf, statusIdSchema } from "./statuses.js";
import { SECTOR_GROUPS } from "./submission.js";

/**
 * Who an announcement is for. Every segment is narrowed to subscribers when the job starts;
 * the submission-based ones look at live submissions (withdrawn ones only through their status).
 */
export const segmentSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("all") }),
    z.object({ kind: z.literal("programme"), programme: z.enum(PROGRAMMES) }),
    z.object({ kind: z.literal("status"), programme: z.enum(PROGRAMMES), status: statusIdSchema }),
    z.object({ kind: z.literal("sector"), sectorGroup: z.enum(SECTOR_GROUPS) }),
    /** `communeKey` as in `organisation.address.communeKey`; `label` is how one submission wrote it. */
    z.object({ kind: z.literal("commune"), communeKey: z.string().min(1).max(120), label: z.string().min(1).max(120) }),
    z.object({ kind: z.literal("language"), locale: z.enum(LOCALES) }),
  ])
  .superRefine((s, ctx) => {
    if (s.kind === "status" && !isStatusOf(s.programme, s.status)) ctx.addIssue({ code: "custom", path: ["status"], message: `not a ${s.programme} status` });
  });
export type Segment = z.infer<typeof segmentSchema>;

/** A file the official sent (Telegram keeps it; we re-send it by reference). */
export const announcementFileSchema = fileRefSchema;

/**
 * One message per recipient whatever the channel: a text fits one Telegram message and one Zalo
 * message (2,000 characters), and with a file it fits Telegram's caption (1,024). So a recipient
 * gets the announcement whole or not at all, and a retry never repeats half of it.
 */
export const ANNOUNCEMENT_TEXT_MAX = 2000;
export const ANNOUNCEMENT_CAPTION_MAX = 1024;

export const announcementContentSchema = z
  .object({
    /** Exactly as the official typed it (cleaned of invisible characters); escaped when sent. */
    text: z.string().min(1).max(ANNOUNCEMENT_TEXT_MAX),
    attachment: announcementFileSchema.nullable(),
  })
  .refine((c) => c.attachment === null || c.text.length <= ANNOUNCEMENT_CAPTION_MAX, "text too long for a caption");
export type AnnouncementContent = z.infer<typeof announcementContentSchema>;

/**
 * The message every recipient gets — and the official's preview is this very message. The text
 * is the official's own, in the language they wrote it, escaped: nothing typed becomes formatting;
 * `frame` puts the sender line above it and the way to stop receiving announcements below.
 */
export function announcementMessage(content: AnnouncementContent, frame?: AnnouncementFrame): OutboundMessage {
  const attachment = content.attachment ? { kind: "stored" as const, file: content.attachment } : undefined;
  const text = frame ? joinMarkup([frame.sender, esc(content.text), frame.stop], "\n\n") : esc(content.text);
  return attachment ? { text, attachment } : { text };
}

/** The lines around an announcement, in the recipient's language: who sends it, and how to stop receiving them. */
export interface AnnouncementFrame {
  sender: Markup;
  stop: Markup;
}

/** The announcement's text as typed, or what is wrong with it. */
export function checkAnnouncementText(text: string, withAttachment: boolean): Parsed<string> {
  const max = withAttachment ? ANNOUNCEMENT_CAPTION_MAX : ANNOUNCEMENT_TEXT_MAX;
  if (text.trim() === "") return fail("bc-text-empty");
  if (text.length > max) return fail(withAttachment ? "bc-text-too-long-caption" : "bc-text-too-long", { max, length: text.length });
  return ok(text);
}
