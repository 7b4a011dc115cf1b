import { z } from "zod";
import { LOCALES } from "../../core/types.js";
import { channelNameSchema } from "../../core/events.js";

/** What we keep about everyone who writes to the bot: no names, no messages — only what the bot needs. */
export const userRecordSchema = z.object({
  channel: channelNameSchema,
  id: z.string().min(1).max(128),
  /** null until the user picks a language; the default locale applies meanwhile. */
  locale: z.enum(LOCALES).nullable(),
  firstSeen: z.iso.datetime(),
  lastSeen: z.iso.datetime(),
  /** Set when the platform says the user blocked the bot or unfollowed; cleared when they write again. */
  unreachableSince: z.iso.datetime().nullable().default(null),
});
export type UserRecord = z.infer<typeof userRecordSchema>;
