import { z } from "zod";
import { buttonCodec } from "../../core/button-data.js";
import { buttonRoute, say, type Turn } from "../../core/feature.js";
import { toPlainText } from "../../core/markup.js";
import type { Button, OutboundMessage } from "../../core/types.js";
import type { BotFeature, Ctx } from "../context.js";

/** Buttons `ann:yes` / `ann:no` under the question put at /start. */
export const offerButton = buttonCodec("ann", z.tuple([z.enum(["yes", "no"])]));

/** 🔔 on / 🔕 off (the same `ann:` buttons): under answers about announcements. */
export function subscriptionRow(ctx: Ctx): Button[] {
  return [
    { label: toPlainText(ctx.t("ann-button-yes")), data: offerButton.encode(["yes"]) },
    { label: toPlainText(ctx.t("usage-button-unsubscribe")), data: offerButton.encode(["no"]) },
  ];
}

/**
 * The question put once to everyone who starts the bot (null when it was put before). Asked
 * means asked: someone who ignores it is not asked again, and gets no announcements.
 */
export async function announcementOffer(ctx: Ctx): Promise<OutboundMessage | null> {
  const { subscriptions } = ctx.services;
  if (await subscriptions.wasAsked(ctx.userKey)) return null;
  await subscriptions.markAsked(ctx.userKey, ctx.now);
  return {
    text: ctx.t("ann-offer"),
    buttons: [
      [
        { label: toPlainText(ctx.t("ann-button-yes")), data: offerButton.encode(["yes"]) },
        { label: toPlainText(ctx.t("ann-button-no")), data: offerButton.encode(["no"]) },
      ],
    ],
  };
}

async function choose(ctx: Ctx, choice: "yes" | "no"): Promise<Turn> {
  const changed = await ctx.services.subscriptions.set(ctx.userKey, choice, ctx.now);
  if (choice === "yes") return say(ctx.t(changed ? "ann-subscribed" : "ann-already-subscribed"));
  return say(ctx.t(changed ? "ann-unsubscribed" : "ann-already-unsubscribed"));
}

/** /nhanthongbao and /tatthongbao: announcements (and deadline reminders) on or off. */
export const subscriptionFeature: BotFeature = {
  name: "subscription",
  commands: [
    { names: ["nhanthongbao", "subscribe"], descriptionKey: "cmd-subscribe", audience: "everyone", run: (ctx) => choose(ctx, "yes") },
    { names: ["tatthongbao", "unsubscribe"], descriptionKey: "cmd-unsubscribe", audience: "everyone", run: (ctx) => choose(ctx, "no") },
  ],
  buttons: [buttonRoute({ codec: offerButton, audience: "everyone", handle: (ctx, [choice]) => choose(ctx, choice) })],
};
