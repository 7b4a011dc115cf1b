import type { InboundEvent } from "../../core/types.js";
import type { ChannelStorage } from "./storage.js";

/**
 * Conversations where a person at the platform (an OA admin on oa.zalo.me, a page editor…) is
 * answering: the bot keeps quiet there until `minutes` after that person's last message, so the
 * two do not talk over each other. Kept in the store, so every instance (and a restarted one) knows.
 */
export interface Handoff {
  /** A person at the platform wrote to this user (0 minutes: the bot never keeps quiet). */
  personWrote(userId: string, now: Date): Promise<void>;
  /**
   * Whether the bot takes these events (from one platform message). While a person answers it
   * does not — except a lone command or button press, addressed to the bot, which takes the
   * conversation back at once.
   */
  admits(userId: string, events: readonly InboundEvent[], now: Date): Promise<boolean>;
}

/** `scope`: the channel's keys in the shared records (`scopeOf(channel)`). */
export function createHandoff(storage: ChannelStorage, scope: string, minutes: number): Handoff {
  const repo = storage.repos.channels.handoff;
  const ms = minutes * 60_000;
  const end = (key: string) => storage.unit(() => repo.delete(key));
  return {
    async personWrote(userId, now) {
      if (ms <= 0) return;
      await storage.unit(() => repo.put(scope + userId, { until: new Date(now.getTime() + ms).toISOString() }));
    },
    async admits(userId, events, now) {
      const key = scope + userId;
      const found = await repo.get(key);
      if (!found) return true;
      const first = events[0];
      // Over (forget it, and its row), or taken back by the user.
      if (Date.parse(found.until) <= now.getTime() || (events.length === 1 && (first?.kind === "command" || first?.kind === "button"))) {
        await end(key);
        return true;
      }
      return false;
    },
  };
}
