import { KeyedQueue } from "../../core/keyed-queue.js";
import type { Logger } from "../../core/log.js";
import type { ChannelName } from "../../core/types.js";

/**
 * For a channel that answers the platform before it handles an event (a webhook wants its 200
 * within seconds): each user's events are handled after the answer, one at a time in arrival order
 * — so a number is read against the list the previous reply showed — while other users go on.
 */
export interface EventQueue {
  /** Queues `work` behind the user's earlier events; a failure is logged, never thrown. */
  take(userId: string, work: () => Promise<void>): void;
  /** Resolves when every event taken so far has been handled (shutdown, tests). */
  idle(): Promise<void>;
}

export function createEventQueue(channel: ChannelName, log: Logger): EventQueue {
  const queue = new KeyedQueue();
  return {
    take(userId, work) {
      void queue.run(userId, work).catch((error: unknown) => log.error(`${channel}: event failed`, { user: `${channel}:${userId}`, error }));
    },
    idle: () => queue.idle(),
  };
}
