import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { raw } from "../../core/i18n.js";
import { buttonRoute, say, type ButtonRoute, type FlowHandler, type Turn } from "../../core/feature.js";
import { joinMarkup, trusted, type Markup } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { LOCALES, type Locale } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { entryIdSchema } from "../../knowledge/kb.js";
import type { Services } from "../../services/index.js";
import type { BotFeature, Ctx } from "../context.js";
import { buttonLabel } from "../kb-buttons.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { personName, plain } from "./case-view.js";

export const LEARN_FLOW = "learn";

/**
 * While the learning flow is active: `hoc:p:<entry>` the question becomes a phrasing of that entry,
 * `hoc:n` a new entry from the answer, `hoc:t:<topic>` its topic, `hoc:ok` submit the draft,
 * `hoc:x` cancel.
 */
export const learnButton = buttonCodec(
  "hoc",
  z.union([z.tuple([z.literal("p"), entryIdSchema]), z.tuple([z.literal("t"), entryIdSchema]), z.tuple([z.enum(["n", "ok", "x"])])]),
);
export type LearnButton = ButtonValue<typeof learnButton>;

/** `/duyet`'s buttons: `duy:a:<id>` approve, `duy:r:<id>` reject a drafted entry. */
export const approveButton = buttonCodec("duy", z.tuple([z.enum(["a", "r"]), entryIdSchema]));

/** What the learning flow keeps between steps. */
const stateSchema = z.object({
  step: z.enum(["choose", "topic", "source", "reviewed", "confirm"]),
  question: z.string().min(1).max(4000),
  answer: z.string().min(1).max(8000),
  locale: z.enum(LOCALES),
  itemId: z.string().min(1).max(64).nullable(),
  topic: entryIdSchema.optional(),
  source: z.string().max(500).optional(),
  reviewed: z.string().optional(),
});
type LearnState = z.infer<typeof stateSchema>;

/** How many existing entries are offered to attach the question to. */
const CANDIDATES = 5;

const cancelRow = (ctx: Ctx): Button[] => [{ label: plain(ctx.t("learn-button-cancel")), data: learnButton.encode(["x"]) }];

/** Long texts are shown cut in the prompts (the whole text is kept). */
const shortened = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

async function chooseTurn(ctx: Ctx, state: LearnState, lead?: Markup): Promise<Turn> {
  const { kbLearning } = ctx.services;
  const candidates = await kbLearning.candidates(state.question, state.locale, CANDIDATES);
  const rows: Button[][] = candidates.map((c) => [{ label: buttonLabel(plain(ctx.t("learn-button-phrasing", { question: c.question }))), data: learnButton.encode(["p", c.id]) }]);
  rows.push([{ label: plain(ctx.t("learn-button-new")), data: learnButton.encode(["n"]) }]);
  rows.push(cancelRow(ctx));
  const text = joinMarkup(
    [
      ...(lead ? [lead] : []),
      ctx.t("learn-intro", { question: shortened(state.question), answer: shortened(state.answer) }),
      ctx.t(candidates.length ? "learn-choose" : "learn-choose-none"),
    ],
    "\n\n",
  );
  return { ...say(text, rows), dialog: ctx.begin(LEARN_FLOW, { ...state, step: "choose" }) };
}

/**
 * Starts teaching the FAQ from a question and an official's answer (the inbox's "learn" button,
 * or `/hoc question | answer`): one step offers "a phrasing of …" (the nearest entries) or
 * "a new entry from this answer". Officials only; the service checks the role again.
 */
export async function startLearning(ctx: Ctx, input: { question: string; answer: string; locale: Locale; itemId?: string | null }): Promise<Turn> {
  if (!(await actingAs(ctx))) return invalidButton(ctx);
  const question = input.question.replace(/\s+/g, " ").trim().slice(0, 4000);
  const answer = input.answer.trim().slice(0, 8000);
  if (!question || !answer) return say(ctx.t("learn-usage"));
  return chooseTurn(ctx, { step: "choose", question, answer, locale: input.locale, itemId: input.itemId ?? null });
}

function topicTurn(ctx: Ctx, state: LearnState): Turn {
  const rows = ctx.services.kbLearning.topics().map((t) => [{ label: buttonLabel(t.title[ctx.locale]), data: learnButton.encode(["t", t.id]) }]);
  return { ...say(ctx.t("learn-ask-topic"), [...rows, cancelRow(ctx)]), dialog: ctx.advance({ ...state, step: "topic" }) };
}

function draftText(ctx: Ctx, state: LearnState): Markup {
  const topic = ctx.services.kbLearning.topics().find((t) => t.id === state.topic);
  return ctx.t("learn-draft", {
    question: state.question,
    answer: state.answer,
    topic: topic ? topic.title[ctx.locale] : (state.topic ?? ""),
    source: state.source ?? "",
    reviewed: state.reviewed ?? "",
  });
}

async function submitDraft(ctx: Ctx, state: LearnState): Promise<Turn> {
  const actor = await actingAs(ctx);
  if (!actor) return { ...invalidButton(ctx), dialog: null };
  const result = await ctx.services.kbLearning.proposeEntry({
    questions: [state.question],
    answer: state.answer,
    topicId: state.topic ?? "",
    source: state.source ?? "",
    reviewed: state.reviewed ?? "",
    locale: state.locale,
    by: actor.userKey,
    now: ctx.now,
    itemId: state.itemId,
  });
  if (!result.ok) return { ...say(joinMarkup([ctx.t(result.error.key, result.error.args), ctx.t("learn-draft-not-kept")], "\n\n")), dialog: null };
  return { ...say(ctx.t(result.status === "approved" ? "learn-entry-live" : "learn-entry-pending", { id: result.id })), dialog: null };
}

async function onLearnEvent(ctx: Ctx, event: Parameters<FlowHandler<Services>["onEvent"]>[1], dialog: Parameters<FlowHandler<Services>["onEvent"]>[2]): Promise<Turn> {
  const actor = await actingAs(ctx);
  if (!actor) return { ...invalidButton(ctx), dialog: null };
  const parsed = stateSchema.safeParse(dialog.data);
  if (!parsed.success) return { ...say(ctx.t("learn-cancelled")), dialog: null };
  const state = parsed.data;
  if (event.kind === "button") {
    const value = learnButton.decode(event.data);
    if (!value) return invalidButton(ctx);
    const [verb] = value;
    if (verb === "x") return { ...say(ctx.t("learn-cancelled")), dialog: null };
    if (verb === "p" && state.step === "choose") {
      const result = await ctx.services.kbLearning.addPhrasing({ entryId: value[1], text: state.question, locale: state.locale, by: actor.userKey, now: ctx.now, itemId: state.itemId });
      if (!result.ok) return chooseTurn(ctx, state, ctx.t(result.error.key, result.error.args));
      const entry = ctx.services.kb.entry(result.entryId);
      return { ...say(ctx.t("learn-phrasing-added", { question: state.question, entry: entry ? ctx.services.kb.question(entry, ctx.locale) : result.entryId })), dialog: null };
    }
    if (verb === "n" && state.step === "choose") return topicTurn(ctx, state);
    if (verb === "t" && state.step === "topic") {
      if (!ctx.services.kbLearning.topics().some((t) => t.id === value[1])) return topicTurn(ctx, state);
      return { ...say(ctx.t("learn-ask-source"), [cancelRow(ctx)]), dialog: ctx.advance({ ...state, topic: value[1], step: "source" }) };
    }
    if (verb === "ok" && state.step === "confirm") return submitDraft(ctx, state);
    return invalidButton(ctx);
  }
  if (event.kind !== "text") return say(ctx.t("learn-use-buttons"), [cancelRow(ctx)]);
  const text = event.text.trim();
  if (state.step === "source") {
    const bad = ctx.services.kbLearning.checkSource(text);
    if (bad) return say(joinMarkup([ctx.t(bad.key, bad.args), ctx.t("learn-ask-source")], "\n\n"), [cancelRow(ctx)]);
    return { ...say(ctx.t("learn-ask-reviewed"), [cancelRow(ctx)]), dialog: ctx.advance({ ...state, source: text.replace(/\s+/g, " "), step: "reviewed" }) };
  }
  if (state.step === "reviewed") {
    const read = ctx.services.kbLearning.readReviewed(text, ctx.now);
    if (!read.ok) return say(joinMarkup([ctx.t(read.error.key, read.error.args), ctx.t("learn-ask-reviewed")], "\n\n"), [cancelRow(ctx)]);
    const next = { ...state, reviewed: read.date, step: "confirm" as const };
    return { ...say(draftText(ctx, next), [[{ label: plain(ctx.t("learn-button-submit")), data: learnButton.encode(["ok"]) }], cancelRow(ctx)]), dialog: ctx.advance(next) };
  }
  return say(ctx.t("learn-use-buttons"), [cancelRow(ctx)]);
}

/** The learning flow: its buttons while active; audience checked on every event by the core and again here. */
export const learnFlow: FlowHandler<Services> = {
  id: LEARN_FLOW,
  audience: "official",
  buttons: [learnButton],
  onEvent: onLearnEvent,
};

/** `/hoc câu hỏi | câu trả lời`: an official teaches the FAQ from a question taken by phone or mail. */
async function learnCommand(ctx: Ctx, args: string): Promise<Turn> {
  if (!(await actingAs(ctx))) return unknownCommand(ctx, "hoc");
  const bar = args.indexOf("|");
  if (bar < 0) return say(ctx.t("learn-usage"));
  return startLearning(ctx, { question: args.slice(0, bar), answer: args.slice(bar + 1), locale: ctx.locale, itemId: null });
}

/** `/duyet`: drafted entries waiting for approval, each with approve / reject buttons. */
async function pendingTurn(ctx: Ctx, lead?: Markup): Promise<Turn> {
  const list = await ctx.services.kbLearning.pending();
  const topics = ctx.services.kbLearning.topics();
  const shown = list.slice(0, 8);
  const names = await ctx.services.users.names(shown.map(({ entry }) => entry.history[0]!.by));
  const parts: Markup[] = lead ? [lead] : [];
  if (shown.length === 0) parts.push(ctx.t("learn-pending-none"));
  else parts.push(ctx.t("learn-pending-head", { count: list.length }));
  for (const { id, entry } of shown) {
    const first = entry.history[0]!;
    const topic = topics.find((t) => t.id === entry.topic);
    parts.push(
      ctx.t("learn-pending-line", {
        id,
        question: entry.questions.vi[0]!,
        // The answer was escaped when drafted: it is markup already.
        answer: raw(trusted(entry.answer.vi.join("\n"))),
        topic: topic ? topic.title[ctx.locale] : entry.topic,
        source: entry.source,
        reviewed: entry.reviewed,
        by: personName(ctx, first.by, first.role, names),
        at: formatDateTime(first.at, ctx.locale),
      }),
    );
  }
  const rows: Button[][] = shown.map(({ id }) => [
    { label: plain(ctx.t("learn-button-approve", { id })), data: approveButton.encode(["a", id]) },
    { label: plain(ctx.t("learn-button-reject", { id })), data: approveButton.encode(["r", id]) },
  ]);
  return say(joinMarkup(parts, "\n\n"), rows.length ? rows : undefined);
}

async function approveCommand(ctx: Ctx): Promise<Turn> {
  if (!(await actingAs(ctx))) return unknownCommand(ctx, "duyet");
  return pendingTurn(ctx);
}

async function onApproveButton(ctx: Ctx, [verb, id]: ButtonValue<typeof approveButton>): Promise<Turn> {
  const actor = await actingAs(ctx);
  if (!actor) return invalidButton(ctx);
  const { kbLearning } = ctx.services;
  const result = verb === "a" ? await kbLearning.approve(id, actor.userKey, ctx.now) : await kbLearning.reject(id, actor.userKey, ctx.now, null);
  if (!result.ok) return pendingTurn(ctx, ctx.t(result.error.key, result.error.args));
  return pendingTurn(ctx, ctx.t(verb === "a" ? "learn-approved" : "learn-rejected", { id }));
}

export const approveRoute: ButtonRoute<Services> = buttonRoute({ codec: approveButton, audience: "official", handle: onApproveButton });

/** Teaching the FAQ from officials' answers: `/hoc`, `/duyet`, the learning flow. */
export const learningFeature: BotFeature = {
  name: "learning",
  commands: [
    { names: ["hoc", "learn"], descriptionKey: "cmd-learn", audience: "official", run: learnCommand },
    { names: ["duyet", "approve"], descriptionKey: "cmd-approve", audience: "official", run: approveCommand },
  ],
  buttons: [approveRoute],
  flows: [learnFlow],
};
