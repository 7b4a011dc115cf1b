import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type ChannelName } from "../core/types.js";
import { channelNameSchema } from "../core/events.js";
import type { LinkRequestsRepository } from "../store/repositories.js";

/**
 * Requests to follow a submission from another channel, waiting for the owner's yes. A tracking
 * code can be guessed (it is sequential), so holding it is never enough: the identity that
 * registered must confirm on its own channel.
 */
export const linkRequestSchema = z.object({
  code: z.string().min(1).max(32),
  requester: z.object({ userKey: z.string().min(3).max(200), channel: channelNameSchema, userId: z.string().min(1).max(128) }),
  at: z.iso.datetime(),
});
export type LinkRequest = z.infer<typeof linkRequestSchema>;

/** A request not answered within a day is dropped. */
export const LINK_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

export interface LinkRequests {
  open(code: string, requester: LinkRequest["requester"], now: Date): Promise<string>;
  /** The pending request for a token, if it has not expired. */
  get(token: string, now: Date): Promise<LinkRequest | undefined>;
  drop(token: string): Promise<void>;
}

export function createLinkRequests(repo: LinkRequestsRepository): LinkRequests {
  const fresh = (r: LinkRequest | undefined, now: Date) => (r && now.getTime() - Date.parse(r.at) <= LINK_REQUEST_TTL_MS ? r : undefined);
  return {
    async open(code, requester: { userKey: string; channel: ChannelName; userId: string }, now) {
      await repo.prune(new Date(now.getTime() - LINK_REQUEST_TTL_MS).toISOString());
      // 72 random bits: unguessable, and short enough for button data.
      const token = randomBytes(9).toString("base64url");
      await repo.put(token, { code, requester, at: now.toISOString() });
      return token;
    },
    get: async (token, now) => fresh(await repo.get(token), now),
    drop: async (token) => void (await repo.delete(token)),
  };
}
