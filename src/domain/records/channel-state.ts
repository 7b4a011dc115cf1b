import { z } from "zod";

/**
 * What the shared channel utilities (src/channels/shared/: choices.ts, handoff.ts, seen.ts) keep
 * in the store, for every channel that uses them. Schemas only, here with the other stored
 * records, so both storage backends check them without importing a channel.
 */

/** The last numbered list a user was shown, so "3" presses the third choice. */
export const choicesRecordSchema = z.object({
  options: z.array(z.object({ label: z.string().max(256), data: z.string().max(256) })).min(1).max(100),
  shownAt: z.iso.datetime(),
});
export type ChoicesRecord = z.infer<typeof choicesRecordSchema>;

/** A person at the platform answers this user: the bot keeps quiet until `until`. */
export const handoffRecordSchema = z.object({ until: z.iso.datetime() });
export type HandoffRecord = z.infer<typeof handoffRecordSchema>;

/** A platform event already taken in (retries and replays are dropped). */
export const seenRecordSchema = z.object({ at: z.iso.datetime() });
export type SeenRecord = z.infer<typeof seenRecordSchema>;
