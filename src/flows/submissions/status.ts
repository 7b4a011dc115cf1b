import { commandButton } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { joinMarkup, toPlainText } from "../../core/markup.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";
import type { Ctx } from "../context.js";
import { fullDetails, publicStatus } from "../registration/describe.js";

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
  return say(joinMarkup([ctx.t("sub-own-intro", { count: own.length }), ...own.map((s) => fullDetails(ctx, s)), ctx.t("sub-own-footer")], "\n\n"));
}
