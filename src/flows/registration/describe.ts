import { raw } from "../../core/i18n.js";
import { esc, joinMarkup, type Markup } from "../../core/markup.js";
import { formatDate, formatPartialDate } from "../../domain/dates.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { formatMoney } from "../../domain/money.js";
import { formatPhone } from "../../domain/phone.js";
import { PROGRAMME_INFO } from "../../domain/programmes.js";
import { statusInfo } from "../../domain/statuses.js";
import type { Address } from "../../domain/address.js";
import type { Submission } from "../../domain/submission.js";
import { fold } from "../../domain/text.js";
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

/** An address as typed, with the province added when it is not in the text, and a mark on an old (pre-2025) address. */
export function showAddress(ctx: Ctx, a: Address): Markup {
  const parts = [esc(a.text)];
  if (a.province && !fold(a.text).includes(fold(a.province))) parts.push(ctx.t("reg-address-province", { province: a.province }));
  if (a.legacy) parts.push(ctx.t("reg-address-legacy"));
  return joinMarkup(parts, " ");
}

const line = (ctx: Ctx, labelKey: string, value: Markup | string | null): Markup | null =>
  value === null ? null : ctx.t("form-summary-line", { label: raw(ctx.t(labelKey)), value: typeof value === "string" ? value : raw(value) });

/** Everything stored about one submission, for its owner. */
export function fullDetails(ctx: Ctx, s: Submission): Markup {
  const o = s.organisation;
  const money = (v: number | null) => (v === null ? null : formatMoney(v, ctx.locale));
  const supportNames = s.support?.kinds.map((id) => ctx.services.supportKinds.find((k) => k.id === id)?.name[ctx.locale] ?? id).join(", ") ?? null;
  const contact = s.contact
    ? ctx.t("sub-contact-value", { name: s.contact.name, position: s.contact.position, phone: formatPhone(s.contact.phone), email: s.contact.email })
    : s.contactRemovedAt
      ? ctx.t("sub-contact-removed", { date: formatDate(s.contactRemovedAt.slice(0, 10), ctx.locale) })
      : null;
  const lines = [
    ctx.t("sub-details-head", { code: s.code, programme: raw(programmeName(ctx, s)), year: String(s.awardYear) }),
    line(ctx, "sub-field-status", ctx.t("sub-status-since", { status: raw(statusLabel(ctx, s)), date: formatDateTime(lastStatusChange(s), ctx.locale) })),
    line(ctx, "reg-field-org-name", o.name),
    line(ctx, "reg-field-tax-code", o.taxCode),
    line(ctx, "reg-field-org-type", ctx.t(`reg-org-type-${o.type}`)),
    o.foundedOn ? line(ctx, "reg-field-founded", formatPartialDate(o.foundedOn, ctx.locale)) : null,
    line(ctx, "reg-field-address", showAddress(ctx, o.address)),
    o.sectorGroup ? line(ctx, "reg-field-sector", ctx.t(`reg-sector-${o.sectorGroup}`)) : null,
    o.vsic ? line(ctx, "reg-field-vsic", ctx.t(`vsic2018-${o.vsic.slice(-1).toLowerCase()}`)) : null,
    o.employees !== null ? line(ctx, "reg-field-employees", String(o.employees)) : null,
    line(ctx, "reg-field-revenue", money(o.revenueVnd)),
    line(ctx, "reg-field-capital", money(o.capitalVnd)),
    o.sizeClass ? line(ctx, "sub-field-size", ctx.t(`size-${o.sizeClass}`)) : null,
    s.award ? line(ctx, "reg-field-product", s.award.product) : null,
    s.award ? line(ctx, "reg-field-market-since", formatPartialDate(s.award.onMarketSince, ctx.locale)) : null,
    s.award
      ? line(ctx, "reg-field-certs", s.award.certificates.length ? esc(s.award.certificates.map((c) => (c === "other" && s.award?.certificatesOther ? s.award.certificatesOther : ctx.t(`cert-${c}`))).join(", ")) : ctx.t("form-none-chosen"))
      : null,
    supportNames !== null ? line(ctx, "reg-field-support-kinds", supportNames) : null,
    s.support ? line(ctx, "reg-field-need", s.support.need) : null,
    line(ctx, "sub-field-contact", contact),
    s.pendingContact ? line(ctx, "sub-field-pending-contact", ctx.t("sub-pending-contact", { date: formatDate(s.pendingContact.at.slice(0, 10), ctx.locale) })) : null,
    line(ctx, "reg-field-documents", s.documents.length ? esc(s.documents.map((d) => d.file.name).join(", ")) : ctx.t("form-no-files")),
    line(ctx, "reg-field-consent", ctx.t("form-consent-given", { at: formatDateTime(s.consentAt, ctx.locale) })),
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
