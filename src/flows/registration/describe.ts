import { raw } from "../../core/i18n.js";
import { joinMarkup, type Markup } from "../../core/markup.js";
import { formatDate } from "../../domain/dates.js";
import { fieldLines } from "../../domain/fields/derive.js";
import { line, type Reader } from "../../domain/fields/field.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { PROGRAMME_INFO } from "../../domain/programmes.js";
import { statusInfo } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import type { Ctx } from "../context.js";

export function statusLabel(ctx: Ctx, s: Pick<Submission, "programme" | "status">): Markup {
  return ctx.t(statusInfo(s.programme, s.status)?.labelKey ?? "status-unknown");
}

export function programmeName(ctx: Ctx, s: Pick<Submission, "programme">): Markup {
  return ctx.t(PROGRAMME_INFO[s.programme].nameKey);
}

/** When the status last changed (what a code holder may see). */
export function lastStatusChange(s: Submission): string {
  return s.statusHistory[s.statusHistory.length - 1]!.at;
}

/** What anyone holding the code may see: programme, year, status and its date — no personal data. */
export function publicStatus(ctx: Ctx, s: Submission): Markup {
  return ctx.t("sub-public-status", {
    code: s.code,
    programme: raw(programmeName(ctx, s)),
    year: String(s.awardYear),
    status: raw(statusLabel(ctx, s)),
    date: formatDate(lastStatusChange(s).slice(0, 10), ctx.locale),
  });
}

/** How a turn reads the stored fields: its texts, and the support kinds by name in its language. */
export function readerOf(ctx: Ctx): Reader {
  return { locale: ctx.locale, t: (key, args) => ctx.t(key, args), supportKindName: (id) => ctx.services.supportKinds.find((k) => k.id === id)?.name[ctx.locale] ?? id };
}

/** Everything stored about one submission, for its owner (and the officials' case view): the fields as declared, between status and history. */
export function fullDetails(ctx: Ctx, s: Submission): Markup {
  const lines = [
    ctx.t("sub-details-head", { code: s.code, programme: raw(programmeName(ctx, s)), year: String(s.awardYear) }),
    line(ctx, "sub-field-status", ctx.t("sub-status-since", { status: raw(statusLabel(ctx, s)), date: formatDateTime(lastStatusChange(s), ctx.locale) })),
    ...fieldLines(s, readerOf(ctx)),
    line(
      ctx,
      "sub-field-history",
      joinMarkup(
        s.statusHistory.map((h) =>
          ctx.t("sub-history-line", { date: formatDateTime(h.at, ctx.locale), status: raw(statusLabel(ctx, { programme: s.programme, status: h.to })) }),
        ),
        "; ",
      ),
    ),
  ];
  return joinMarkup(lines.filter((l): l is Markup => l !== null));
}
