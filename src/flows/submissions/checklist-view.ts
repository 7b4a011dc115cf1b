import { raw } from "../../core/i18n.js";
import { esc, joinMarkup, type Markup } from "../../core/markup.js";
import type { Locale } from "../../core/types.js";
import { checklistOf, type Checklist } from "../../domain/dossier-checklist.js";
import type { Submission } from "../../domain/submission.js";
import type { Ctx } from "../context.js";

type T = (key: string, args?: Parameters<Ctx["t"]>[1]) => Markup;

/** The checklist of a GTCLQG submission (null for NSCL, which has none). */
export function checklistFor(ctx: Ctx, s: Submission): Checklist | null {
  return s.programme === "gtclqg" ? checklistOf(ctx.services.dossierItems, s) : null;
}

/** The checklist as its holder and the officials read it: one line per item with its state, files and the official's note. */
export function checklistText(t: T, locale: Locale, s: Submission, list: Checklist): Markup {
  const lines: Markup[] = [t("checklist-head", { code: s.code })];
  for (const row of list.rows) {
    const name = row.item.required ? esc(row.item.name[locale]) : t("checklist-optional", { name: row.item.name[locale] });
    const args = { name: raw(name), files: row.files, state: raw(t(`checklist-state-${row.state}`)) };
    lines.push(row.note ? t("checklist-line-note", { ...args, note: row.note }) : t("checklist-line", args));
  }
  if (list.unassigned) lines.push(t("checklist-unassigned", { count: list.unassigned }));
  lines.push(t(list.complete ? "checklist-complete" : "checklist-incomplete"));
  if (!list.published) lines.push(t("checklist-not-published"));
  return joinMarkup(lines);
}

export const checklistOfCtx = (ctx: Ctx, s: Submission): Markup | null => {
  const list = checklistFor(ctx, s);
  return list ? checklistText((k, a) => ctx.t(k, a), ctx.locale, s, list) : null;
};
