import { commandButton } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { joinMarkup, toPlainText } from "../../core/markup.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";
import type { Ctx } from "../context.js";
import { fullDetails, publicStatus } from "../registration/describe.js";
import { isOpen } from "../../domain/statuses.js";
import { checklistFor, checklistOfCtx } from "./checklist-view.js";
import { fileRules, itemButton } from "./dossier-item.js";

/**
 * /tracuu GT-2026-0042: anyone holding the code sees the status and its date, nothing personal.
 * /tracuu alone: the user's own submissions (on this channel) with everything they gave.
 */
export async function lookUp(ctx: Ctx, args: string): Promise<Turn> {
  const typed = args.trim();
  if (typed) {
    const parsed = parseTrackingCode(typed);
    if (!parsed) return say(ctx.t("sub-code-invalid", { example: "GT-2026-0042" }));
    const found = await ctx.services.submissions.get(parsed.code);
    if (!found) return say(ctx.t("sub-code-unknown", { code: parsed.code }));
    return say(publicStatus(ctx, found));
  }
  const own = await ctx.services.submissions.byOwner(ctx.userKey);
  if (own.length === 0) {
    return say(ctx.t("sub-none"), [[{ label: toPlainText(ctx.t("menu-register")), data: commandButton.encode(["dangky"]) }]]);
  }
  // Each award registration with its dossier checklist: only here, for its holders (byOwner), never by a typed code.
  const parts = own.flatMap((s) => {
    const list = checklistOfCtx(ctx, s);
    return list ? [fullDetails(ctx, s), list] : [fullDetails(ctx, s)];
  });
  const unsorted = own.filter((s) => isOpen(s.programme, s.status) && (checklistFor(ctx, s)?.unassigned ?? 0) > 0);
  const buttons = unsorted.slice(0, 5).map((s) => [{ label: toPlainText(ctx.t("item-button-sort", { code: s.code })), data: itemButton.encode(["s", s.code]) }]);
  return say(joinMarkup([ctx.t("sub-own-intro", { count: own.length }), ...parts, fileRules(ctx), ctx.t("sub-own-footer")], "\n\n"), buttons.length ? buttons : undefined);
}
