import { z } from "zod";

/**
 * What the Zalo channel keeps in the store. Schemas only (no behaviour), so both storage backends
 * can check these records without importing the channel.
 */

/**
 * The OA's tokens (tech-notes §6.3): an access token lives 25 h; the refresh token lives 3 months,
 * is single-use and is replaced on every refresh. Losing the newest refresh token means an OA
 * admin must consent again, so the pair is committed before it is used.
 */
export const zaloAuthSchema = z.object({
  accessToken: z.string().min(1).nullable(),
  accessTokenExpiresAt: z.iso.datetime().nullable(),
  refreshToken: z.string().min(1),
  refreshedAt: z.iso.datetime().nullable(),
  /** Fingerprint of the ZALO_REFRESH_TOKEN this chain started from: a new one in the settings starts over. */
  seed: z.string().regex(/^[0-9a-f]{16}$/),
  /** Set when Zalo refused the refresh token: an OA admin must consent again. */
  needsConsent: z.object({ since: z.iso.datetime(), reason: z.string().max(500) }).nullable(),
});
export type ZaloAuth = z.infer<typeof zaloAuthSchema>;

/** A webhook event already taken in (Zalo's retries and replays are dropped). */
export const zaloSeenSchema = z.object({ at: z.iso.datetime() });
export type ZaloSeen = z.infer<typeof zaloSeenSchema>;

/** The last numbered list a Zalo user was shown (more than 5 choices), so "3" presses the third. */
export const zaloChoicesSchema = z.object({
  options: z.array(z.object({ label: z.string().max(256), data: z.string().max(256) })).min(1).max(100),
  shownAt: z.iso.datetime(),
});
export type ZaloChoices = z.infer<typeof zaloChoicesSchema>;

/** A person at the OA answers this user: the bot keeps quiet until `until`. */
export const zaloHandoffSchema = z.object({ until: z.iso.datetime() });
export type ZaloHandoff = z.infer<typeof zaloHandoffSchema>;
