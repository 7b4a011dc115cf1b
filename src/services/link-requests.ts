import { randomBytes } from "node:crypto";
import type { ChannelName } from "../core/types.js";
import type { LinkRequest } from "../domain/records/link-request.js";
import type { LinkRequestsRepository } from "../store/repositories.js";

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
