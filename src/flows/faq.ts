import { commandButton } from "../core/button-data.js";
import { buttonRoute, say, type Turn } from "../core/feature.js";
import { joinMarkup, toPlainText, type Markup } from "../core/markup.js";
import type { Button } from "../core/types.js";
import type { BotFeature, Ctx } from "./context.js";
import { answerButtons, entryButton, faqButton } from "./kb-buttons.js";

const browseButton = (ctx: Ctx): Button => ({ label: toPlainText(ctx.t("faq-button-browse")), data: commandButton.encode(["chuongtrinh"]) });
const calendarButton = (ctx: Ctx): Button => ({ label: toPlainText(ctx.t("faq-button-calendar")), data: commandButton.encode(["lich"]) });

/** The answer to one entry with its follow-up buttons, or null for an id we do not have. */
export function entryTurn(ctx: Ctx, id: string): Turn | null {
  const { kb } = ctx.services;
  const entry = kb.entry(id);
  const answer = entry ? kb.answer(id, ctx.locale) : undefined;
  if (!entry || !answer) return null;
  return say(answer, answerButtons(ctx, entry));
}

/** Not sure: say so, offer the closest questions, and who to ask — never a guess. */
function notSure(ctx: Ctx, suggestions: { id: string; question: string }[]): Turn {
  const { kb } = ctx.services;
  if (suggestions.length === 0) {
    return say(joinMarkup([ctx.t("faq-out-of-scope"), kb.contact(ctx.locale)], "\n\n"), [[browseButton(ctx), calendarButton(ctx)]]);
  }
  const list = suggestions.map((s, i) => ctx.t("faq-suggestion-line", { n: i + 1, question: s.question }));
  const text: Markup = joinMarkup([ctx.t("faq-not-sure"), joinMarkup(list), ctx.t("faq-not-sure-footer"), kb.contact(ctx.locale)], "\n\n");
  const buttons = suggestions.flatMap((s, i) => {
    const entry = kb.entry(s.id);
    return entry ? [entryButton(ctx, entry, `${i + 1}. `)] : [];
  });
  return say(text, [...buttons, [browseButton(ctx)]]);
}

/** Any question typed outside a form (or after /hoidap): answer when sure, otherwise ask back. */
export async function answerQuestion(ctx: Ctx, text: string): Promise<Turn> {
  const { faq, kb } = ctx.services;
  const small = kb.smalltalk(text);
  if (small) return say(ctx.t(small === "greeting" ? "faq-greeting" : "faq-thanks"), ctx.menu());
  // What another instance taught since the index was built (a cheap check, at most every few seconds).
  await faq.refresh?.(ctx.now);
  const result = faq.lookup(text, ctx.locale);
  if (result.matched) {
    const entry = kb.entry(result.id);
    return say(result.answer, entry ? answerButtons(ctx, entry) : undefined);
  }
  return notSure(ctx, result.suggestions);
}

function invite(ctx: Ctx): Turn {
  const rows = ctx.services.kb.popular().map((e) => entryButton(ctx, e));
  return say(ctx.t("faq-invite"), [...rows, [browseButton(ctx)]]);
}

/** /hoidap and free text: the knowledge base answers enterprises' questions. */
export const faqFeature: BotFeature = {
  name: "faq",
  commands: [
    {
      names: ["hoidap", "faq"],
      descriptionKey: "cmd-faq",
      audience: "everyone",
      run: (ctx, args) => (args.trim() ? answerQuestion(ctx, args) : invite(ctx)),
    },
  ],
  buttons: [buttonRoute({ codec: faqButton, audience: "everyone", handle: (ctx, [id]) => entryTurn(ctx, id) ?? say(ctx.t("button-not-valid"), ctx.menu()) })],
  menu: [{ labelKey: "menu-faq", command: "hoidap", audience: "everyone" }],
  onFreeText: (ctx, text) => answerQuestion(ctx, text),
};
