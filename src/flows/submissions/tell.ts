import type { MessageArgs } from "../../core/i18n.js";
import type { Markup } from "../../core/markup.js";
import type { Button, ChannelName, Locale } from "../../core/types.js";
import type { Ctx } from "../context.js";

/** An account of a submission: its owner, a linked account, or one asking to be linked. */
export interface Account {
  userKey: string;
  channel: ChannelName;
  userId: string;
}

/** The account's chosen language, else `fallback` (the owner's locale at registration, or this turn's). */
export async function localeOf(ctx: Ctx, account: Account, fallback: Locale): Promise<Locale> {
  return (await ctx.services.users.get(account.userKey))?.locale ?? fallback;
}

/** The channel's name in a language, for message arguments. */
export const channelLabel = (ctx: Ctx, locale: Locale, channel: ChannelName): Markup => ctx.tIn(locale, `channel-${channel}`);

/** Arguments, or arguments made in the recipient's language (a channel's name, a date). */
type Args = MessageArgs | ((locale: Locale) => MessageArgs);

/** Sends one message to another account on its own channel, in its language; whether it arrived. */
export async function tell(ctx: Ctx, account: Account, fallback: Locale, key: string, args: Args, buttons?: (locale: Locale) => Button[][]): Promise<boolean> {
  const locale = await localeOf(ctx, account, fallback);
  const text = ctx.tIn(locale, key, typeof args === "function" ? args(locale) : args);
  const outcome = await ctx.services.outbox.send(account.channel, account.userId, [{ text, ...(buttons ? { buttons: buttons(locale) } : {}) }]);
  return outcome.ok;
}
