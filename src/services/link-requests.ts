import { randomBytes } from "node:crypto";
import { z } from "zod";
import { CHANNELS, type ChannelName } from "../core/types.js";
import { defineCollection, type Collection } from "../store/collection.js";

/**
 * Requests to follow a submission from another channel, waiting for the owner's yes. A tracking
 * code can be guessed (it is sequential), so holding it is never enough: the identity that
 * registered must confirm on its own channel.
 */
export const linkRequestSchema = z.object({
  code: z.string().min(1).max(32),
  requester: z.object({ userKey: z.string().min(3).max(200), channel: z.enum(CHANNELS), userId: z.string().min(1).max(128) }),
  at: z.iso.datetime(),
});
export type LinkRequest = z.infer<typeof linkRequestSchema>;

export const linkRequestsCollection = defineCollection({ name: "link-requests", version: 1, record: linkRequestSchema, shards: 1 });

/** A request not answered within a day is dropped. */
export const LINK_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

export interface LinkRequests {
  open(code: string, requester: LinkRequest["requester"], now: Date): string;
  /** The pending request for a token, if it has not expired. */
  get(token: string, now: Date): LinkRequest | undefined;
  drop(token: string): void;
}

export function createLinkRequests(collection: Collection<LinkRequest>): LinkRequests {
  const prune = (now: Date) => {
    for (const [token, r] of [...collection.entries()]) if (now.getTime() - Date.parse(r.at) > LINK_REQUEST_TTL_MS) collection.delete(token);
  };
  return {
    open(code, requester: { userKey: string; channel: ChannelName; userId: string }, now) {
      prune(now);
      // 72 random bits: unguessable, and short enough for button data.
      const token = randomBytes(9).toString("base64url");
      collection.set(token, { code, requester, at: now.toISOString() });
      return token;
    },
    get(token, now) {
      prune(now);
      return collection.get(token);
    },
    drop: (token) => void collection.delete(token),
  };
}
