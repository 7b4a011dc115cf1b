import { say, type CommandInfo, type Turn } from "../core/feature.js";
import { raw } from "../core/i18n.js";
import { joinMarkup, type Markup } from "../core/markup.js";
import { unitDisplayName } from "../knowledge/province.js";
import { announcementOffer } from "./broadcast/subscription.js";
import type { BotFeature, Ctx } from "./context.js";

async function welcome(ctx: Ctx): Promise<Turn> {
  const { province } = ctx.services;
  // An official is greeted as one (by role and name), not as an enterprise, and is not asked to subscribe.
  const official = ctx.role !== null;
  const text = official
    ? officialGreeting(ctx)
    : joinMarkup([ctx.t("welcome", { unit: raw(unitDisplayName(province, ctx.t, "full")) }), ctx.t("privacy-notice")], "\n\n");
  // Someone coming back in the middle of a flow is offered to continue it (or start over).
  const flow = ctx.dialog ? ctx.flow(ctx.dialog.flow) : undefined;
  if (!ctx.dialog || !flow?.onReturn) {
    // Asked once: whether to receive the Department's announcements.
    const offer = official ? null : await announcementOffer(ctx);
    return { messages: [{ text, buttons: ctx.menu() }, ...(offer ? [offer] : [])] };
  }
  const back = await flow.onReturn(ctx, ctx.dialog);
  return { messages: [{ text }, ...back.messages], ...(back.dialog !== undefined ? { dialog: back.dialog } : {}) };
}

const commandLine = (ctx: Ctx, c: CommandInfo) => ctx.t("help-command-line", { commands: c.names.map((n) => `/${n}`).join(", "), description: raw(ctx.t(c.descriptionKey)) });

/** "Kính chào quản trị viên Trần Thị Hoa!" — by role, and by the name the channel gives when it gives one. */
function officialGreeting(ctx: Ctx): Markup {
  const { province } = ctx.services;
  const role = raw(ctx.t(`officials-role-${ctx.role ?? "official"}`));
  const name = ctx.user.displayName?.replace(/\s+/g, " ").trim().slice(0, 100);
  return ctx.t(name ? "officials-welcome-named" : "officials-welcome", { role, name: name ?? "", unit: raw(unitDisplayName(province, ctx.t, "full")) });
}

/** For officials: their own commands first, then the enterprise ones in one line. */
function officialsHelp(ctx: Ctx): Turn {
  const commands = ctx.commands();
  const own = commands.filter((c) => c.audience !== "everyone");
  // The Vietnamese name first; in English the English alias (the last name).
  const everyone = commands.filter((c) => c.audience === "everyone").map((c) => `/${ctx.locale === "en" ? c.names[c.names.length - 1] : c.names[0]}`);
  return say(
    joinMarkup([ctx.t("officials-help-intro"), joinMarkup(own.map((c) => commandLine(ctx, c))), ctx.t("officials-help-everyone", { commands: everyone.join(", ") }), ctx.t("officials-help-footer")], "\n\n"),
    ctx.menu(),
  );
}

function help(ctx: Ctx): Turn {
  if (ctx.role !== null) return officialsHelp(ctx);
  const lines = ctx.commands().map((c) => commandLine(ctx, c));
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
