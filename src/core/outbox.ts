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

/** Whether a push would reach a user now, as far as the channel knows without sending. */
export type Reach =
  | { ok: true; /** Zalo: delivered, but billed per message (48 h – 7 days after the user's last interaction). */ billed?: boolean }
  | { ok: false; reason: "unreachable"; detail: string };

export interface ChannelSender {
  send(userId: string, messages: OutboundMessage[]): Promise<DeliveryOutcome>;
  /** What the channel can reach (Zalo: its 7-day window); absent = every user of the channel. */
  reach?(userId: string): Reach | Promise<Reach>;
  /**
   * Sends one message that a later call may replace in place (`replace` = the handle returned
   * before), for progress reports. Absent: every update is a new message.
   */
  sendReplaceable?(userId: string, message: OutboundMessage, replace: string | null): Promise<{ outcome: DeliveryOutcome; handle: string | null }>;
}

/**
 * Sends messages to a user who did not just write (status notices, announcements) on the
 * channel they use. Replies to a user's own message do not come through here.
 */
export class Outbox {
  readonly #senders = new Map<ChannelName, ChannelSender>();

  /**
   * `onBlocked` hears of every user a platform reports as blocked, whoever was sending; `prepare`
   * sees every message before its channel does (files we hold turned into their bytes).
   */
  constructor(
    private readonly log: Logger,
    private readonly onBlocked: (channel: ChannelName, userId: string) => Promise<void> | void = () => {},
    private readonly prepare: (messages: OutboundMessage[]) => Promise<OutboundMessage[]> = async (m) => m,
  ) {}

  async #blocked(channel: ChannelName, userId: string): Promise<void> {
    try {
      await this.onBlocked(channel, userId);
    } catch (error) {
      this.log.warn("could not record a blocked user", { channel, error: String(error) });
    }
  }

  register(channel: ChannelName, sender: ChannelSender): void {
    this.#senders.set(channel, sender);
  }

  unregister(channel: ChannelName): void {
    this.#senders.delete(channel);
  }

  has(channel: ChannelName): boolean {
    return this.#senders.has(channel);
  }

  /** Whether a push on `channel` would reach the user now (without sending anything). */
  async reach(channel: ChannelName, userId: string): Promise<Reach> {
    const sender = this.#senders.get(channel);
    if (!sender) return { ok: false, reason: "unreachable", detail: `${channel} is not running` };
    return (await sender.reach?.(userId)) ?? { ok: true };
  }

  /**
   * A message the next call with its handle replaces (a progress report edited in place where
   * the channel can; a new message where it cannot).
   */
  async sendReplaceable(channel: ChannelName, userId: string, message: OutboundMessage, replace: string | null): Promise<{ outcome: DeliveryOutcome; handle: string | null }> {
    const sender = this.#senders.get(channel);
    if (!sender?.sendReplaceable) return { outcome: await this.send(channel, userId, [message]), handle: null };
    try {
      const [prepared] = await this.prepare([message]);
      const result = await sender.sendReplaceable(userId, prepared ?? message, replace);
      if (!result.outcome.ok && result.outcome.reason === "blocked") await this.#blocked(channel, userId);
      return result;
    } catch (error) {
      this.log.warn("push failed", { channel, error: String(error) });
      return { outcome: { ok: false, reason: "failed", detail: String(error) }, handle: null };
    }
  }

  async send(channel: ChannelName, userId: string, messages: OutboundMessage[]): Promise<DeliveryOutcome> {
    const sender = this.#senders.get(channel);
    if (!sender) return { ok: false, reason: "unreachable", detail: `${channel} is not running` };
    try {
      const outcome = await sender.send(userId, await this.prepare(messages));
      if (!outcome.ok && outcome.reason === "blocked") await this.#blocked(channel, userId);
      return outcome;
    } catch (error) {
      this.log.warn("push failed", { channel, error: String(error) });
      return { ok: false, reason: "failed", detail: String(error) };
    }
  }
}
