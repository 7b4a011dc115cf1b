import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../../core/button-data.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup } from "../../core/markup.js";
import { buttonRoute, say, type ButtonRoute, type Turn } from "../../core/feature.js";
import type { Button } from "../../core/types.js";
import { PROGRAMMES, PROGRAMME_INFO, type Programme } from "../../domain/programmes.js";
import { renderBarChart } from "../../services/chart.js";
import { computeStats, defaultStatsYear, yearsWithSubmissions } from "../../services/stats.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { parseDeskArgs } from "./args.js";
import { plain } from "./case-view.js";
import { exportButton } from "./export.js";
import { inboxStatsText, selfCheckStatsText, statsChart, statsText } from "./stats-text.js";
import { inboxFigures } from "../../services/inbox-figures.js";

/** `tk:<programme>[:<year>]`: the figures of another programme or year. */
export const statsButton = buttonCodec("tk", z.tuple([z.enum(PROGRAMMES), digits(4, 4).optional()]));

async function report(ctx: Ctx, programme: Programme, year: number | undefined): Promise<Turn> {
  const { submissionRecords: submissions, province, desk } = ctx.services;
  const chosenYear = year ?? (await defaultStatsYear(submissions, programme, province.timeline, ctx.now));
  const stats = await computeStats(submissions, { programme, year: chosenYear, now: ctx.now, stalledAfterDays: desk.stalledAfterDays, timeline: province.timeline, dossierItems: ctx.services.dossierItems });
  const t = (key: string, args?: Parameters<Ctx["t"]>[1]) => ctx.t(key, args);
  const text = statsText(t, ctx.locale, stats, province.name);
  // The award's readiness self-checks, as aggregates (the programme does not change them).
  const criteria = ctx.services.selfCheck.data.criteria.map((c) => ({ id: c.id, name: c.name[ctx.locale] }));
  const selfChecks = selfCheckStatsText(t, await ctx.services.selfCheck.averages(), criteria);
  const handoff = inboxStatsText(t, await inboxFigures(ctx.services.inbox, ctx.services.feedback, ctx.now));
  const png = await renderBarChart(statsChart(t, ctx.locale, stats, province.name));

  // Switch programme or year; export what is shown.
  const buttons: Button[][] = [];
  const other = PROGRAMMES.filter((p) => p !== programme).map((p) => ({ label: plain(ctx.t("stats-button-programme", { programme: raw(ctx.t(`stats-short-${p}`)) })), data: statsButton.encode([p]) }));
  const years = (await yearsWithSubmissions(submissions, programme))
    .filter((y) => y !== chosenYear)
    .slice(0, 3)
    .map((y) => ({ label: plain(ctx.t("stats-button-year", { year: String(y) })), data: statsButton.encode([programme, y]) }));
  buttons.push([...other, ...years]);
  buttons.push([{ label: plain(ctx.t("stats-button-export")), data: exportButton.encode([programme, chosenYear, "all", "xlsx"]) }]);
  return {
    messages: [
      { text: joinMarkup([text, selfChecks, handoff], "\n\n") },
      {
        text: ctx.t("stats-chart-caption", { programme: raw(ctx.t(PROGRAMME_INFO[programme].nameKey)), year: String(chosenYear) }),
        attachment: { kind: "bytes", name: `thong-ke-${programme}-${chosenYear}.png`, mime: "image/png", bytes: png, asPhoto: true },
        buttons,
      },
    ],
  };
}

/** /thongke (/stats) [gtclqg|nscl] [năm]: figures of one programme and award year, with a chart. */
export async function statsCommand(ctx: Ctx, args: string): Promise<Turn> {
  if (!(await actingAs(ctx))) return unknownCommand(ctx, "thongke");
  const parsed = parseDeskArgs(args, (locale, key) => plain(ctx.tIn(locale, key)));
  if (parsed.unknown.length) return say(ctx.t("stats-usage", { words: parsed.unknown.join(" ") }));
  return report(ctx, parsed.programme ?? "gtclqg", parsed.year);
}

async function onStatsButton(ctx: Ctx, [programme, year]: ButtonValue<typeof statsButton>): Promise<Turn> {
  if (!(await actingAs(ctx))) return invalidButton(ctx);
  return report(ctx, programme, year);
}

export const statsRoute: ButtonRoute<Services> = buttonRoute({ codec: statsButton, audience: "official", handle: onStatsButton });
