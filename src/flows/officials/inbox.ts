import { z } from "zod";
import { buttonCodec, digits } from "../../core/button-data.js";
import { buttonRoute, say, type FlowHandler, type Role, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { toPlainText, type Markup } from "../../core/markup.js";
import type { Button, OutboundMessage } from "../../core/types.js";
import { INBOX_ANSWER_MAX, INBOX_ID_PATTERN, type InboxItem } from "../../domain/records/inbox-item.js";
import type { Services } from "../../services/index.js";
import type { BotFeature, Ctx } from "../context.js";
import { unitSignature } from "../handoff/told.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { answerToUser, itemText } from "./inbox-text.js";
import { startLearning } from "./learn.js";

const PAGE = 3;
const itemId = z.string().regex(INBOX_ID_PATTERN);

/**
 * `ht:p:<page>` a page of open items, `ht:a:<id>` answer, `ht:n:<id>` no reply needed, `ht:v:<id>`
 * view; on an answered item `ht:l:<id>` teach the question as a phrasing, `ht:ln:<id>` a new entry.
 */
export const inboxButton = buttonCodec(
  "ht",
  z.union([z.tuple([z.literal("p"), digits(4)]), z.tuple([z.enum(["a", "n", "v", "l", "ln"]), itemId])]),
);
/** While answering: `hta:send` / `hta:own` (sign with my name) / `hta:unit` / `hta:edit` / `hta:x`. */
export const answerStepButton = buttonCodec("hta", z.tuple([z.enum(["send", "own", "unit", "edit", "x"])]));

export const INBOX_ANSWER_FLOW = "inbox-answer";
const draftSchema = z.object({ id: itemId, text: z.string().max(INBOX_ANSWER_MAX).nullable(), own: z.boolean() });
type Draft = z.infer<typeof draftSchema>;

const plain = (m: Markup) => toPlainText(m);
/** The question and the official's answer an answered item teaches (the first question asked, the last answer written). */
function learnable(item: InboxItem): { question: string; answer: string } | null {
  const answer = item.answers.findLast((a) => a.via === "bot" && a.text.trim() !== "");
  const question = item.questions.find((q) => q.text.trim() !== "");
  return item.status === "answered" && answer && question ? { question: question.text, answer: answer.text } : null;
}

/** On an answered item: the one-step learning buttons (src/flows/officials/learn.ts does the rest). */
const learnRows = (ctx: Ctx, item: InboxItem): Button[][] =>
  learnable(item)
    ? [
        [{ label: plain(ctx.t("inbox-button-learn-phrasing")), data: inboxButton.encode(["l", item.id]) }],
        [{ label: plain(ctx.t("inbox-button-learn-new")), data: inboxButton.encode(["ln", item.id]) }],
      ]
    : [];

const itemButtons = (ctx: Ctx, item: InboxItem): Button[][] =>
  item.status === "open"
    ? [[
        { label: plain(ctx.t("inbox-button-answer")), data: inboxButton.encode(["a", item.id]) },
        { label: plain(ctx.t("inbox-button-no-reply")), data: inboxButton.encode(["n", item.id]) },
      ]]
    : learnRows(ctx, item);

async function itemMessage(ctx: Ctx, item: InboxItem): Promise<OutboundMessage> {
  const reach = item.status === "open" && !item.undelivered ? await ctx.services.inbox.reach(item) : null;
  const unreachable = reach && !reach.ok ? reach.detail : null;
  const contact = item.undelivered || unreachable ? await ctx.services.inbox.contactOf(item.userKey) : null;
  return { text: itemText(ctx, item, contact, unreachable), buttons: itemButtons(ctx, item) };
}

/** `/hopthu [page]`: the open items, oldest first, a few per page, each with its buttons. */
async function list(ctx: Ctx, page: number): Promise<Turn> {
  const { items, total } = await ctx.services.inbox.open(page * PAGE, PAGE);
  if (total === 0) return say(ctx.t("inbox-empty"));
  const messages: OutboundMessage[] = [{ text: ctx.t("inbox-list-head", { total, from: page * PAGE + 1, to: page * PAGE + items.length }) }];
  for (const item of items) messages.push(await itemMessage(ctx, item));
  if ((page + 1) * PAGE < total) messages.push({ text: ctx.t("inbox-list-more"), buttons: [[{ label: plain(ctx.t("inbox-button-next")), data: inboxButton.encode(["p", page + 1]) }]] });
  return { messages };
}

/** The official's name as they chose to sign: the channel's display name (they see it in the preview). */
const ownName = (ctx: Ctx) => ctx.user.displayName?.trim().slice(0, 100) || null;

function signature(ctx: Ctx, draft: Draft, locale = ctx.locale): Markup {
  const name = draft.own ? ownName(ctx) : null;
  return name ? ctx.tIn(locale, "inbox-signed-person", { name, unit: raw(unitSignature(ctx, locale)) }) : unitSignature(ctx, locale);
}

function preview(ctx: Ctx, item: InboxItem, draft: Draft & { text: string }): Turn {
  const buttons: Button[][] = [
    [
      { label: plain(ctx.t("inbox-button-send")), data: answerStepButton.encode(["send"]) },
      { label: plain(ctx.t("inbox-button-edit")), data: answerStepButton.encode(["edit"]) },
      { label: plain(ctx.t("inbox-button-cancel")), data: answerStepButton.encode(["x"]) },
    ],
  ];
  if (ownName(ctx)) buttons.push([{ label: plain(ctx.t(draft.own ? "inbox-button-sign-unit" : "inbox-button-sign-own")), data: answerStepButton.encode([draft.own ? "unit" : "own"]) }]);
  return {
    messages: [{ text: ctx.t("inbox-preview-head", { id: item.id }) }, { text: answerToUser(ctx, item, draft.text, signature(ctx, draft, item.locale)), buttons }],
    dialog: ctx.advance(draft),
  };
}

/** Sends the answer: the user's channel must reach them now (Zalo's window), else the item says so and stays open. */
async function send(ctx: Ctx, item: InboxItem, draft: Draft & { text: string }, role: Role): Promise<Turn> {
  const { inbox, outbox } = ctx.services;
  const reach = await inbox.reach(item);
  if (!reach.ok) {
    await inbox.undelivered(item.id, reach.detail, ctx.userKey, ctx.now);
    const updated = (await inbox.get(item.id)) ?? item;
    return { messages: [{ text: ctx.t("inbox-not-reachable", { id: item.id }) }, await itemMessage(ctx, updated)], dialog: null };
  }
  const signedAs = plain(signature(ctx, draft, item.locale));
  const result = await inbox.answer({ id: item.id, text: draft.text, by: ctx.userKey, role, signedAs, now: ctx.now });
  if (!result.ok) return { ...say(ctx.t(result.error, { id: item.id })), dialog: null };
  const toUser = answerToUser(ctx, result.item, result.item.answers[result.item.answers.length - 1]!.text, signature(ctx, draft, item.locale));
  return {
    messages: [],
    dialog: null,
    // Only once the answer is stored does it go out; a failed push reopens the item with the reason.
    afterCommit: async () => {
      const outcome = await outbox.send(item.channel, item.userId, [{ text: toUser }]);
      if (outcome.ok) return [{ text: ctx.t("inbox-answer-sent", { id: item.id }), buttons: learnRows(ctx, result.item) }];
      await inbox.undelivered(item.id, outcome.reason === "failed" || outcome.reason === "unreachable" ? (outcome.detail ?? outcome.reason) : outcome.reason, ctx.userKey, ctx.now);
      return [{ text: ctx.t("inbox-answer-not-sent", { id: item.id }) }];
    },
  };
}

const answerFlow: FlowHandler<Services> = {
  id: INBOX_ANSWER_FLOW,
  audience: "official",
  buttons: [answerStepButton],
  async onEvent(ctx, event, dialog) {
    const actor = await actingAs(ctx);
    if (!actor) return { ...invalidButton(ctx), dialog: null };
    const parsed = draftSchema.safeParse(dialog.data);
    if (!parsed.success) return { ...say(ctx.t("desk-cancelled")), dialog: null };
    const draft = parsed.data;
    const item = await ctx.services.inbox.get(draft.id);
    if (!item || item.status !== "open") return { ...say(ctx.t("inbox-closed", { id: draft.id })), dialog: null };
    if (event.kind === "text") {
      const typed = event.text.trim();
      if (typed === "") return say(ctx.t("inbox-answer-empty"));
      // A message after the preview adds to the answer (a Telegram message holds 4,096 characters; an answer may be longer).
      const text = draft.text === null ? typed : `${draft.text}\n${typed}`;
      if (text.length > INBOX_ANSWER_MAX) return say(ctx.t("inbox-answer-too-long"));
      return preview(ctx, item, { ...draft, text });
    }
    if (event.kind !== "button") return say(ctx.t("inbox-ask-answer", { id: item.id }));
    const [verb] = answerStepButton.decode(event.data) ?? ["x"];
    if (verb === "x") return { ...say(ctx.t("desk-cancelled")), dialog: null };
    if (verb === "edit" || draft.text === null) return { ...say(ctx.t("inbox-ask-answer", { id: item.id })), dialog: ctx.advance({ ...draft, text: null }) };
    if (verb === "own" || verb === "unit") return preview(ctx, item, { ...draft, text: draft.text, own: verb === "own" });
    return send(ctx, item, { ...draft, text: draft.text }, actor.role);
  },
};

export const inboxRoute = buttonRoute({
  codec: inboxButton,
  audience: "official",
  async handle(ctx: Ctx, value) {
    const actor = await actingAs(ctx);
    if (!actor) return invalidButton(ctx);
    if (value[0] === "p") return list(ctx, value[1]);
    const item = await ctx.services.inbox.get(value[1]);
    if (!item) return say(ctx.t("inbox-not-found", { id: value[1] }));
    if (value[0] === "v") return { messages: [await itemMessage(ctx, item)] };
    if (value[0] === "l" || value[0] === "ln") {
      const taught = learnable(item);
      if (!taught) return say(ctx.t("inbox-not-learnable", { id: item.id }));
      // Both start the learning step with the question and the answer; it offers the nearest entries and "a new entry".
      return startLearning(ctx, { ...taught, locale: item.locale, itemId: item.id });
    }
    if (value[0] === "n") {
      const result = await ctx.services.inbox.noReply({ id: item.id, by: actor.userKey, role: actor.role, now: ctx.now });
      return say(ctx.t(result.ok ? "inbox-no-reply-done" : result.error, { id: item.id }));
    }
    if (item.status !== "open") return say(ctx.t("inbox-closed", { id: item.id }));
    return { ...say(ctx.t("inbox-ask-answer", { id: item.id })), dialog: ctx.begin(INBOX_ANSWER_FLOW, { id: item.id, text: null, own: false }) };
  },
});

/** `/hopthu` (`/inbox`): questions passed to people, oldest first; answer, or mark "no reply needed". */
export const inboxFeature: BotFeature = {
  name: "inbox",
  commands: [
    {
      names: ["hopthu", "inbox"],
      descriptionKey: "cmd-inbox",
      audience: "official",
      run: async (ctx, args) => {
        if (!(await actingAs(ctx))) return unknownCommand(ctx, "hopthu");
        const page = /^\d{1,3}$/.test(args.trim()) ? Math.max(0, Number(args.trim()) - 1) : 0;
        return list(ctx, page);
      },
    },
  ],
  buttons: [inboxRoute],
  flows: [answerFlow],
  menu: [{ labelKey: "menu-inbox", command: "hopthu", audience: "official" }],
};
