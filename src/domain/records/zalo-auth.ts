import { z } from "zod";

/**
 * What only the Zalo channel keeps in the store (its numbered lists, hand-offs and events seen are
 * the shared channel records, channel-state.ts). A schema only, here with the other stored
 * records, so both storage backends check it without importing the channel.
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
