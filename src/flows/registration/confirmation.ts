import { raw } from "../../core/i18n.js";
import { joinMarkup, type Markup } from "../../core/markup.js";
import type { OutboundMessage } from "../../core/types.js";
import { formatDate } from "../../domain/dates.js";
import { holds, type Submission } from "../../domain/submission.js";
import { dossierDeadline } from "../../domain/timeline.js";
import type { Ctx } from "../context.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { unitContact } from "../unit-contact.js";
import { dossierList } from "../submissions/dossier-list.js";
import { fileRules } from "../submissions/dossier-item.js";
import { lastStatusChange, programmeName, statusLabel } from "./describe.js";

/** What a registration answers once it is written: the code, the next steps, the deadline, how to look it up. */
export function confirmation(ctx: Ctx, s: Submission): OutboundMessage[] {
  const deadline = dossierDeadline(ctx.services.province.timeline, s.programme, s.awardYear);
  const parts: Markup[] = [
    ctx.t(s.programme === "gtclqg" ? "reg-done-gtclqg" : "reg-done-nscl", { code: s.code, year: String(s.awardYear), org: s.organisation.name }),
    s.programme === "gtclqg" ? dossierList(ctx.t, ctx.locale, ctx.services.dossierItems, s) : ctx.t("reg-next-nscl", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) }),
    fileRules(ctx),
    deadline
      ? ctx.t("reg-deadline-known", { date: formatDate(deadline, ctx.locale), unit: raw(unitDisplayName(ctx.services.province, ctx.t)) })
      : ctx.t("reg-deadline-unknown", { year: String(s.awardYear), contact: raw(unitContact(ctx)) }),
  ];
  if (s.documents.length) parts.push(ctx.t("reg-documents-attached", { count: s.documents.length }));
  parts.push(ctx.t("reg-lookup-howto", { code: s.code }));
  return [{ text: joinMarkup(parts, "\n\n"), buttons: ctx.menu() }];
}

/**
 * The same tax code is registered already for this programme and year. A tax code is public, so
 * anyone but a holder learns only that a registration exists and whom to ask — not its code,
 * status or date (a code is what `/lienket` and `/tracuu` start from).
 */
export function duplicateNotice(ctx: Ctx, existing: Submission): Markup {
  if (!holds(existing, ctx.userKey)) {
    return ctx.t("reg-duplicate-other", {
      taxCode: existing.organisation.taxCode,
      year: String(existing.awardYear),
      programme: raw(programmeName(ctx, existing)),
      contact: raw(unitContact(ctx)),
    });
  }
  return ctx.t("reg-duplicate", {
    taxCode: existing.organisation.taxCode,
    code: existing.code,
    year: String(existing.awardYear),
    programme: raw(programmeName(ctx, existing)),
    status: raw(statusLabel(ctx, existing)),
    date: formatDate(lastStatusChange(existing).slice(0, 10), ctx.locale),
  });
}
