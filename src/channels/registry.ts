import type { Channel, ChannelDefinition } from "./channel.js";
import { telegramChannel } from "./telegram/channel.js";
import { webChannel } from "./web/chat.js";
import { zaloChannel } from "./zalo/channel.js";

/**
 * Every channel the bot has; main.ts starts each one whose settings are present, in this order
 * (the web chat first: its address is the first line `npm start` prints). Add a channel here.
 */
export const channels = [webChannel, telegramChannel, zaloChannel] as const;

type Registered = (typeof channels)[number];
type SeamsOf<D> = D extends ChannelDefinition<string, Channel, infer S> ? S : never;
type ChannelOf<D> = D extends ChannelDefinition<string, infer C, never> ? C : never;

/** Test seams per channel, by name (`{ zalo: { clock } }`). */
export type ChannelSeams = { readonly [D in Registered as D["name"]]?: SeamsOf<D> };

/** The running channels by name; those whose settings are absent are missing. */
export type RunningChannels = { readonly [D in Registered as D["name"]]?: ChannelOf<D> } & Readonly<Record<string, Channel | undefined>>;
