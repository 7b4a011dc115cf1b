import type { BotFeature, Ctx } from "../context.js";
import { looksLikeQuestion } from "../forms/words.js";
import { CHOOSER_FLOW } from "../registration/chooser.js";
import { isCancel, readIntent, type Intent } from "./read.js";

/** The command an intent runs, as if typed (so its audience is checked as always). */
function commandOf(intent: Intent): { command: string; args: string } {
  switch (intent.kind) {
    case "register":
      return { command: "dangky", args: intent.programme ?? "" };
    case "lookup":
      return { command: "tracuu", args: intent.code ?? "" };
    case "cancel":
      return { command: "huy", args: "" };
    case "menu":
      return { command: "start", args: "" };
    case "help":
      return { command: "trogiup", args: "" };
    case "language":
      return { command: "ngonngu", args: intent.locale };
  }
}

/**
 * Free text that means a command, before the FAQ (issue 15). In a flow only the wish to stop counts
 * ("hủy", "thôi em không đăng ký nữa": the flow's own cancel, which in a form asks first) — anything
 * else typed there is an answer; `/dangky`'s programme choice is no question of its own, so there
 * every intent counts too.
 */
export function readText(ctx: Ctx, text: string): { command: string; args: string } | null {
  const question = looksLikeQuestion(text);
  if (ctx.dialog && ctx.dialog.flow !== CHOOSER_FLOW) return !question && isCancel(text) ? { command: "huy", args: "" } : null;
  const intent = readIntent(text, question);
  return intent ? commandOf(intent) : null;
}

export const intentsFeature: BotFeature = {
  name: "intents",
  readText,
};
