import { z } from "zod";
import { buttonRoute, say, type ButtonRoute, type FlowHandler, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup } from "../../core/markup.js";
import type { OutboundMessage } from "../../core/types.js";
import { statusIdSchema, type StatusId } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import { checkTransition } from "../../domain/workflow.js";
import { pendingContacts, searchCases } from "../../services/case-search.js";
import { MAX_NOTE_LENGTH, type OfficialActor } from "../../services/workflow.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { caseButton, caseLine, caseStepButton, caseView, codeSchema, labelOf, personName, plain, resultButton, type CaseButton } from "./case-view.js";
import { deliverStatusNotice, ownerLocale, statusNotice } from "./notice.js";
import { queueRoute, queueView, type QueueQuery } from "./queue.js";

export const FIND_FLOW = "desk-find";
export const STATUS_FLOW = "desk-status";
export const NOTE_FLOW = "desk-note";

const statusStepSchema = z.object({ code: codeSchema, from: statusIdSchema, to: statusIdSchema });
const noteStepSchema = z.object({ code: codeSchema });

/** Ends a step of this desk that is open; leaves any other dialog (a form the official is filling in) alone. */
const endStep = (ctx: Ctx): null | undefined => ([FIND_FLOW, STATUS_FLOW, NOTE_FLOW].includes(ctx.dialog?.flow ?? "") ? null : undefined);

const cancelButton = (ctx: Ctx) => [{ label: plain(ctx.t("desk-button-cancel")), data: caseStepButton.encode(["x"]) }];
const viewButton = (ctx: Ctx, code: string) => [{ label: plain(ctx.t("desk-button-view", { code })), data: caseButton.encode(["v", code]) }];

async function show(ctx: Ctx, code: string, lead?: OutboundMessage[]): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return say(ctx.t("sub-code-unknown", { code }));
  const view = await caseView(ctx, s);
  return { messages: [...(lead ?? []), { text: view.text, buttons: view.buttons }], dialog: endStep(ctx) };
}

/** What a search found: the case itself, a list to pick from, or what to try instead. */
async function found(ctx: Ctx, query: string): Promise<Turn> {
  const result = await searchCases(ctx.services.submissionRecords, query);
  if (result.kind === "prefix") return { ...(await queue(ctx, { codePrefix: result.prefix, page: 1 })), dialog: endStep(ctx) };
  if (result.kind === "code") {
    return result.submission ? show(ctx, result.code) : { ...say(ctx.t("sub-code-unknown", { code: result.code })), dialog: endStep(ctx) };
  }
  const list = result.found;
  const near = result.kind === "name" && result.near;
  if (list.length === 1 && !near) return show(ctx, list[0]!.code);
  if (list.length === 0) {
    return { ...say(result.kind === "tax-code" ? ctx.t("desk-search-no-tax-code", { taxCode: result.taxCode }) : ctx.t("desk-search-nothing", { query })), dialog: endStep(ctx) };
  }
  const more = result.kind === "name" ? result.more : 0;
  return {
    messages: [
      {
        text: joinMarkup([
          near ? ctx.t("desk-search-near", { count: list.length, query }) : more ? ctx.t("desk-search-found-more", { count: list.length, more, query }) : ctx.t("desk-search-found", { count: list.length, query }),
          ...list.map((s) => caseLine(ctx, s)),
        ]),
        buttons: list.map(resultButton),
      },
    ],
    dialog: endStep(ctx),
  };
}

const viewData = (code: string) => caseButton.encode(["v", code]);
const searchButton = (ctx: Ctx) => [{ label: plain(ctx.t("queue-button-search")), data: caseButton.encode(["f"]) }];

/** A page of the queue (newest first), with a button to search instead. */
async function queue(ctx: Ctx, query: QueueQuery, lead: ReturnType<Ctx["t"]>[] = []): Promise<Turn> {
  const view = await queueView(ctx, query, viewData);
  return say(joinMarkup([...lead, view.text], "\n\n"), [...view.buttons, searchButton(ctx)]);
}

/** Asks what to look for; the next text is searched. */
async function askQuery(ctx: Ctx): Promise<Turn> {
  const waiting = await pendingContacts(ctx.services.submissionRecords);
  return {
    messages: [
      {
        text: waiting.length ? joinMarkup([ctx.t("desk-ask-query"), ctx.t("desk-pending-count", { count: waiting.length })]) : ctx.t("desk-ask-query"),
        buttons: [...(waiting.length ? [[{ label: plain(ctx.t("desk-button-pending", { count: waiting.length })), data: caseButton.encode(["pc"]) }]] : []), cancelButton(ctx)],
      },
    ],
    dialog: ctx.begin(FIND_FLOW, {}),
  };
}

/**
 * /hoso (/case) [mã hồ sơ | đầu mã | mã số thuế | tên]: find a submission and act on it. Alone:
 * the queue — the newest dossiers first, by status, a page at a time — and a search (the next
 * text typed is looked for).
 */
export async function caseCommand(ctx: Ctx, args: string, name = "hoso"): Promise<Turn> {
  if (!(await actingAs(ctx))) return unknownCommand(ctx, name);
  if (args.trim()) return found(ctx, args);
  const waiting = await pendingContacts(ctx.services.submissionRecords);
  const view = await queueView(ctx, { page: 1 }, viewData);
  const pending = waiting.length ? [[{ label: plain(ctx.t("desk-button-pending", { count: waiting.length })), data: caseButton.encode(["pc"]) }]] : [];
  return {
    messages: [
      { text: view.text, buttons: view.buttons },
      { text: joinMarkup([ctx.t("queue-or-search"), ...(waiting.length ? [ctx.t("desk-pending-count", { count: waiting.length })] : [])]), buttons: [...pending, cancelButton(ctx)] },
    ],
    dialog: ctx.begin(FIND_FLOW, {}),
  };
}

/** Why a move cannot be made, naming where the case may go instead. */
function refusal(ctx: Ctx, s: Submission, to: StatusId, allowed: readonly StatusId[]): Turn {
  const names = allowed.map((id) => labelOf(ctx, s, id));
  return {
    messages: [
      {
        text: names.length
          ? ctx.t("desk-move-refused", { from: raw(labelOf(ctx, s, s.status)), to: raw(labelOf(ctx, s, to)), allowed: raw(joinMarkup(names, ", ")) })
          : ctx.t("desk-move-refused-final", { from: raw(labelOf(ctx, s, s.status)), to: raw(labelOf(ctx, s, to)) }),
        buttons: [viewButton(ctx, s.code)],
      },
    ],
    dialog: endStep(ctx),
  };
}

async function movedMeanwhile(ctx: Ctx, s: Submission): Promise<Turn> {
  const last = s.statusHistory[s.statusHistory.length - 1]!;
  const key = last.by.kind === "system" ? null : last.by.userKey;
  const role = key ? ((await ctx.services.roles.roleOfKey(key)) ?? "official") : "system";
  const who = personName(ctx, key, role, await ctx.services.users.names(key ? [key] : []), s);
  return show(ctx, s.code, [{ text: ctx.t("desk-moved-meanwhile", { code: s.code, status: raw(labelOf(ctx, s, s.status)), who }) }]);
}

/** The step after a status button: the move is checked at once, then the note for the enterprise (optional). */
async function askStatusNote(ctx: Ctx, code: string, from: StatusId, to: StatusId): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return say(ctx.t("sub-code-unknown", { code }));
  if (s.status !== from) return movedMeanwhile(ctx, s);
  const check = checkTransition(s.programme, s.status, to);
  if (!check.ok) return refusal(ctx, s, to, check.allowed);
  return {
    messages: [
      {
        text: ctx.t(to === "needs-supplement" ? "desk-ask-status-note-supplement" : "desk-ask-status-note", {
          code,
          org: s.organisation.name,
          from: raw(labelOf(ctx, s, from)),
          to: raw(labelOf(ctx, s, to)),
          channel: s.owner.channel,
          language: raw(ctx.t(`desk-language-${await ownerLocale(ctx, s)}`)),
          max: MAX_NOTE_LENGTH,
        }),
        buttons: [[{ label: plain(ctx.t("desk-button-move-now")), data: caseStepButton.encode(["go"]) }], cancelButton(ctx)],
      },
    ],
    dialog: ctx.begin(STATUS_FLOW, { code, from, to }),
  };
}

/**
 * Moves the submission (the workflow service checks the transition and that nobody moved it
 * meanwhile), then — only once that is written — notifies the enterprise and records how that went.
 */
async function move(ctx: Ctx, actor: OfficialActor, code: string, from: StatusId, to: StatusId, note: string | null): Promise<Turn> {
  const result = await ctx.services.workflow.move(code, to, actor, ctx.now, note, from);
  if (!result.ok) {
    switch (result.reason) {
      case "not-found":
        return { ...say(ctx.t("sub-code-unknown", { code })), dialog: null };
      case "stale":
        return { ...(await movedMeanwhile(ctx, result.submission)), dialog: null };
      case "same":
      case "not-allowed":
        return { ...refusal(ctx, result.submission, to, result.allowed), dialog: null };
    }
  }
  const { submission, change } = result;
  // Built now, in the enterprise's language; sent only after the commit.
  const notice = await statusNotice(ctx, submission, change);
  return {
    messages: [{ text: ctx.t("desk-moved", { code, org: submission.organisation.name, to: raw(labelOf(ctx, submission, to)) }) }],
    dialog: null,
    afterCommit: async () => {
      const told = await deliverStatusNotice(ctx, submission, change, notice);
      const view = await caseView(ctx, (await ctx.services.submissions.get(code)) ?? submission);
      return [...told, { text: view.text, buttons: view.buttons }];
    },
  };
}

async function forward(ctx: Ctx, code: string, which: number | "all"): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s) return say(ctx.t("sub-code-unknown", { code }));
  const docs = which === "all" ? s.documents : s.documents[which] ? [s.documents[which]] : [];
  if (docs.length === 0) return show(ctx, code, [{ text: ctx.t("desk-document-gone") }]);
  return {
    messages: docs.map((d) => ({ text: ctx.t("desk-document-caption", { code, name: d.file.name, date: d.addedAt.slice(0, 10) }), attachment: { kind: "stored" as const, file: d.file } })),
  };
}

async function listPending(ctx: Ctx): Promise<Turn> {
  const waiting = await pendingContacts(ctx.services.submissionRecords);
  if (waiting.length === 0) return say(ctx.t("desk-pending-none"));
  const shown = waiting.slice(0, 20);
  return say(joinMarkup([ctx.t("desk-pending-list", { count: waiting.length }), ...shown.map((s) => caseLine(ctx, s))]), shown.map(resultButton));
}

/**
 * Presses of `hs:` buttons, decoded by their codec (code and statuses well-formed). The role was
 * checked by the dispatcher for this press and is asked again here.
 */
async function onCaseButton(ctx: Ctx, value: CaseButton): Promise<Turn> {
  const actor = await actingAs(ctx);
  if (!actor) return invalidButton(ctx);
  switch (value[0]) {
    case "pc":
      return listPending(ctx);
    case "f":
      return askQuery(ctx);
    case "v":
      return show(ctx, value[1]);
    case "s":
      return askStatusNote(ctx, value[1], value[2], value[3]);
    case "n": {
      const code = value[1];
      if (!(await ctx.services.submissions.get(code))) return say(ctx.t("sub-code-unknown", { code }));
      return { ...say(ctx.t("desk-ask-note", { code, max: MAX_NOTE_LENGTH }), [cancelButton(ctx)]), dialog: ctx.begin(NOTE_FLOW, { code }) };
    }
    case "ca":
    case "cd": {
      const [verb, code] = value;
      const result = await ctx.services.workflow.resolveContact(code, verb === "ca", actor, ctx.now);
      if (!result.ok) return show(ctx, code, [{ text: ctx.t(result.error.key, result.error.args) }]);
      return show(ctx, code, [{ text: ctx.t(verb === "ca" ? "desk-contact-accepted" : "desk-contact-dismissed", { code }) }]);
    }
    case "d":
      return forward(ctx, value[1], value[2]);
    case "da":
      return forward(ctx, value[1], "all");
  }
}

export const caseRoute: ButtonRoute<Services> = buttonRoute({ codec: caseButton, audience: "official", handle: onCaseButton });
export const caseQueueRoute: ButtonRoute<Services> = queueRoute(viewData, searchButton);

/** After /hoso alone: the next text is what to look for. */
export const findFlow: FlowHandler<Services> = {
  id: FIND_FLOW,
  audience: "official",
  buttons: [caseStepButton],
  async onEvent(ctx, event) {
    if (!(await actingAs(ctx))) return { ...invalidButton(ctx), dialog: null };
    if (event.kind === "text") return found(ctx, event.text);
    if (event.kind === "button") return { ...say(ctx.t("desk-cancelled")), dialog: null };
    return say(ctx.t("desk-ask-query"), [cancelButton(ctx)]);
  },
};

/** After a status button: a note typed here goes to the enterprise with the notice; the button moves without one. */
export const statusFlow: FlowHandler<Services> = {
  id: STATUS_FLOW,
  audience: "official",
  buttons: [caseStepButton],
  async onEvent(ctx, event, dialog) {
    const actor = await actingAs(ctx);
    if (!actor) return { ...invalidButton(ctx), dialog: null };
    const step = statusStepSchema.safeParse(dialog.data);
    if (!step.success) return { ...say(ctx.t("desk-cancelled")), dialog: null };
    const { code, from, to } = step.data;
    if (event.kind === "button") {
      if (caseStepButton.decode(event.data)?.[0] === "go") return move(ctx, actor, code, from, to, null);
      return { ...say(ctx.t("desk-cancelled"), [viewButton(ctx, code)]), dialog: null };
    }
    if (event.kind !== "text") return askStatusNote(ctx, code, from, to);
    const note = event.text.trim();
    if (note.length > MAX_NOTE_LENGTH) return say(ctx.t("desk-note-too-long", { max: MAX_NOTE_LENGTH }), [cancelButton(ctx)]);
    return move(ctx, actor, code, from, to, note || null);
  },
};

/** After the note button: the next text is an internal note (the enterprise does not see it). */
export const noteFlow: FlowHandler<Services> = {
  id: NOTE_FLOW,
  audience: "official",
  buttons: [caseStepButton],
  async onEvent(ctx, event, dialog) {
    const actor = await actingAs(ctx);
    if (!actor) return { ...invalidButton(ctx), dialog: null };
    const step = noteStepSchema.safeParse(dialog.data);
    if (!step.success) return { ...say(ctx.t("desk-cancelled")), dialog: null };
    const { code } = step.data;
    if (event.kind === "button") return { ...say(ctx.t("desk-cancelled"), [viewButton(ctx, code)]), dialog: null };
    if (event.kind !== "text") return say(ctx.t("desk-ask-note", { code, max: MAX_NOTE_LENGTH }), [cancelButton(ctx)]);
    const result = await ctx.services.workflow.addNote(code, event.text, actor, ctx.now);
    if (!result.ok) return say(ctx.t(result.error.key, result.error.args), [cancelButton(ctx)]);
    return show(ctx, code, [{ text: ctx.t("desk-note-saved", { code }) }]);
  },
};
