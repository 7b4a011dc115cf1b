import { z } from "zod";
import { buttonCodec } from "../../core/button-data.js";
import { buttonRoute, say, type ButtonRoute, type FlowHandler, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup } from "../../core/markup.js";
import type { Button, OutboundMessage } from "../../core/types.js";
import { checklistOf, dossierItemIdSchema, itemsFor, type CheckMark } from "../../domain/dossier-checklist.js";
import type { Submission } from "../../domain/submission.js";
import { MAX_NOTE_LENGTH } from "../../services/workflow.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton } from "./access.js";
import { caseButton, caseView, codeSchema, plain } from "./case-view.js";
import { checklistButton, type ChecklistButton } from "./checklist-buttons.js";
import { deliverStatusNotice, statusNotice } from "./notice.js";

/** While the note of "cần bổ sung" is asked: `ckf:x` cancels. */
export const checklistStepButton = buttonCodec("ckf", z.tuple([z.literal("x")]));

export const CHECK_NOTE_FLOW = "desk-check-note";
const noteStepSchema = z.object({ code: codeSchema, item: dossierItemIdSchema });

async function showCase(ctx: Ctx, code: string, lead: OutboundMessage[] = []): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return { ...say(ctx.t("sub-code-unknown", { code })), dialog: null };
  const view = await caseView(ctx, s);
  return { messages: [...lead, { text: view.text, buttons: view.buttons }], dialog: ctx.dialog?.flow === CHECK_NOTE_FLOW ? null : undefined };
}

const itemIds = (ctx: Ctx, s: Submission) => itemsFor(ctx.services.dossierItems, s.rules).items.map((i) => i.id);

/** One item: its state, the files under it, and the three marks. */
async function openItem(ctx: Ctx, code: string, itemId: string): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return say(ctx.t("sub-code-unknown", { code }));
  const row = s.programme === "gtclqg" ? checklistOf(ctx.services.dossierItems, s).rows.find((r) => r.item.id === itemId) : undefined;
  if (!row) return say(ctx.t("checklist-item-unknown", { code }));
  const files = s.documents.filter((d) => d.item === itemId).map((d) => d.file.name);
  const text = joinMarkup([
    ctx.t("desk-item-head", { code, name: row.item.detail[ctx.locale], state: raw(ctx.t(`checklist-state-${row.state}`)) }),
    files.length ? ctx.t("desk-item-files", { count: files.length, names: files.join(", ") }) : ctx.t("desk-item-no-files"),
    ...(row.note ? [ctx.t("desk-item-note", { note: row.note })] : []),
  ]);
  const mark = (verb: "ok" | "more" | "none", key: string): Button => ({ label: plain(ctx.t(key)), data: checklistButton.encode(["m", code, itemId, verb]) });
  return say(text, [[mark("ok", "desk-button-item-ok"), mark("more", "desk-button-item-more")], [mark("none", "desk-button-item-clear")], [{ label: plain(ctx.t("desk-button-view", { code })), data: caseButton.encode(["v", code]) }]]);
}

async function applyMark(ctx: Ctx, userKey: string, code: string, itemId: string, mark: { state: CheckMark; note: string | null } | null): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return { ...say(ctx.t("sub-code-unknown", { code })), dialog: null };
  const result = await ctx.services.submissions.markItem(code, itemId, mark, userKey, itemIds(ctx, s), ctx.now);
  if (!result.ok) return showCase(ctx, code, [{ text: ctx.t(result.error.key, result.error.args) }]);
  const item = itemsFor(ctx.services.dossierItems, s.rules).items.find((i) => i.id === itemId)!;
  const key = mark === null ? "desk-item-cleared" : mark.state === "reviewed-ok" ? "desk-item-marked-ok" : "desk-item-marked-more";
  return showCase(ctx, code, [{ text: ctx.t(key, { code, name: item.name[ctx.locale] }) }]);
}

/**
 * The items marked "cần bổ sung" after the case was moved there: the enterprise gets the request
 * again, naming exactly those items (the same notice as the move's, without a new status).
 */
async function requestAgain(ctx: Ctx, code: string): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return say(ctx.t("sub-code-unknown", { code }));
  const last = s.statusHistory[s.statusHistory.length - 1]!;
  if (s.status !== "needs-supplement" || !checklistOf(ctx.services.dossierItems, s).rows.some((r) => r.state === "needs-more")) return showCase(ctx, code, [{ text: ctx.t("desk-request-not-now", { code }) }]);
  const change = { ...last, note: null };
  const notice = await statusNotice(ctx, s, change);
  return {
    messages: [],
    afterCommit: async () => {
      const told = await deliverStatusNotice(ctx, s, change, notice);
      const view = await caseView(ctx, s);
      return [...told, { text: view.text, buttons: view.buttons }];
    },
  };
}

async function onChecklistButton(ctx: Ctx, value: ChecklistButton): Promise<Turn> {
  const actor = await actingAs(ctx);
  if (!actor) return invalidButton(ctx);
  if (value[0] === "o") return openItem(ctx, value[1], value[2]);
  if (value[0] === "r") return requestAgain(ctx, value[1]);
  const [, code, item, verb] = value;
  if (verb === "ok") return applyMark(ctx, actor.userKey, code, item, { state: "reviewed-ok", note: null });
  if (verb === "none") return applyMark(ctx, actor.userKey, code, item, null);
  const s = await ctx.services.submissions.get(code);
  if (!s || !itemIds(ctx, s).includes(item) || s.programme !== "gtclqg") return say(ctx.t("checklist-item-unknown", { code }));
  const name = itemsFor(ctx.services.dossierItems, s.rules).items.find((i) => i.id === item)!.name[ctx.locale];
  return {
    ...say(ctx.t("desk-ask-item-note", { code, name, max: MAX_NOTE_LENGTH }), [[{ label: plain(ctx.t("desk-button-cancel")), data: checklistStepButton.encode(["x"]) }]]),
    dialog: ctx.begin(CHECK_NOTE_FLOW, { code, item }),
  };
}

export const checklistRoute: ButtonRoute<Services> = buttonRoute({ codec: checklistButton, audience: "official", handle: onChecklistButton });

/** After "cần bổ sung": the next text says what is missing (the enterprise reads it in the notice). */
export const checkNoteFlow: FlowHandler<Services> = {
  id: CHECK_NOTE_FLOW,
  audience: "official",
  buttons: [checklistStepButton],
  async onEvent(ctx, event, dialog) {
    const actor = await actingAs(ctx);
    if (!actor) return { ...invalidButton(ctx), dialog: null };
    const step = noteStepSchema.safeParse(dialog.data);
    if (!step.success) return { ...say(ctx.t("desk-cancelled")), dialog: null };
    const { code, item } = step.data;
    if (event.kind === "button") return showCase(ctx, code, [{ text: ctx.t("desk-cancelled") }]);
    const cancel = [[{ label: plain(ctx.t("desk-button-cancel")), data: checklistStepButton.encode(["x"]) }]];
    if (event.kind !== "text") {
      const s = await ctx.services.submissions.get(code);
      const name = (s && itemsFor(ctx.services.dossierItems, s.rules).items.find((i) => i.id === item)?.name[ctx.locale]) ?? item;
      return say(ctx.t("desk-ask-item-note", { code, name, max: MAX_NOTE_LENGTH }), cancel);
    }
    const note = event.text.trim();
    if (!note) return say(ctx.t("desk-note-empty"), cancel);
    if (note.length > MAX_NOTE_LENGTH) return say(ctx.t("desk-note-too-long", { max: MAX_NOTE_LENGTH }), cancel);
    return applyMark(ctx, actor.userKey, code, item, { state: "needs-more", note });
  },
};
