import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../core/button-data.js";
import { toPlainText } from "../core/markup.js";
import type { Button } from "../core/types.js";
import { entryIdSchema, type KbEntry } from "../knowledge/kb.js";
import type { Ctx } from "./context.js";
import { buttonLabel } from "./button-label.js";
import { actionRows } from "./kb-actions.js";
import { selfCheckOfferButton } from "./self-check/result.js";

/** `faq:<entry>`: the answer to one entry; `faq:<entry>:more`: the rest of it ("Xem thêm") — the FAQ feature's buttons. */
export const faqButton = buttonCodec("faq", z.union([z.tuple([entryIdSchema]), z.tuple([entryIdSchema, z.literal("more")])]));

/** `kb:home`, `kb:p:<programme>`, `kb:t:<topic>[:<page>]`: browsing (the programmes feature's buttons). */
export const kbButton = buttonCodec(
  "kb",
  z.union([z.tuple([z.literal("home")]), z.tuple([z.literal("p"), entryIdSchema]), z.tuple([z.literal("t"), entryIdSchema, digits(3).optional()])]),
);
export type KbButton = ButtonValue<typeof kbButton>;

export { buttonLabel } from "./button-label.js";
export { registerButtonRow } from "./kb-actions.js";

/** One button per row: questions are long and read on a phone. */
export function entryButton(ctx: Ctx, entry: KbEntry, prefix = ""): Button[] {
  return [{ label: buttonLabel(`${prefix}${ctx.services.kb.question(entry, ctx.locale)}`), data: faqButton.encode([entry.id]) }];
}

/** "📖 Xem thêm": the rest of an answer whose first message shows only its first lines. */
export function moreButton(ctx: Ctx, entry: KbEntry): Button {
  return { label: toPlainText(ctx.t("faq-button-more")), data: faqButton.encode([entry.id, "more"]) };
}

/**
 * Under an answer: the button of what it explains (its `action`: register, look up a dossier…),
 * "Xem thêm" when the first message showed only the answer's first lines, up to 3 related
 * questions, then a way back to the answer's topic.
 */
export function answerButtons(ctx: Ctx, entry: KbEntry): Button[][] {
  const { kb } = ctx.services;
  const rows: Button[][] = entry.action ? actionRows(ctx, entry.action) : [];
  if (kb.more(entry.id, ctx.locale)) rows.push([moreButton(ctx, entry)]);
  rows.push(
    ...entry.related
      .slice(0, 3)
      .flatMap((id) => kb.entry(id) ?? [])
      // In English, a related question with no English wording is left out rather than shown in Vietnamese.
      .filter((related) => ctx.locale !== "en" || Boolean(related.questions.en?.length))
      .map((related) => entryButton(ctx, related, "➜ ")),
  );
  const topic = kb.topic(entry.topic);
  // Under the award's answers: the readiness self-check on its criteria.
  if (topic?.programme === "gtclqg" && entry.action !== "self-check") rows.push([selfCheckOfferButton(ctx)]);
  if (topic) rows.push([{ label: buttonLabel(toPlainText(ctx.t("faq-button-back-topic", { topic: topic.title[ctx.locale] }))), data: kbButton.encode(["t", topic.id]) }]);
  return rows;
}
