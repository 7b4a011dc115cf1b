import type { Transactions } from "../../store/port.js";
import type { ZaloRepository } from "../../store/repositories.js";

/**
 * Webhook events already taken in, so Zalo's retries (and replays) are dropped. Bounded: about the
 * newest `capacity` keys are kept (Zalo's retries end about two hours after the first try), in the
 * store so they survive a restart and are shared by every instance (a unique key per event).
 */
export const SEEN_CAPACITY = 5000;

export interface SeenEvents {
  /** True when the key was new (and is now remembered); false for a repeat. */
  firstTime(key: string, now: Date): Promise<boolean>;
}

export function createSeenEvents(repo: ZaloRepository, tx: Pick<Transactions, "unit">, capacity = SEEN_CAPACITY): SeenEvents {
  return {
    firstTime: (key, now) => tx.unit(() => repo.firstTime(key, now, capacity)),
  };
}
