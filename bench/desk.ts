/**
 * `npm run bench:desk`: the officials' desk on 5,000 submissions — /thongke (figures and chart),
 * /xuat (XLSX and CSV), a name search, a status change with its audit entry, and the CLI's
 * read-only open and backup beside a store that holds them. Prints figures; asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import { toPlainText } from "../src/core/markup.js";
import { STATUSES } from "../src/domain/statuses.js";
import { submissionDraft } from "./lib/large-store.js";
import { buildExport } from "../src/flows/officials/export.js";
import { statsChart, statsText } from "../src/flows/officials/stats-text.js";
import { searchCases } from "../src/services/case-search.js";
import { renderBarChart } from "../src/services/chart.js";
import { computeStats } from "../src/services/stats.js";
import { backupDataDir } from "../src/store/json/backup.js";

const COUNT = 5000;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-desk-"));
  const parsed = parseConfig({ DATA_DIR: dir });
  if (!parsed.ok) throw new Error(parsed.error);
  const config = parsed.config;
  const now = new Date("2026-11-22T03:00:00Z");
  // Each timing is also kept under a name for `--json`.
  const figures: Record<string, number> = {};
  const ms = (t: number, name?: string) => {
    const taken = Math.round(performance.now() - t);
    if (name) figures[name] = taken;
    return `${taken} ms`;
  };
  try {
    const app = await createApp({ config, log: memoryLogger() });
    const { submissions, submissionRecords } = app.services;
    // Filled in units of work of a few hundred submissions each.
    const BATCH = 500;
    for (let from = 0; from < COUNT; from += BATCH) {
      await app.storage.unit(async () => {
        for (let i = from; i < Math.min(COUNT, from + BATCH); i++) {
          const programme = i % 4 === 0 ? "nscl" : "gtclqg";
          // The shared bench draft, with no documents and a registration date spread over two months.
          const made = await submissions.create({ ...submissionDraft(i), documents: [] }, new Date(now.getTime() - (i % 60) * 86_400_000));
          const statuses = STATUSES[programme];
          if (made.ok && i % 3) await submissions.changeStatus(made.submission.code, statuses[i % statuses.length]!.id, { kind: "official", userKey: "telegram:777" }, now, null);
        }
      });
    }
    await app.storage.checkpoint();

    const before = { ...app.storage.stats };
    let start = performance.now();
    // The unit resolves once its commit is on disk.
    await app.storage.unit(() => app.services.workflow.move("GT-2026-0002", "withdrawn", { userKey: "telegram:777", role: "admin" }, now, "bench"));
    console.log(`one status change + audit entry + commit: ${ms(start, "moveMs")}, ${app.storage.stats.fileWrites - before.fileWrites} appends, ${app.storage.stats.bytesWritten - before.bytesWritten} bytes`);

    const t = (key: string, args?: Parameters<typeof app.translator.t>[2]) => app.translator.t("vi", key, args);
    start = performance.now();
    const stats = await computeStats(submissionRecords, { programme: "gtclqg", year: 2026, now, stalledAfterDays: 14, timeline: app.services.province.timeline });
    const text = toPlainText(statsText(t, "vi", stats, "Đồng Nai"));
    console.log(`stats of ${stats.total} GTCLQG submissions (of ${COUNT}) with their text: ${ms(start, "statsMs")}, ${text.length} characters`);
    start = performance.now();
    let png = await renderBarChart(statsChart(t, "vi", stats, "Đồng Nai"));
    console.log(`chart, first (loads ECharts, resvg and the font): ${ms(start, "firstChartMs")}, ${(png.length / 1024).toFixed(0)} KB PNG`);
    start = performance.now();
    png = await renderBarChart(statsChart(t, "vi", stats, "Đồng Nai"));
    console.log(`chart, next: ${ms(start, "chartMs")}`);

    const label = (key: string) => toPlainText(t(key));
    for (const format of ["xlsx", "csv"] as const) {
      // How long the bot could not answer anyone while the file was being made.
      let last = performance.now();
      let stall = 0;
      const tick = setInterval(() => {
        const at = performance.now();
        stall = Math.max(stall, at - last);
        last = at;
      }, 2);
      start = performance.now();
      const file = await buildExport(app.services, label, "vi", {}, format, now, "bench");
      const took = ms(start, `export${format.toUpperCase()}Ms`);
      const historyRows = format === "xlsx" ? await app.services.audit.count() : 0;
      figures[`export${format.toUpperCase()}StallMs`] = Math.round(stall);
      await new Promise((resolve) => setTimeout(resolve, 5));
      clearInterval(tick);
      console.log(
        `export ${format}, ${file.rows} submissions${format === "xlsx" ? ` + ${historyRows} history rows` : ""}: ${took}, ${(file.bytes.length / 1024).toFixed(0)} KB; longest event-loop stall ${stall.toFixed(0)} ms`,
      );
    }
    start = performance.now();
    const found = await searchCases(submissionRecords, "thuong mai so 4242");
    console.log(`name search over ${COUNT} (${found.kind === "name" ? found.found.length : 0} found): ${ms(start, "nameSearchMs")}`);
    start = performance.now();
    const fuzzy = await searchCases(submissionRecords, "cong ty san xuat thuong mia");
    console.log(`name search with a typo, fuzzy (${fuzzy.kind === "name" ? fuzzy.found.length : 0} shown): ${ms(start, "fuzzySearchMs")}`);

    start = performance.now();
    const reader = await createApp({ config, log: memoryLogger(), readOnly: true });
    console.log(`read-only open beside the running bot (CLI stats/export): ${ms(start, "readOnlyOpenMs")}, ${await reader.services.submissions.count()} submissions`);
    await reader.close();
    const to = path.join(dir, "..", `${path.basename(dir)}-backup`);
    start = performance.now();
    const copy = await backupDataDir(dir, to);
    console.log(`backup beside the running bot: ${ms(start, "backupMs")}, ${copy.files} files, ${(copy.bytes / 1024 / 1024).toFixed(1)} MB, exact: ${copy.exact}`);
    await rm(to, { recursive: true, force: true });
    await app.close();
    const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    console.log(`rss: ${rssMb} MB`);
    if (process.argv.includes("--json")) console.log(JSON.stringify({ bench: "desk", submissions: COUNT, ...figures, rssMb }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
