/**
 * The README's performance tables (Markdown) from the last line of `npm run bench -- --json`, so
 * the figures in the README are copied from one run instead of typed (`npm run bench:report --
 * FILE`). A benchmark missing from the run is skipped.
 */
import { z } from "zod";

const num = z.number();
const loadCase = z.object({
  updatesPerSecond: num,
  p50Ms: num,
  p99Ms: num,
  maxMs: num,
  stallMaxMs: num,
  peakRssMb: num,
  bytesPerUpdate: num,
  cpuMsPerUpdate: num,
  registrationsCompleted: num,
  registrationsStarted: num,
});
const timing = z.object({ p50Ms: num, p99Ms: num, maxMs: num });
const figuresSchema = z.object({
  machine: z.object({ cores: num, cpu: z.string(), node: z.string() }).optional(),
  figures: z.object({
    load: z.object({ results: z.record(z.string(), loadCase), ratio: z.object({ twoInstances: num }).nullable() }).optional(),
    "cold-start": z.object({ medianMs: num, worstMs: num, runs: num }).optional(),
    national: z
      .object({
        search: timing,
        searchByKind: z.array(timing.extend({ label: z.string() })),
        stats: timing,
        audience: z.object({ members: num, slices: num, seconds: num, peakRssMb: num }),
        coldStart: z.object({ nationalMedianMs: num, emptyMedianMs: num }),
      })
      .optional(),
    submissions: z.object({ submissions: num, shardFiles: num, totalKb: num, reopenMs: num, oneMoreMs: num, oneMoreBytes: num, createMs: num }).optional(),
    desk: z.object({ submissions: num, moveMs: num, statsMs: num, chartMs: num, firstChartMs: num, exportXLSXMs: num, exportCSVMs: num, backupMs: num, rssMb: num }).optional(),
    broadcast: z.array(z.object({ count: num, rate: num, ofLimit: num, duplicates: num, unsettled: num, peakRssMb: num })).optional(),
    zalo: z.object({ runs: z.array(z.object({ name: z.string(), events: num, ackP50Ms: num, ackP99Ms: num, eventsPerSecond: num, rssMb: num })) }).optional(),
    faq: z
      .object({
        real: z.object({ latencyMs: z.object({ p50: num, p99: num, warmP99: num }) }),
        synthetic: z.object({ latencyMs: z.object({ p50: num, p99: num, max: num, warmP99: num }) }),
        machine: z.object({ loadavg: z.array(num) }),
      })
      .optional(),
  }),
});
type Figures = z.infer<typeof figuresSchema>["figures"];

const n = (x: number) => x.toLocaleString("en");
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x} ms`);
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/** Each benchmark's table, in the README's order; undefined when the run did not include it. */
const SECTIONS: { title: string; render(f: Figures): string | undefined }[] = [
  {
    title: "End to end through Telegram (`npm run bench:load`)",
    render: ({ load }) =>
      load &&
      [
        table(
          ["case", "updates/s", "p50", "p99", "max", "longest stall", "peak RSS", "bytes/update", "CPU/update", "registered"],
          Object.entries(load.results).map(([name, r]) => [
            name,
            n(r.updatesPerSecond),
            ms(r.p50Ms),
            ms(r.p99Ms),
            ms(r.maxMs),
            ms(r.stallMaxMs),
            `${r.peakRssMb} MB`,
            r.bytesPerUpdate ? n(r.bytesPerUpdate) : "—",
            `${r.cpuMsPerUpdate} ms`,
            `${r.registrationsCompleted}/${r.registrationsStarted}`,
          ]),
        ),
        load.ratio ? `\nTwo instances on PostgreSQL: ${load.ratio.twoInstances}× the updates/s of one.` : "",
      ].join(""),
  },
  {
    title: "Cold start (`npm run bench:cold-start`)",
    render: ({ "cold-start": c }) => c && `Median ${ms(c.medianMs)}, worst ${ms(c.worstMs)} of ${c.runs} (target ≤ 1.0 s).`,
  },
  {
    title: "National size on PostgreSQL (`npm run bench:national`)",
    render: ({ national: x }) =>
      x &&
      table(
        ["", "p50", "p99"],
        [
          ["`/hoso` case search", ms(x.search.p50Ms), ms(x.search.p99Ms)],
          ...x.searchByKind.map((k) => [`— ${k.label}`, ms(k.p50Ms), ms(k.p99Ms)]),
          ["`/thongke` figures", ms(x.stats.p50Ms), ms(x.stats.p99Ms)],
          [`audience of ${n(x.audience.members)} in ${n(x.audience.slices)} slices`, `${x.audience.seconds} s in all`, `peak RSS ${x.audience.peakRssMb} MB`],
          ["cold start (national / empty database)", ms(x.coldStart.nationalMedianMs), ms(x.coldStart.emptyMedianMs)],
        ],
      ),
  },
  {
    title: "Other figures",
    render: ({ submissions: s, desk: d, broadcast: b, zalo: z }) => {
      const lines: string[] = [];
      if (s)
        lines.push(
          `- Registrations (JSON, \`bench:submissions\`): ${n(s.submissions)} submissions are ${(s.totalKb / 1024).toFixed(1)} MB in ${s.shardFiles} files of ~${Math.round(s.totalKb / s.shardFiles)} KB; created in ${ms(s.createMs)}; reopened and validated in ${ms(s.reopenMs)}; one more registration + commit ${s.oneMoreMs} ms, ${(s.oneMoreBytes / 1024).toFixed(1)} KB written.`,
        );
      if (d)
        lines.push(
          `- Officials' desk (JSON, \`bench:desk\`), ${n(d.submissions)} submissions: a move + audit entry + commit ${ms(d.moveMs)}; \`/thongke\` figures ${ms(d.statsMs)}; the chart ${ms(d.chartMs)} (${ms(d.firstChartMs)} the first time); XLSX ${ms(d.exportXLSXMs)}, CSV ${ms(d.exportCSVMs)}; backup ${ms(d.backupMs)}; RSS ${d.rssMb} MB.`,
        );
      for (const r of b ?? [])
        lines.push(`- Announcements (\`bench:broadcast\`): ${n(r.count)} recipients at ${r.rate}/s: ${r.ofLimit} % of the limit, ${r.duplicates} duplicates, ${r.unsettled} unsettled, peak RSS ${r.peakRssMb} MB.`);
      for (const r of z?.runs ?? [])
        lines.push(`- Zalo webhook (\`bench:zalo\`), ${r.name}: ${n(r.events)} events, POST → 200 p50 ${r.ackP50Ms} ms, p99 ${r.ackP99Ms} ms; ${n(r.eventsPerSecond)} events/s; RSS ${r.rssMb} MB.`);
      return lines.length ? lines.join("\n") : undefined;
    },
  },
  {
    title: "FAQ search (`npm run bench:faq`)",
    render: ({ faq }) =>
      faq &&
      `Real base p50 / p99 / warm p99: ${faq.real.latencyMs.p50} / ${faq.real.latencyMs.p99} / ${faq.real.latencyMs.warmP99} ms; 1,000 entries p50 / p99 / max / warm p99: ${faq.synthetic.latencyMs.p50} / ${faq.synthetic.latencyMs.p99} / ${faq.synthetic.latencyMs.max} / ${faq.synthetic.latencyMs.warmP99} ms (load average at the end ${faq.machine.loadavg.map((x) => x.toFixed(1)).join(" ")}).`,
  },
];

export function report(text: string): string {
  const lastLine = text.trimEnd().split("\n").pop() ?? "";
  const parsed = figuresSchema.safeParse(JSON.parse(lastLine));
  if (!parsed.success) throw new Error(`not the last line of \`npm run bench -- --json\`: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { machine, figures } = parsed.data;
  const parts = machine ? [`Machine: ${machine.cores} × ${machine.cpu}, Node ${machine.node}.`] : [];
  for (const s of SECTIONS) {
    const body = s.render(figures);
    if (body) parts.push(`### ${s.title}\n\n${body}`);
  }
  return `${parts.join("\n\n")}\n`;
}

