import { z } from "zod";
import { PROGRAMMES, type Programme } from "../../../domain/programmes.js";
import { statsChart, statsText, type Tr } from "../../../flows/officials/stats-text.js";
import { renderBarChart } from "../../../services/chart.js";
import { computeStats, defaultStatsYear, type Stats } from "../../../services/stats.js";
import { fromMarkup, h } from "../html.js";
import { page, type DeskPage, type DeskRequest } from "../request.js";
import { programmeName, select } from "./query.js";

const figuresQuery = z.object({
  programme: z.enum(PROGRAMMES).default("gtclqg").catch("gtclqg"),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

/** The programme and year asked, and the figures /thongke gives for them (the same service). */
async function figuresOf(req: DeskRequest): Promise<{ programme: Programme; year: number; stats: Stats }> {
  const q = figuresQuery.parse({ programme: req.url.searchParams.get("programme") ?? undefined, year: req.url.searchParams.get("year") || undefined });
  const { submissionRecords, province, desk, dossierItems } = req.app.services;
  const year = q.year ?? (await defaultStatsYear(submissionRecords, q.programme, province.timeline, req.now));
  const stats = await computeStats(submissionRecords, { programme: q.programme, year, now: req.now, stalledAfterDays: desk.stalledAfterDays, timeline: province.timeline, dossierItems });
  return { programme: q.programme, year, stats };
}

/** Figures per programme and award year: the text of /thongke and its chart. */
export const figuresPage: DeskPage = {
  method: "GET",
  path: "/figures",
  audience: "official",
  nav: { id: "figures", labelKey: "dw-nav-figures" },
  async handle(req) {
    const { programme, year, stats } = await figuresOf(req);
    const t: Tr = (key, args) => req.t(key, args);
    const years = new Set<number>([year, ...(await req.app.services.submissionRecords.years(programme))]);
    const body = h`<form class="filters" method="get" action="/desk/figures">
${select("programme", req.text("dw-filter-programme"), PROGRAMMES.map((p) => ({ id: p, label: programmeName(req, p) })), programme, programmeName(req, "gtclqg"))}
${select("year", req.text("dw-filter-year"), [...years].sort((a, b) => b - a).map((y) => ({ id: String(y), label: String(y) })), String(year), req.text("dw-latest-year"))}
<div><button type="submit">${req.text("dw-filter-apply")}</button></div>
</form>
<h2>${programmeName(req, programme)} — ${year}</h2>
<img class="chart" src="/desk/figures/chart.png?programme=${programme}&amp;year=${year}" alt="${req.text("dw-chart-alt", { programme: programmeName(req, programme), year })}" width="900">
<div class="text">${fromMarkup(statsText(t, req.locale, stats, req.app.services.province.name))}</div>
<p><a class="button secondary" href="/desk/dossiers?programme=${programme}&amp;year=${year}">${req.text("dw-figures-list")}</a></p>`;
    return page(req.text("dw-figures-title"), body, "figures");
  },
};

/** The chart of the figures page, as PNG (ECharts + resvg, as in the bot). */
export const figuresChart: DeskPage = {
  method: "GET",
  path: "/figures/chart.png",
  audience: "official",
  async handle(req) {
    const { programme, year, stats } = await figuresOf(req);
    const t: Tr = (key, args) => req.t(key, args);
    const png = await renderBarChart(statsChart(t, req.locale, stats, req.app.services.province.name));
    return { kind: "file", name: `thong-ke-${programme}-${year}.png`, mime: "image/png", bytes: png, inline: true };
  },
};
