import { raw } from "../../core/i18n.js";
import { joinMarkup, type Markup } from "../../core/markup.js";
import type { DeliveryOutcome } from "../../core/outbox.js";
import type { Locale, OutboundMessage } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { formatPhone } from "../../domain/phone.js";
import { PROGRAMME_INFO } from "../../domain/programmes.js";
import { statusInfo } from "../../domain/statuses.js";
import type { StatusChange, Submission } from "../../domain/submission.js";
import { AUDIT_ACTIONS } from "../../domain/records/audit-entry.js";
import { checklistOf, outstanding, type DossierItems } from "../../domain/dossier-checklist.js";
import { DOSSIER_FILE_MAX_MB, DOSSIER_FILE_TYPE_LIST } from "../../domain/dossier-file.js";
import type { Ctx } from "../context.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { unitContactText } from "../../services/unit-contact.js";

/** The enterprise's language now (it may have switched since registering), else the one it registered in. */
export async function ownerLocale(ctx: Ctx, s: Submission): Promise<Locale> {
  return (await ctx.services.users.get(s.owner.userKey))?.locale ?? s.owner.locale;
}

/** The unit and its contacts in `locale`; a contact not filled in is "not updated yet", never guessed. */
function unitContactIn(ctx: Ctx, locale: Locale): Markup {
  return unitContactText((key, args) => ctx.tIn(locale, key, args), ctx.services.province);
}

/**
 * What the enterprise is told when an official moves its submission, in its own language: the new
 * status, what it means and what to do next (for `cần bổ sung`, the dossier list), the official's
 * note as typed (escaped), and whom to ask.
 */
export async function statusNotice(ctx: Ctx, s: Submission, change: StatusChange): Promise<OutboundMessage[]> {
  const locale = await ownerLocale(ctx, s);
  const t = (key: string, args?: Parameters<Ctx["t"]>[1]) => ctx.tIn(locale, key, args);
  const parts: Markup[] = [
    t("notice-head", { code: s.code, programme: raw(t(PROGRAMME_INFO[s.programme].nameKey)), year: String(s.awardYear), org: s.organisation.name }),
    t("notice-status", { status: raw(t(statusInfo(s.programme, change.to)?.labelKey ?? "status-unknown")), date: formatDateTime(change.at, locale) }),
    t(`notice-${s.programme}-${change.to}`, { unit: raw(unitDisplayName(ctx.services.province, t)) }),
  ];
  // The official's own note first; for "cần bổ sung" of an award dossier, then exactly the items to supplement.
  if (change.note) parts.push(t("notice-note", { note: change.note }));
  if (s.programme === "gtclqg" && change.to === "needs-supplement") parts.push(...supplementParts(t, locale, ctx.services.dossierItems, s));
  parts.push(t("notice-footer", { code: s.code, contact: raw(unitContactIn(ctx, locale)) }));
  return [{ text: joinMarkup(parts, "\n\n") }];
}

/**
 * The items marked "cần bổ sung" with the official's notes; when none is marked, the required
 * items not sent yet; then the file rule. Nothing else: the enterprise is not sent the whole list.
 */
function supplementParts(t: (key: string, args?: Parameters<Ctx["t"]>[1]) => Markup, locale: Locale, items: DossierItems, s: Submission): Markup[] {
  const list = checklistOf(items, s);
  const marked = list.rows.filter((r) => r.state === "needs-more");
  const rows = marked.length ? marked : outstanding(list);
  const parts: Markup[] = [];
  if (rows.length) {
    const lines = rows.map((r) => (r.note ? t("notice-item-note", { name: r.item.name[locale], note: r.note }) : t("notice-item", { name: r.item.name[locale] })));
    parts.push(joinMarkup([t(marked.length ? "notice-items-more" : "notice-items-missing"), ...lines]));
  }
  if (rows.length && !list.published) parts.push(t("checklist-not-published"));
  parts.push(t("file-rules", { types: DOSSIER_FILE_TYPE_LIST, max: DOSSIER_FILE_MAX_MB }));
  return parts;
}

/** Why a notice did not go, in the official's words. */
function reasonOf(ctx: Ctx, outcome: Exclude<DeliveryOutcome, { ok: true }>): Markup {
  switch (outcome.reason) {
    case "blocked":
      return ctx.t("desk-notice-blocked");
    case "unreachable":
      return ctx.t("desk-notice-unreachable", { detail: outcome.detail ?? "" });
    case "rate-limited":
      return ctx.t("desk-notice-rate-limited", { seconds: outcome.retryAfterSeconds });
    case "failed":
      return ctx.t("desk-notice-failed", { detail: outcome.detail });
  }
}

function detailOf(s: Submission, outcome: DeliveryOutcome): string {
  if (outcome.ok) return s.owner.channel;
  const extra = outcome.reason === "unreachable" ? (outcome.detail ?? "") : outcome.reason === "failed" ? outcome.detail : outcome.reason === "rate-limited" ? `retry after ${outcome.retryAfterSeconds} s` : "";
  return `${s.owner.channel}: ${outcome.reason}${extra ? ` (${extra})` : ""}`.slice(0, 500);
}

/**
 * Sends the notice on the enterprise's channel — called only once the status change is on disk —
 * and records the outcome in the audit log (committed by the runner right after). A failed
 * delivery changes nothing about the status; the official is told, with the contact to call.
 */
export async function deliverStatusNotice(ctx: Ctx, s: Submission, change: StatusChange, messages: OutboundMessage[]): Promise<OutboundMessage[]> {
  const outcome = await ctx.services.outbox.send(s.owner.channel, s.owner.userId, messages);
  // The same enterprise on other channels (linked with the owner's consent) is told too; the
  // official's report is about the owner, whom the dossier names.
  for (const l of s.linked) await ctx.services.outbox.send(l.channel, l.userId, messages);
  await ctx.services.audit.record({
    at: ctx.now.toISOString(),
    action: outcome.ok ? AUDIT_ACTIONS.noticeSent : AUDIT_ACTIONS.noticeFailed,
    actor: { userKey: null, role: "system" },
    subject: s.code,
    to: change.to,
    detail: detailOf(s, outcome),
  });
  if (outcome.ok) return [{ text: ctx.t("desk-notice-sent", { channel: s.owner.channel }) }];
  const contact = s.contact ? `${s.contact.name}, ${formatPhone(s.contact.phone)}, ${s.contact.email}` : null;
  return [
    {
      text: ctx.t("desk-notice-not-sent", {
        reason: raw(reasonOf(ctx, outcome)),
        contact: contact ? contact : raw(ctx.t("desk-no-contact")),
      }),
    },
  ];
}
