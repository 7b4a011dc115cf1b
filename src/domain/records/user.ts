import { z } from "zod";
import { LOCALES } from "../../core/types.js";
import { channelNameSchema } from "../../core/events.js";

/**
 * What we keep about everyone who writes to the bot: no messages — only what the bot needs. No
 * names of enterprises' people (their contact is on their submission); the name the channel shows
 * is kept only for people who hold a role, so colleagues read a name in case logs and lists.
 */
export const userRecordSchema = z.object({
  channel: channelNameSchema,
  id: z.string().min(1).max(128),
  /** null until the user picks a language; the default locale applies meanwhile. */
  locale: z.enum(LOCALES).nullable(),
  firstSeen: z.iso.datetime(),
  lastSeen: z.iso.datetime(),
  /** Set when the platform says the user blocked the bot or unfollowed; cleared when they write again. */
  unreachableSince: z.iso.datetime().nullable().default(null),
  /**
   * The name the channel showed when an official (role holder) last wrote; absent for everyone
   * else (optional rather than defaulted, so every record written before or without it still fits).
   */
  name: z.string().min(1).max(100).optional(),
  /**
   * While no language is chosen: the language the user's last telling message looked written in
   * (domain/text-language.ts), so that "ok" or a tax code after an English question is still
   * answered in English. Optional, as `name`: records written before it still fit.
   */
  guessedLocale: z.enum(LOCALES).optional(),
  /** Set once the user was offered to keep their guessed language: the offer is made once. */
  languageOffered: z.boolean().optional(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;
