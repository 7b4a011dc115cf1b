import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../core/button-data.js";
import { toPlainText } from "../core/markup.js";
import type { Button } from "../core/types.js";
import { entryIdSchema, type KbEntry } from "../knowledge/kb.js";
import type { Ctx } from "./context.js";
import { registerButton } from "./registration/buttons.js";
import { selfCheckOfferButton } from "./self-check/result.js";

/** `faq:<entry>`: the answer to one entry; `faq:<entry>:more`: the rest of it ("Xem thêm") — the FAQ feature's buttons. */
export const faqButton = buttonCodec("faq", z.union([z.tuple([entryIdSchema]), z.tuple([entryIdSchema, z.literal("more")])]));

/** `kb:home`, `kb:p:<programme>`, `kb:t:<topic>[:<page>]`: browsing (the programmes feature's buttons). */
export const kbButton = buttonCodec(
  "kb",
  z.union([z.tuple([z.literal("home")]), z.tuple([z.literal("p"), entryIdSchema]), z.tuple([z.literal("t"), entryIdSchema, digits(3).optional()])]),
);
export type KbButton = ButtonValue<typeof kbButton>;

/** Button labels are plain text and shown on one line: long questions are cut at a word. */
export function buttonLabel(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.?]+$/, "")}…`;
}

/** One button per row: questions are long and read on a phone. */
export function entryButton(ctx: Ctx, entry: KbEntry, prefix = ""): Button[] {
  return [{ label: buttonLabel(`${prefix}${ctx.services.kb.question(entry, ctx.locale)}`), data: faqButton.encode([entry.id]) }];
}

/** "📖 Xem thêm": the rest of an answer whose first message shows only its first lines. */
export function moreButton(ctx: Ctx, entry: KbEntry): Button {
  return { label: toPlainText(ctx.t("faq-button-more")), data: faqButton.encode([entry.id, "more"]) };
}

/** Under an answer: "Xem thêm" when there is more, up to 3 related questions, then a way back to the answer's topic. */
/** The button that starts the registration form of a programme (the registration feature's codec). */
export function registerButtonRow(ctx: Ctx, programme: string): Button[] {
  if (programme !== "gtclqg" && programme !== "nscl") return [];
  return [{ label: buttonLabel(toPlainText(ctx.t(`programmes-register-${programme}`))), data: registerButton.encode([programme]) }];
}

/** Answers about how to register end with the button that does it. */
const REGISTER_AFTER: Record<string, string> = { "gt-dang-ky-the-nao": "gtclqg", "ns-dang-ky": "nscl" };

export function answerButtons(ctx: Ctx, entry: KbEntry): Button[][] {
  const { kb } = ctx.services;
  const register = REGISTER_AFTER[entry.id];
  // The first message leads with the answer; the rest is one press away.
  const rows: Button[][] = kb.more(entry.id, ctx.locale) ? [[moreButton(ctx, entry)]] : [];
  if (register) rows.push(registerButtonRow(ctx, register));
  rows.push(
    ...entry.related
      .slice(0, 3)
      .flatMap((id) => kb.entry(id) ?? [])
      .map((related) => entryButton(ctx, related, "➜ ")),
  );
  const topic = kb.topic(entry.topic);
  // Under the award's answers: the readiness self-check on its criteria.
  if (topic?.programme === "gtclqg") rows.push([selfCheckOfferButton(ctx)]);
  if (topic) rows.push([{ label: buttonLabel(toPlainText(ctx.t("faq-button-back-topic", { topic: topic.title[ctx.locale] }))), data: kbButton.encode(["t", topic.id]) }]);
  return rows;
}
