import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../../core/button-data.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { actorName } from "../../domain/actor-name.js";
import { formatPhone } from "../../domain/phone.js";
import { statusIdSchema, statusInfo, type StatusId } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import { TRACKING_CODE_PATTERN } from "../../domain/tracking-code.js";
import { allowedNext } from "../../domain/workflow.js";
import type { AuditEntry } from "../../domain/records/audit-entry.js";
import { KNOWN_ACTIONS } from "../../services/export.js";
import type { Ctx } from "../context.js";
import { attachedProfile } from "../self-check/result.js";
import { fullDetails, programmeName, statusLabel } from "../registration/describe.js";
import { checklistOfCtx } from "../submissions/checklist-view.js";
import { checklistButtons } from "./checklist-buttons.js";
import { queueStartData } from "./queue.js";

export const codeSchema = z.string().regex(TRACKING_CODE_PATTERN);

/**
 * The case view's buttons, re-checked on every press: `hs:pc` (pending contacts), `hs:f` (search again), `hs:v|n|ca|cd|da:<code>`
 * (view, note, accept or dismiss a contact change, all documents), `hs:s:<code>:<from>:<to>` (move),
 * `hs:d:<code>:<index>` (one document).
 */
export const caseButton = buttonCodec(
  "hs",
  z.union([
    z.tuple([z.enum(["pc", "f"])]),
    z.tuple([z.enum(["v", "n", "ca", "cd", "da"]), codeSchema]),
    z.tuple([z.literal("s"), codeSchema, statusIdSchema, statusIdSchema]),
    z.tuple([z.literal("d"), codeSchema, digits(3)]),
  ]),
);
export type CaseButton = ButtonValue<typeof caseButton>;

/** Buttons of the note and status-change steps while one is open: `hsf:go` (move without a note), `hsf:x` (cancel). */
export const caseStepButton = buttonCodec("hsf", z.tuple([z.enum(["go", "x"])]));

/** Newest entries shown under a case; the export has them all. */
const HISTORY_SHOWN = 15;
/** Document buttons shown; beyond that, one button sends them all. */
const DOCUMENT_BUTTONS = 8;

export const plain = (m: Markup): string => toPlainText(m);

export function labelOf(ctx: Ctx, s: Pick<Submission, "programme">, status: string | null): Markup {
  if (status === null) return ctx.t("desk-status-none");
  const info = statusInfo(s.programme, status as StatusId);
  return info ? ctx.t(info.labelKey) : ctx.t("status-unknown");
}

/**
 * A person as officials read them (`actorName`): an official's name, the enterprise's contact, or
 * "<role> #tag" — never an account id. `role` words the fallback.
 */
export function personName(ctx: Ctx, userKey: string | null, role: string, names: ReadonlyMap<string, string>, s?: Submission): string {
  return actorName({ userKey }, { names, ...(s ? { submission: s } : {}), unnamed: (tag) => `${plain(ctx.t(`export-role-${role}`))} #${tag}` });
}

function actorOf(ctx: Ctx, s: Submission, e: AuditEntry, names: ReadonlyMap<string, string>): Markup {
  return ctx.t("desk-actor", { who: personName(ctx, e.actor.userKey, e.actor.role, names, s), role: raw(ctx.t(`export-role-${e.actor.role}`)) });
}

/** One line of the audit trail, as an official reads it; `names`: officials' names by user key. */
export function auditLine(ctx: Ctx, s: Submission, e: AuditEntry, names: ReadonlyMap<string, string> = new Map()): Markup {
  const at = formatDateTime(e.at, ctx.locale);
  const who = raw(actorOf(ctx, s, e, names));
  switch (e.action) {
    case "status":
      return e.note
        ? ctx.t("desk-log-status-note", { at, who, from: raw(labelOf(ctx, s, e.from)), to: raw(labelOf(ctx, s, e.to)), note: e.note })
        : ctx.t("desk-log-status", { at, who, from: raw(labelOf(ctx, s, e.from)), to: raw(labelOf(ctx, s, e.to)) });
    case "note":
      return ctx.t("desk-log-note", { at, who, note: e.note ?? "" });
    case "notice-sent":
    case "notice-failed":
      return ctx.t(e.action === "notice-sent" ? "desk-log-notice-sent" : "desk-log-notice-failed", { at, detail: e.detail ?? "" });
    default:
      // Actions of other features (whose labels this desk does not know) are shown by their name.
      const action = KNOWN_ACTIONS.has(e.action) ? raw(ctx.t(`export-action-${e.action}`)) : e.action;
      return e.detail ? ctx.t("desk-log-other-detail", { at, who, action, detail: e.detail }) : ctx.t("desk-log-other", { at, who, action });
  }
}

/** Everything an official needs about one case, with buttons for what may be done next. */
export async function caseView(ctx: Ctx, s: Submission): Promise<{ text: Markup; buttons: Button[][] }> {
  const parts: Markup[] = [fullDetails(ctx, s)];
  const log = await ctx.services.audit.about(s.code);
  const shown = log.slice(-HISTORY_SHOWN);
  const people = [...shown.map((e) => e.actor.userKey), s.pendingContact?.by ?? null].filter((k): k is string => k !== null);
  const names = await ctx.services.users.names(people);
  const checklist = checklistOfCtx(ctx, s);
  if (checklist) parts.push(checklist);
  if (s.pendingContact) {
    const p = s.pendingContact;
    parts.push(
      ctx.t("desk-pending-contact", {
        name: p.contact.name,
        position: p.contact.position,
        phone: formatPhone(p.contact.phone),
        email: p.contact.email,
        by: personName(ctx, p.by, "enterprise", names, s),
        date: formatDateTime(p.at, ctx.locale),
      }),
    );
  }
  // Only a result its owner chose to attach to this submission; never any other.
  const selfCheck = await ctx.services.selfCheck.attachedTo(s);
  if (selfCheck) parts.push(attachedProfile(ctx, selfCheck));
  if (log.length) {
    parts.push(joinMarkup([ctx.t("desk-log-head", { shown: shown.length, total: log.length }), ...shown.map((e) => auditLine(ctx, s, e, names))]));
  }
  const next = allowedNext(s.programme, s.status);
  parts.push(
    next.length
      ? ctx.t("desk-next-states", { states: raw(joinMarkup(next.map((id) => labelOf(ctx, s, id)), ", ")) })
      : ctx.t("desk-final", { status: raw(statusLabel(ctx, s)) }),
  );

  const buttons: Button[][] = next.map((to) => [{ label: plain(ctx.t("desk-button-move", { status: raw(labelOf(ctx, s, to)) })), data: caseButton.encode(["s", s.code, s.status, to]) }]);
  buttons.push(...checklistButtons(ctx, s));
  buttons.push([{ label: plain(ctx.t("desk-button-note")), data: caseButton.encode(["n", s.code]) }]);
  if (s.pendingContact) {
    buttons.push([
      { label: plain(ctx.t("desk-button-contact-accept")), data: caseButton.encode(["ca", s.code]) },
      { label: plain(ctx.t("desk-button-contact-dismiss")), data: caseButton.encode(["cd", s.code]) },
    ]);
  }
  s.documents.slice(0, DOCUMENT_BUTTONS).forEach((d, i) => buttons.push([{ label: plain(ctx.t("desk-button-document", { name: d.file.name.slice(0, 40) })), data: caseButton.encode(["d", s.code, i]) }]));
  if (s.documents.length > 1) buttons.push([{ label: plain(ctx.t("desk-button-documents-all", { count: s.documents.length })), data: caseButton.encode(["da", s.code]) }]);
  buttons.push([
    { label: plain(ctx.t("queue-button-search")), data: caseButton.encode(["f"]) },
    { label: plain(ctx.t("queue-button-list")), data: queueStartData() },
  ]);
  return { text: joinMarkup(parts, "\n\n"), buttons };
}

/** A search result: code, organisation, status — one button each. */
export function resultButton(s: Submission): Button[] {
  const label = `${s.code} · ${s.organisation.name}`.slice(0, 60);
  return [{ label, data: caseButton.encode(["v", s.code]) }];
}

export function caseLine(ctx: Ctx, s: Submission): Markup {
  return ctx.t("desk-result-line", { code: s.code, org: s.organisation.name, programme: raw(programmeName(ctx, s)), year: String(s.awardYear), status: raw(statusLabel(ctx, s)) });
}
