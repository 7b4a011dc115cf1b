import { commandButton } from "../core/button-data.js";
import { buttonRoute, say, type Turn } from "../core/feature.js";
import { joinMarkup, toPlainText, type Markup } from "../core/markup.js";
import type { Button } from "../core/types.js";
import type { BotFeature, Ctx } from "./context.js";
import { readFoundingQuestion } from "../domain/founding-question.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import { foundingTurn } from "./founding-answer.js";
import { answerButtons, entryButton, faqButton } from "./kb-buttons.js";
import { askPersonRow, feedbackRow } from "./handoff/buttons.js";
import { askForQuestion, handOff } from "./handoff/feature.js";
import { personWish } from "./handoff/intent.js";
import { passedText } from "./handoff/told.js";
import type { Smalltalk } from "../knowledge/lexicon.js";
import { contactBrief } from "../services/unit-contact.js";

const browseButton = (ctx: Ctx): Button => ({ label: toPlainText(ctx.t("faq-button-browse")), data: commandButton.encode(["chuongtrinh"]) });
const calendarButton = (ctx: Ctx): Button => ({ label: toPlainText(ctx.t("faq-button-calendar")), data: commandButton.encode(["lich"]) });

/** The answer to one entry with its follow-up buttons, or null for an id we do not have. */
export function entryTurn(ctx: Ctx, id: string): Turn | null {
  const { kb } = ctx.services;
  const entry = kb.entry(id);
  const answer = entry ? kb.answer(id, ctx.locale) : undefined;
  if (!entry || !answer) return null;
  return say(answer, [...answerButtons(ctx, entry), feedbackRow(ctx, entry.id)]);
}

/** One line each: a greeting, thanks, a bare "ok"/"vâng" — never a refusal, never passed to the unit. */
const SMALLTALK_KEYS: Record<Smalltalk, string> = { greeting: "faq-greeting", thanks: "faq-thanks", ack: "faq-ack" };

/** The unit's phone, email, website when it has set them (one line); nothing while it has none. */
function briefContact(ctx: Ctx): Markup[] {
  const line = contactBrief((key, args) => ctx.t(key, args), ctx.services.province);
  return line ? [line] : [];
}

/** The rest of an answer ("Xem thêm"), with the follow-up buttons but not "Xem thêm" again; null for an id we do not have. */
export function moreTurn(ctx: Ctx, id: string): Turn | null {
  const { kb } = ctx.services;
  const entry = kb.entry(id);
  if (!entry) return null;
  const rest = kb.more(id, ctx.locale);
  // Nothing more (the content changed since the button was sent): the whole answer again.
  if (!rest) return entryTurn(ctx, id);
  const rows = answerButtons(ctx, entry).filter((row) => !row.some((b) => b.data === faqButton.encode([entry.id, "more"])));
  return say(rest, [...rows, feedbackRow(ctx, entry.id)]);
}

/**
 * Not sure: say so, offer the closest questions, and who to ask — never a guess. The question is
 * passed to the unit at once (an inbox item, or added to the user's open one) and the user is told
 * when to expect an answer; "🙋 Hỏi cán bộ" lets them add to it.
 */
async function notSure(ctx: Ctx, question: string, suggestions: { id: string; question: string }[]): Promise<Turn> {
  const { kb } = ctx.services;
  const { item, created } = await handOff(ctx, question, "refused", suggestions.map((s) => s.id));
  const passed = passedText(ctx, item, created);
  // The question went to the unit, which the passed line names: only the contacts it has set follow.
  const contacts = briefContact(ctx);
  if (suggestions.length === 0) {
    return say(joinMarkup([ctx.t("faq-out-of-scope"), joinMarkup([passed, ...contacts])], "\n\n"), [[browseButton(ctx), calendarButton(ctx)], askPersonRow(ctx)]);
  }
  const list = suggestions.map((s, i) => ctx.t("faq-suggestion-line", { n: i + 1, question: s.question }));
  const text: Markup = joinMarkup([ctx.t("faq-not-sure"), joinMarkup(list), ctx.t("faq-not-sure-footer"), joinMarkup([passed, ...contacts])], "\n\n");
  const buttons = suggestions.flatMap((s, i) => {
    const entry = kb.entry(s.id);
    return entry ? [entryButton(ctx, entry, `${i + 1}. `)] : [];
  });
  return say(text, [...buttons, [browseButton(ctx)], askPersonRow(ctx)]);
}

/**
 * Any question typed outside a form (or after /hoidap): the wish to talk to a person goes to the
 * hand-off; otherwise answer when sure (with 👍/👎 and "🙋 Hỏi cán bộ"), or refuse and pass it on.
 * Every question that reaches the search is counted per week, and whether the bot answered it.
 */
export async function answerQuestion(ctx: Ctx, text: string): Promise<Turn> {
  const { faq, kb, feedback } = ctx.services;
  const wish = personWish(text);
  if (wish.wanted) {
    // "gặp cán bộ" alone: ask for the question; with a question of some words: pass it on as typed.
    if (wish.rest.split(" ").filter(Boolean).length < 4) return askForQuestion(ctx, "asked", []);
    const { item, created } = await handOff(ctx, text, "asked", []);
    return say(passedText(ctx, item, created));
  }
  const small = kb.smalltalk(text);
  if (small) return say(ctx.t(SMALLTALK_KEYS[small]), ctx.menu());
  // A founding date asked against the award's 36-month rule is computed, not searched (officials
  // see it in the conversation's tail as answered with the rule's entry).
  const founded = readFoundingQuestion(text);
  if (founded && founded.date <= todayInVietnam(ctx.now)) {
    await feedback.asked(true, ctx.now);
    await ctx.services.inbox.remember(ctx.userKey, text, "entry:gt-36-thang", ctx.now);
    return foundingTurn(ctx, founded);
  }
  // What another instance taught since the index was built (a cheap check, at most every few seconds).
  await faq.refresh?.(ctx.now);
  const result = faq.lookup(text, ctx.locale);
  await feedback.asked(result.matched, ctx.now);
  if (result.matched) {
    const entry = kb.entry(result.id);
    await ctx.services.inbox.remember(ctx.userKey, text, `entry:${result.id}`, ctx.now);
    return say(result.answer, entry ? [...answerButtons(ctx, entry), feedbackRow(ctx, entry.id)] : undefined);
  }
  // The item is made with the tail before this question; then the question joins the tail.
  const refused = await notSure(ctx, text, result.suggestions);
  await ctx.services.inbox.remember(ctx.userKey, text, "refused", ctx.now);
  return refused;
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
  buttons: [
    buttonRoute({
      codec: faqButton,
      audience: "everyone",
      handle: (ctx, [id, part]) => (part === "more" ? moreTurn(ctx, id) : entryTurn(ctx, id)) ?? say(ctx.t("button-not-valid"), ctx.menu()),
    }),
  ],
  menu: [{ labelKey: "menu-faq", command: "hoidap", audience: "everyone" }],
  onFreeText: (ctx, text) => answerQuestion(ctx, text),
};
