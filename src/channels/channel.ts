import type { App } from "../app.js";
import type { ChannelSender } from "../core/outbox.js";
import { CHANNEL_NAME_PATTERN, type ChannelName } from "../core/types.js";
import type { Route } from "./shared/http.js";

/**
 * What every channel gives main.ts, which starts the configured ones from the registry
 * (registry.ts) and knows none of them. A channel only translates: platform input to the core's
 * `InboundEvent`s, the core's `OutboundMessage`s to platform calls. README, "Adding a channel".
 */

/** What a channel can show; its renderer makes the rest fit (choices as a numbered list, a file as a line). */
export interface Capabilities {
  /**
   * Buttons one message can carry: Infinity = every button the core sends; a few (Zalo: 5) = more
   * become a numbered list the user answers by number (shared/choices.ts); 0 = always such a list.
   */
  buttons: number;
  /** Sends a generated picture as a picture. */
  photos: boolean;
  /** Sends a generated document as a file (otherwise a line says where to get it). */
  documents: boolean;
  /** Edits a sent message in place (progress reports): its sender has `sendReplaceable`. */
  edits: boolean;
}

/** A line `npm start` prints for the person at the server: a locale key and its arguments. */
export interface StartupLine {
  key: string;
  args?: Record<string, string>;
}

/** A channel built from its settings, before and while it runs (its name is its definition's). */
export interface Channel {
  readonly capabilities: Capabilities;
  /** Mounted on the bot's one HTTP server (WEB_HOST:WEB_PORT) before it listens: webhooks, the web chat. */
  readonly routes: readonly Route[];
  /** Registered with the outbox under the definition's name: notices and announcements; its `reach` says whom it can reach now (Zalo: the 7-day window). */
  readonly sender: ChannelSender;
  /** Once the server listens: connect to the platform (webhook, polling, token schedule). A rejection stops the start. */
  start(): Promise<void>;
  /** Once the server has closed (or when a start fails): stop taking events, finish those in progress, let go of what it holds. */
  stop(): Promise<void>;
  /** Resolves when every event taken in so far has been handled and answered (tests, shutdown). */
  idle(): Promise<void>;
  /** What `npm start` prints about the running channel (`baseUrl` is the server's, with its final slash). */
  startupLine?(baseUrl: string): StartupLine;
}

/** One entry of the registry: how to build a channel from the app's settings. */
export interface ChannelDefinition<N extends ChannelName = ChannelName, C extends Channel = Channel, S = unknown> {
  readonly name: N;
  /**
   * The channel, or null when its settings (config keys) are absent: it stays off. Builds, claims
   * what only one instance may hold (Telegram's long polling), registers nothing. `seams` are test
   * seams at the network edge (a fake `fetch`, a clock), never settings.
   */
  create(app: App, seams?: S): C | null | Promise<C | null>;
  /** What `npm start` prints when the channel is off (how to turn it on). */
  readonly offLine?: StartupLine;
}

/** Types a registry entry (the name stays a literal, so `RunningBot.channels.zalo` is a `ZaloChannel`). */
export function defineChannel<N extends ChannelName, C extends Channel, S = never>(definition: ChannelDefinition<N, C, S>): ChannelDefinition<N, C, S> {
  // The name starts every user key of the channel (`zalo:123`) and is stored with them.
  if (!CHANNEL_NAME_PATTERN.test(definition.name)) throw new Error(`bad channel name ${definition.name}: lowercase letters and digits`);
  return definition;
}
