/**
 * Zalo's interaction window (tech-notes §6.2): consultation messages reach a user only within
 * 7 days of their last interaction with the OA — free within 48 h, billed after. Beyond that
 * only approved template messages (ZBS) reach them; those are not built yet.
 */
export const FREE_WINDOW_MS = 48 * 60 * 60 * 1000;
export const INTERACTION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type ZaloReach =
  /** Within 48 h of the last interaction: consultation messages are free. */
  | { kind: "free"; until: Date }
  /** 48 h to 7 days: consultation messages still go, billed per message. */
  | { kind: "billed"; until: Date }
  /** Over 7 days, or never seen: only a template message would reach them. */
  | { kind: "closed" };

/**
 * From what the bot saw of the user (`lastSeen` in the users collection, refreshed at most
 * hourly, so it may be up to an hour early). An estimate for planning a broadcast; the send
 * itself asks Zalo, whose -230/-232 is the final word.
 */
export function reachOf(lastSeen: string | null | undefined, now: Date): ZaloReach {
  if (!lastSeen) return { kind: "closed" };
  const seen = Date.parse(lastSeen);
  if (!Number.isFinite(seen)) return { kind: "closed" };
  const age = now.getTime() - seen;
  if (age < FREE_WINDOW_MS) return { kind: "free", until: new Date(seen + FREE_WINDOW_MS) };
  if (age < INTERACTION_WINDOW_MS) return { kind: "billed", until: new Date(seen + INTERACTION_WINDOW_MS) };
  return { kind: "closed" };
}
