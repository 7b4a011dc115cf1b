import { say, type Turn } from "../core/feature.js";
import { raw } from "../core/i18n.js";
import { unitDisplayName } from "../knowledge/province.js";
import { joinMarkup } from "../core/markup.js";
import type { Button } from "../core/types.js";
import { awardYearFor } from "../domain/award-year.js";
import { addMonths, formatDate, formatPartialDate, type PartialDate } from "../domain/dates.js";
import { MIN_OPERATION_MONTHS } from "../domain/eligibility.js";
import { foundingEligibility } from "../domain/founding-question.js";
import { cycleFor } from "../domain/timeline.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import type { Ctx } from "./context.js";
import { askPersonRow } from "./handoff/buttons.js";
import { registerButtonRow } from "./kb-actions.js";
import { entryButton } from "./kb-buttons.js";

/**
 * The day the 36 months are counted to: the end of this award year's registration in the
 * province profile when it is known and not past, else today (Vietnam time).
 */
export function referenceDay(ctx: Ctx): { date: string; year: number | null } {
  const { timeline } = ctx.services.province;
  const today = todayInVietnam(ctx.now);
  const year = awardYearFor(timeline, "gtclqg", ctx.now);
  const end = cycleFor(timeline, "gtclqg", year)?.phases.find((p) => p.id === "registration")?.end ?? null;
  return end !== null && end >= today ? { date: end, year } : { date: today, year: null };
}

/** "Thành lập tháng 3/2024, có đủ điều kiện dự giải không?": computed against the 36-month rule, with the rule and its source. */
export function foundingTurn(ctx: Ctx, founded: PartialDate): Turn {
  const { locale } = ctx;
  const ref = referenceDay(ctx);
  const reference = ref.year === null
    ? ctx.t("founding-reference-today", { date: formatDate(ref.date, locale) })
    : ctx.t("founding-reference-registration", { date: formatDate(ref.date, locale), year: String(ref.year) });
  const foundedText = formatPartialDate(founded, locale);
  const result = foundingEligibility(founded, ref.date);
  let verdict;
  if (result.kind === "eligible") verdict = ctx.t("founding-eligible", { founded: foundedText, reference });
  else if (result.kind === "depends") {
    verdict = ctx.t("founding-depends", { founded: foundedText, reference, cutoff: formatDate(addMonths(ref.date, -MIN_OPERATION_MONTHS), locale), latest: formatDate(result.latest, locale) });
  } else if (founded.precision === "day") {
    verdict = ctx.t("founding-not-yet-day", { founded: foundedText, reference, from: formatDate(result.earliest, locale) });
  } else {
    const from = formatPartialDate({ date: result.earliest, precision: founded.precision }, locale);
    verdict = ctx.t(founded.precision === "month" ? "founding-not-yet-month" : "founding-not-yet-year", { founded: foundedText, reference, from, latest: formatDate(result.latest, locale) });
  }
  const text = joinMarkup(
    [ctx.t("founding-title", { founded: foundedText }), verdict, ctx.t("founding-rule"), ctx.t("founding-note", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) })],
    "\n\n",
  );
  const { kb } = ctx.services;
  const rows: Button[][] = [];
  if (result.kind !== "not-yet") rows.push(registerButtonRow(ctx, "gtclqg"));
  for (const id of ["gt-dieu-kien", "gt-12-thang-san-pham"]) {
    const entry = kb.entry(id);
    if (entry) rows.push(entryButton(ctx, entry, "➜ "));
  }
  rows.push(askPersonRow(ctx));
  return say(text, rows);
}
