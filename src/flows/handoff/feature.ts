import { z } from "zod";
import { buttonRoute, say, type FlowHandler, type Turn } from "../../core/feature.js";
import { toPlainText, type Markup } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { INBOX_REASONS, type InboxReason } from "../../domain/records/inbox-item.js";
import type { Services } from "../../services/index.js";
import type { BotFeature, Ctx } from "../context.js";
import { askPersonButton, voteButton } from "./buttons.js";
import { passedTurn } from "./told.js";

export const HANDOFF_FLOW = "handoff";
const stateSchema = z.object({ reason: z.enum(INBOX_REASONS), offered: z.array(z.string()).max(5) });

/** Passes a question to the unit now (the user's open item gets it, or a new one is made). */
export async function handOff(ctx: Ctx, text: string, reason: InboxReason, offered: readonly string[]) {
  return ctx.services.inbox.handOff({ user: ctx.user, locale: ctx.locale, text, reason, offered, now: ctx.now });
}

/** Asks the user to write the question for a person; their next message is passed to the unit. */
export async function askForQuestion(ctx: Ctx, reason: InboxReason, offered: readonly string[], lead?: string): Promise<Turn> {
  const open = await ctx.services.inbox.openOf(ctx.userKey);
  const text = ctx.t(open ? "inbox-ask-more" : "inbox-ask-question", { id: open?.id ?? "" });
  const messages = lead ? [{ text: ctx.t(lead) }, { text }] : [{ text }];
  return { messages, dialog: ctx.begin(HANDOFF_FLOW, { reason, offered: [...offered] }) };
}

const flow: FlowHandler<Services> = {
  id: HANDOFF_FLOW,
  async onEvent(ctx, event, dialog) {
    const state = stateSchema.safeParse(dialog.data);
    if (!state.success || event.kind !== "text") return { ...say(ctx.t("inbox-ask-cancelled"), ctx.menu()), dialog: null };
    if (event.text.trim() === "") return say(ctx.t("inbox-ask-question", { id: "" }));
    const { item, created } = await handOff(ctx, event.text, state.data.reason, state.data.offered);
    return { ...passedTurn(ctx, item, created), dialog: null };
  },
};

/**
 * The enterprise's side of the hand-off: "🙋 Hỏi cán bộ" under refusals and answers, 👍/👎 under
 * answers (👎 offers the hand-off), and the question typed for a person. The refusal itself and
 * the wish typed in free text ("gặp cán bộ") are handled in the FAQ (src/flows/faq.ts).
 */
export const handoffFeature: BotFeature = {
  name: "handoff",
  commands: [
    {
      names: ["hoicanbo", "askperson"],
      descriptionKey: "cmd-ask-person",
      audience: "everyone",
      run: async (ctx, args) => {
        if (!args.trim()) return askForQuestion(ctx, "asked", []);
        const { item, created } = await handOff(ctx, args, "asked", []);
        return passedTurn(ctx, item, created);
      },
    },
  ],
  buttons: [
    buttonRoute({
      codec: askPersonButton,
      audience: "everyone",
      handle: async (ctx, value) => {
        if (value[0] === "del") return say(ctx.t("inbox-data-delete-confirm"), [[{ label: toPlainText(ctx.t("inbox-data-button-delete-yes")), data: askPersonButton.encode(["dely"]) }]]);
        if (value[0] === "dely") return say(ctx.t("inbox-data-deleted", { count: await ctx.services.inbox.forget(ctx.userKey, ctx.now) }));
        return askForQuestion(ctx, "asked", value[0] === "e" ? [value[1]] : []);
      },
    }),
    buttonRoute({
      codec: voteButton,
      audience: "everyone",
      handle: async (ctx, [vote, entryId]) => {
        if (!ctx.services.kb.entry(entryId)) return say(ctx.t("button-not-valid"), ctx.menu());
        const counted = await ctx.services.feedback.vote(entryId, vote, ctx.userKey, ctx.now);
        if (vote === "up") return say(ctx.t(counted ? "inbox-vote-thanks" : "inbox-vote-already"));
        return askForQuestion(ctx, "not-helpful", [entryId], counted ? "inbox-vote-sorry" : "inbox-vote-already");
      },
    }),
  ],
  flows: [flow],
};

/** The user's questions passed to the unit, under /dulieu, with a button to delete them. */
export async function inboxData(ctx: Ctx): Promise<{ parts: Markup[]; buttons: Button[][] }> {
  const items = await ctx.services.inbox.ofUser(ctx.userKey);
  if (!items.length) return { parts: [], buttons: [] };
  const questions = items.reduce((n, i) => n + i.questions.length, 0);
  const open = items.filter((i) => i.status === "open").length;
  return {
    parts: [ctx.t("inbox-data", { items: items.length, questions, open, ids: items.map((i) => i.id).join(", ") })],
    buttons: [[{ label: toPlainText(ctx.t("inbox-data-button-delete")), data: askPersonButton.encode(["del"]) }]],
  };
}
