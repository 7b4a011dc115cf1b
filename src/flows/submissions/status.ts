import { commandButton } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { joinMarkup, toPlainText } from "../../core/markup.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";
import type { Ctx } from "../context.js";
import { fullDetails, publicStatus } from "../registration/describe.js";
import { isOpen } from "../../domain/statuses.js";
import { checklistFor, checklistOfCtx } from "./checklist-view.js";
import { fileRules, itemButton } from "./dossier-item.js";
import { supplementRequest } from "./supplement-request.js";

/**
 * /tracuu GT-2026-0042: anyone holding the code sees the status and its date, nothing personal
 * (not the official's note, which may name what the enterprise lacks).
 * /tracuu alone: the user's own submissions (on this channel) with everything they gave, and for
 * one waiting for documents, what the unit asked for first.
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
  // What the unit asked for comes first, for the holder who missed the notice.
  const parts = own.flatMap((s) => {
    const list = checklistOfCtx(ctx, s);
    const asked = supplementRequest(ctx, s);
    return [...(asked ? [asked] : []), fullDetails(ctx, s), ...(list ? [list] : [])];
  });
  const unsorted = own.filter((s) => isOpen(s.programme, s.status) && (checklistFor(ctx, s)?.unassigned ?? 0) > 0);
  const buttons = unsorted.slice(0, 5).map((s) => [{ label: toPlainText(ctx.t("item-button-sort", { code: s.code })), data: itemButton.encode(["s", s.code]) }]);
  return say(joinMarkup([ctx.t("sub-own-intro", { count: own.length }), ...parts, fileRules(ctx), ctx.t("sub-own-footer")], "\n\n"), buttons.length ? buttons : undefined);
}
