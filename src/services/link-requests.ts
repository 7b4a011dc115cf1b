import { randomBytes } from "node:crypto";
import type { ChannelName } from "../core/types.js";
import type { LinkRequest } from "../domain/records/link-request.js";
import type { Transactions } from "../store/port.js";
import type { LinkRequestsRepository } from "../store/repositories.js";

/** A request not answered within a day is dropped. */
export const LINK_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;
/**
 * Requests one account may make per hour. An enterprise links its one or two other channels and may
 * mistype a code once; more is someone trying codes (they are sequential) or flooding owners.
 */
export const LINK_REQUESTS_PER_REQUESTER_PER_HOUR = 3;
/**
 * Requests about one submission per day (the requests' lifetime), answered or not. Each one is a
 * message to the owner (billed on Zalo); past three, the unit can sort out who is who.
 */
export const LINK_REQUESTS_PER_SUBMISSION_PER_DAY = 3;

/** Refused by a limit: the message key, and from when a new request would be accepted. */
export type OpenResult = { ok: true; token: string } | { ok: false; key: "link-limit-requester" | "link-limit-submission"; retryAt: string };

export interface LinkRequests {
  /** Stores a request unless the requester or the submission has had too many lately. */
  open(code: string, requester: LinkRequest["requester"], now: Date): Promise<OpenResult>;
  /** The pending request for a token, if it has not expired and is not answered. */
  get(token: string, now: Date): Promise<LinkRequest | undefined>;
  /** Ends a request; it is kept until it expires, so it still counts against the limits. */
  close(token: string, how: NonNullable<LinkRequest["closed"]>): Promise<void>;
}

export function createLinkRequests(repo: LinkRequestsRepository, tx: Pick<Transactions, "lock">): LinkRequests {
  const fresh = (r: LinkRequest | undefined, now: Date) => (r && !r.closed && now.getTime() - Date.parse(r.at) <= LINK_REQUEST_TTL_MS ? r : undefined);
  const later = (earliest: string | null, windowMs: number, now: Date) => new Date((earliest ? Date.parse(earliest) : now.getTime()) + windowMs).toISOString();
  return {
    async open(code, requester: { userKey: string; channel: ChannelName; userId: string }, now) {
      // Counted and written under both locks, so instances answering at once cannot both pass the last free place.
      await tx.lock(`link-request:by:${requester.userKey}`);
      await tx.lock(`link-request:to:${code}`);
      await repo.prune(new Date(now.getTime() - LINK_REQUEST_TTL_MS).toISOString());
      const mine = await repo.countSince(new Date(now.getTime() - HOUR_MS).toISOString(), { requesterKey: requester.userKey });
      if (mine.count >= LINK_REQUESTS_PER_REQUESTER_PER_HOUR) return { ok: false, key: "link-limit-requester", retryAt: later(mine.earliest, HOUR_MS, now) };
      const theirs = await repo.countSince(new Date(now.getTime() - LINK_REQUEST_TTL_MS).toISOString(), { code });
      if (theirs.count >= LINK_REQUESTS_PER_SUBMISSION_PER_DAY) return { ok: false, key: "link-limit-submission", retryAt: later(theirs.earliest, LINK_REQUEST_TTL_MS, now) };
      // 72 random bits: unguessable, and short enough for button data.
      const token = randomBytes(9).toString("base64url");
      await repo.put(token, { code, requester, at: now.toISOString() });
      return { ok: true, token };
    },
    get: async (token, now) => fresh(await repo.get(token), now),
    async close(token, how) {
      await repo.update(token, (r) => r && { ...r, closed: how });
    },
  };
}
