import { joinMarkup, type Markup } from "../../core/markup.js";
import { checklistOf, outstanding } from "../../domain/dossier-checklist.js";
import type { Submission } from "../../domain/submission.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import type { Ctx } from "../context.js";

/**
 * What the unit asked for while a submission waits for more documents: the official's note of
 * the latest move to "cần bổ sung" (as typed, escaped) and the items wanted (those marked
 * "cần bổ sung" with their notes; none marked: the required items not sent yet). For the
 * submission's holders only (`/tracuu` alone) — never for someone who merely holds the code.
 * null when the submission is not waiting for documents.
 */
export function supplementRequest(ctx: Ctx, s: Submission): Markup | null {
  if (s.status !== "needs-supplement") return null;
  const request = [...s.statusHistory].reverse().find((c) => c.to === "needs-supplement");
  const parts: Markup[] = [ctx.t("sub-supplement-head", { code: s.code, date: request ? formatDateTime(request.at, ctx.locale) : "" })];
  if (request?.note) parts.push(ctx.t("sub-supplement-note", { note: request.note }));
  if (s.programme === "gtclqg") {
    const list = checklistOf(ctx.services.dossierItems, s);
    const marked = list.rows.filter((r) => r.state === "needs-more");
    const rows = marked.length ? marked : outstanding(list);
    if (rows.length) {
      parts.push(ctx.t(marked.length ? "sub-supplement-items" : "sub-supplement-missing"));
      for (const r of rows) parts.push(r.note ? ctx.t("sub-supplement-item-note", { name: r.item.name[ctx.locale], note: r.note }) : ctx.t("sub-supplement-item", { name: r.item.name[ctx.locale] }));
    }
  }
  return joinMarkup(parts);
}
