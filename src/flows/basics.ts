import { say, type Turn } from "../core/feature.js";
import { raw } from "../core/i18n.js";
import { joinMarkup } from "../core/markup.js";
import { unitDisplayName } from "../knowledge/province.js";
import { announcementOffer } from "./broadcast/subscription.js";
import type { BotFeature, Ctx } from "./context.js";

async function welcome(ctx: Ctx): Promise<Turn> {
  const { province } = ctx.services;
  const text = joinMarkup(
    [ctx.t("welcome", { unit: raw(unitDisplayName(province, ctx.t, "full")) }), ctx.t("privacy-notice")],
    "\n\n",
  );
  // Someone coming back in the middle of a flow is offered to continue it (or start over).
  const flow = ctx.dialog ? ctx.flow(ctx.dialog.flow) : undefined;
  if (!ctx.dialog || !flow?.onReturn) {
    // Asked once: whether to receive the Department's announcements.
    const offer = await announcementOffer(ctx);
    return { messages: [{ text, buttons: ctx.menu() }, ...(offer ? [offer] : [])] };
  }
  const back = await flow.onReturn(ctx, ctx.dialog);
  return { messages: [{ text }, ...back.messages], ...(back.dialog !== undefined ? { dialog: back.dialog } : {}) };
}

function help(ctx: Ctx): Turn {
  const lines = ctx.commands().map((c) =>
    ctx.t("help-command-line", {
      commands: c.names.map((n) => `/${n}`).join(", "),
      description: raw(ctx.t(c.descriptionKey)),
    }),
  );
  return say(joinMarkup([ctx.t("help-intro"), joinMarkup(lines), ctx.t("help-footer")], "\n\n"), ctx.menu());
}

function cancel(ctx: Ctx): Turn | Promise<Turn> {
  if (!ctx.dialog) return say(ctx.t("cancel-nothing"));
  const flow = ctx.flow(ctx.dialog.flow);
  if (flow?.onCancel) return flow.onCancel(ctx, ctx.dialog);
  return { messages: [{ text: ctx.t("cancel-done"), buttons: ctx.menu() }], dialog: null };
}

/** /start, /help and /huy: what every user needs from the first message. */
export const basicsFeature: BotFeature = {
  name: "basics",
  commands: [
    { names: ["start"], descriptionKey: "cmd-start", audience: "everyone", run: welcome },
    { names: ["trogiup", "help"], descriptionKey: "cmd-help", audience: "everyone", run: help },
    { names: ["huy", "cancel"], descriptionKey: "cmd-cancel", audience: "everyone", run: cancel },
  ],
};
