import { z } from "zod";
import { defineCollection, type Collection } from "../../store/json/collection.js";

/**
 * Webhook events already taken in, so Zalo's retries (and replays) are dropped. Bounded: the
 * newest `capacity` keys are kept (Zalo's retries end about two hours after the first try), in a
 * sharded collection so they survive a restart; each new key rewrites one small shard.
 */
export const zaloSeenSchema = z.object({ at: z.iso.datetime() });
export const zaloSeenCollection = defineCollection({ name: "zalo-seen", version: 1, record: zaloSeenSchema, shards: 16 });

export const SEEN_CAPACITY = 5000;

export interface SeenEvents {
  /** True when the key was new (and is now remembered); false for a repeat. */
  firstTime(key: string, now: Date): boolean;
  readonly size: number;
}

export function createSeenEvents(collection: Collection<z.infer<typeof zaloSeenSchema>>, capacity = SEEN_CAPACITY): SeenEvents {
  // Oldest first, rebuilt from the stored times.
  const order = [...collection.entries()].sort((a, b) => a[1].at.localeCompare(b[1].at)).map(([key]) => key);
  let head = 0;
  return {
    firstTime(key, now) {
      if (collection.has(key)) return false;
      collection.set(key, { at: now.toISOString() });
      order.push(key);
      while (order.length - head > capacity) collection.delete(order[head++]!);
      // Drop the forgotten prefix now and then instead of shifting on every event.
      if (head > 1024) {
        order.splice(0, head);
        head = 0;
      }
      return true;
    },
    get size() {
      return order.length - head;
    },
  };
}
