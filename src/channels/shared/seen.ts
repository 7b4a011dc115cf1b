import type { ChannelStorage } from "./storage.js";

/**
 * Platform events already taken in, so a platform's retries (and replays) are dropped. Bounded:
 * about the newest `capacity` keys are kept, every channel's together (Zalo's retries end about
 * two hours after the first try), in the store so they survive a restart and are shared by every
 * instance (a unique key per event: two instances never both take one).
 */
export const SEEN_CAPACITY = 5000;

export interface SeenEvents {
  /**
   * True when the key was new (and is now remembered); false for a repeat. Throws when it cannot
   * be recorded: the event was not taken, answer so that the platform retries it.
   */
  firstTime(key: string, now: Date): Promise<boolean>;
}

/** `scope`: the channel's keys in the shared records (`scopeOf(channel)`). */
export function createSeenEvents(storage: ChannelStorage, scope: string, capacity = SEEN_CAPACITY): SeenEvents {
  return {
    firstTime: (key, now) => storage.unit(() => storage.repos.channels.firstTime(scope + key, now, capacity)),
  };
}
