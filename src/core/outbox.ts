import type { Logger } from "./log.js";
import type { ChannelName, OutboundMessage } from "./types.js";

/** How a push to one user ended; channels map their platform errors onto this. */
export type DeliveryOutcome =
  | { ok: true }
  /** The user blocked the bot or left: stop writing to them until they come back. */
  | { ok: false; reason: "blocked" }
  /** The platform will not deliver now (no channel running, outside Zalo's 7-day window, …). */
  | { ok: false; reason: "unreachable"; detail?: string }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number }
  | { ok: false; reason: "failed"; detail: string };

export interface ChannelSender {
  send(userId: string, messages: OutboundMessage[]): Promise<DeliveryOutcome>;
}

/**
 * Sends messages to a user who did not just write (status notices, announcements) on the
 * channel they use. Replies to a user's own message do not come through here.
 */
export class Outbox {
  readonly #senders = new Map<ChannelName, ChannelSender>();

  /** `onBlocked` hears of every user a platform reports as blocked, whoever was sending. */
  constructor(
    private readonly log: Logger,
    private readonly onBlocked: (channel: ChannelName, userId: string) => void = () => {},
  ) {}

  register(channel: ChannelName, sender: ChannelSender): void {
    this.#senders.set(channel, sender);
  }

  unregister(channel: ChannelName): void {
    this.#senders.delete(channel);
  }

  has(channel: ChannelName): boolean {
    return this.#senders.has(channel);
  }

  async send(channel: ChannelName, userId: string, messages: OutboundMessage[]): Promise<DeliveryOutcome> {
    const sender = this.#senders.get(channel);
    if (!sender) return { ok: false, reason: "unreachable", detail: `${channel} is not running` };
    try {
      const outcome = await sender.send(userId, messages);
      if (!outcome.ok && outcome.reason === "blocked") this.onBlocked(channel, userId);
      return outcome;
    } catch (error) {
      this.log.warn("push failed", { channel, error: String(error) });
      return { ok: false, reason: "failed", detail: String(error) };
    }
  }
}
