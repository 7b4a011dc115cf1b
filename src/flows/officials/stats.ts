import { raw } from "../../core/i18n.js";
import { say, type Turn } from "../../core/feature.js";
import type { Button } from "../../core/types.js";
import { PROGRAMMES, PROGRAMME_INFO, type Programme } from "../../domain/programmes.js";
import { renderBarChart } from "../../services/chart.js";
import { computeStats, defaultStatsYear, yearsWithSubmissions } from "../../services/stats.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { parseDeskArgs } from "./args.js";
import { plain } from "./case-view.js";
import { statsChart, statsText } from "./stats-text.js";

/** Button data: `tk:<programme>:<year>`. */
export const STATS_PREFIX = "tk";

async function report(ctx: Ctx, programme: Programme, year: number | undefined): Promise<Turn> {
  const { submissionRecords: submissions, province, desk } = ctx.services;
  const chosenYear = year ?? (await defaultStatsYear(submissions, programme, province.timeline, ctx.now));
  const stats = await computeStats(submissions, { programme, year: chosenYear, now: ctx.now, stalledAfterDays: desk.stalledAfterDays, timeline: province.timeline });
  const t = (key: string, args?: Parameters<Ctx["t"]>[1]) => ctx.t(key, args);
  const text = statsText(t, ctx.locale, stats, province.name);
  const png = await renderBarChart(statsChart(t, ctx.locale, stats, province.name));

  // Switch programme or year; export what is shown.
  const buttons: Button[][] = [];
  const other = PROGRAMMES.filter((p) => p !== programme).map((p) => ({ label: plain(ctx.t("stats-button-programme", { programme: raw(ctx.t(`stats-short-${p}`)) })), data: `${STATS_PREFIX}:${p}` }));
  const years = (await yearsWithSubmissions(submissions, programme))
    .filter((y) => y !== chosenYear)
    .slice(0, 3)
    .map((y) => ({ label: plain(ctx.t("stats-button-year", { year: String(y) })), data: `${STATS_PREFIX}:${programme}:${y}` }));
  buttons.push([...other, ...years]);
  buttons.push([{ label: plain(ctx.t("stats-button-export")), data: `xu:${programme}:${chosenYear}:all:xlsx` }]);
  return {
    messages: [
      { text },
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

export async function onStatsButton(ctx: Ctx, rest: string): Promise<Turn> {
  if (!(await actingAs(ctx))) return invalidButton(ctx);
  const m = /^(gtclqg|nscl)(?::(\d{4}))?$/.exec(rest);
  if (!m) return invalidButton(ctx);
  return report(ctx, m[1] as Programme, m[2] ? Number(m[2]) : undefined);
}
