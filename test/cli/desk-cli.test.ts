import { spawn } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { backupCommand } from "../../src/cli/backup.js";
import { exportCommand } from "../../src/cli/export.js";
import type { CliIo } from "../../src/cli/io.js";
import { statsCommand } from "../../src/cli/stats.js";
import { projectRoot } from "../../src/paths.js";
import { testApp, testConfig } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = new Date("2026-11-22T03:00:00Z");

function io(dataDir: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (t) => (out += t), err: (t) => (err += t), config: testConfig(dataDir), stdout: () => out, stderr: () => err };
}

/** A running bot's DATA_DIR: some changes checkpointed into the files, the newest only in the journal. */
async function runningStore() {
  const dir = await tempDir();
  const app = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const { submissions, workflow } = app.services;
  const official = { userKey: "telegram:777", role: "admin" as const };
  for (let i = 0; i < 30; i++) {
    await app.storage.unit(async () => {
      const made = await submissions.create(draft({ taxCode: String(4_000_000_000 + i), programme: i % 3 === 0 ? "nscl" : "gtclqg", name: `Công ty Số ${i} Đồng Nai`, userKey: `telegram:${9000 + i}` }), NOW);
      if (made.ok && i % 2 === 0) await workflow.move(made.submission.code, made.submission.programme === "gtclqg" ? "dossier-received" : "eligible", official, NOW, null);
    });
  }
  await app.storage.checkpoint();
  // After the checkpoint: only in the journal (JSON backend).
  await app.storage.unit(async () => {
    const late = await submissions.create(draft({ taxCode: "0314409058", name: "Công ty TNHH Mới Đăng Ký" }), NOW);
    if (late.ok) await workflow.move(late.submission.code, "dossier-received", official, NOW, "chỉ có trong nhật ký");
  });
  return { dir, app };
}

describe("the CLI for officials at the server", () => {
  it("stats: reads a running bot's DATA_DIR without locking or changing it, journal included", async () => {
    const { dir, app } = await runningStore();
    // DATA_DIR's files are the JSON backend's (PostgreSQL: the figures below are the point).
    const jsonFiles = app.storage.backend === "json";
    const files = jsonFiles ? await readdir(dir, { recursive: true }) : [];
    const journal = jsonFiles ? await readFile(path.join(dir, "journal", "000002.jsonl")) : Buffer.alloc(0);

    const json = io(dir);
    expect(await statsCommand(["--json"], json)).toBe(0);
    const report = JSON.parse(json.stdout()) as { stats: { programme: string; year: number; total: number; byStatus: { status: string; count: number }[] }[] };
    const gt = report.stats.find((s) => s.programme === "gtclqg")!;
    expect(gt.total).toBe(21);
    expect(gt.byStatus.find((b) => b.status === "dossier-received")?.count).toBe(11);
    expect(report.stats.find((s) => s.programme === "nscl")!.total).toBe(10);

    const text = io(dir);
    expect(await statsCommand(["--programme", "gtclqg"], text)).toBe(0);
    expect(text.stdout()).toContain("Thống kê Giải thưởng Chất lượng Quốc gia năm 2026 — Đồng Nai");
    expect(text.stdout()).toContain("Tổng số: 21 hồ sơ");

    // Nothing was written: same files, the journal untouched, and the bot goes on committing.
    if (jsonFiles) {
      expect(await readdir(dir, { recursive: true })).toEqual(files);
      expect((await readFile(path.join(dir, "journal", "000002.jsonl"))).equals(journal)).toBe(true);
    }
    expect(await app.services.submissions.count()).toBe(31);
    const more = await app.storage.unit(() => app.services.submissions.create(draft({ taxCode: "0100233488", userKey: "telegram:1" }), NOW));
    expect(more.ok).toBe(true);
    await app.close();

    const bad = io(dir);
    expect(await statsCommand(["--programme", "giai-thuong"], bad)).toBe(2);
    expect(bad.stderr()).toBe('--programme must be gtclqg or nscl (got "giai-thuong")\n');
  });

  it("export: writes the file beside a running bot, filtered by programme, status and year", async () => {
    const { dir, app } = await runningStore();
    const out = path.join(await tempDir(), "gt-2026.xlsx");
    const run = io(dir);
    expect(await exportCommand(["--format", "xlsx", "--programme", "gtclqg", "--status", "dossier-received", "--year", "2026", "--out", out], run)).toBe(0);
    expect(run.stdout()).toContain(`11 submission(s) written to ${out} (xlsx,`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const codes = wb.getWorksheet("Hồ sơ")!.getColumn(1).values.slice(2);
    expect(codes).toHaveLength(11);
    expect(codes).toContain("GT-2026-0021");

    const csv = path.join(path.dirname(out), "mo.csv");
    const byLabel = io(dir);
    expect(await exportCommand(["--format", "csv", "--status", "da nhan ho so", "--out", csv], byLabel)).toBe(0);
    const rows = parse(await readFile(csv), { bom: true }) as string[][];
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r[0] === "GT-2026-0021")?.[6]).toBe("Công ty TNHH Mới Đăng Ký");

    const wrong = io(dir);
    expect(await exportCommand(["--format", "xlsx", "--programme", "nscl", "--status", "needs-supplement", "--out", csv], wrong)).toBe(2);
    expect(wrong.stderr()).toContain('--status: "needs-supplement" is not a status of nscl');
    const noOut = io(dir);
    expect(await exportCommand(["--format", "csv"], noOut)).toBe(2);
    expect(noOut.stderr()).toContain("--out FILE is missing");
    await app.close();
  });

  it("backup: a consistent copy while the bot runs; restored, it opens, validates, counts the same and repeats no code", async () => {
    const { dir, app } = await runningStore();
    const before = { submissions: await app.services.submissions.count(), users: await app.services.users.count(), audit: await app.services.audit.count() };
    const json = app.storage.backend === "json";
    const to = path.join(await tempDir(), "backup-2026-11-22");
    const run = io(dir);
    expect(await backupCommand(["--out", to], run)).toBe(0);
    expect(run.stdout()).toContain(`Checked: ${before.submissions} submissions, ${before.users} users, ${before.audit} audit entries.`);
    // A copy of the JSON backend's files, journal included (a PostgreSQL backup is a new JSON folder written from the database).
    if (json) {
      expect(run.stdout()).toContain("1 journal segment(s)");
      expect(await readdir(path.join(to, "journal"))).toEqual(["000002.jsonl"]);
    }
    expect((await readdir(to)).includes(".lock")).toBe(false);
    await app.close();

    // Restore: as if the counters file were older than the submissions it numbers. (A backup is JSON files whatever the backend.)
    const counters = path.join(to, "counters.json");
    const file = JSON.parse(await readFile(counters, "utf8")) as { version: number; records: Record<string, { last: number }> };
    file.records["submission:gtclqg:2026"] = { last: 3 };
    await writeFile(counters, JSON.stringify(file));
    // …and the journal without the counter's changes (a line is a unit of work: the rest of it stays).
    const withoutCounters = (line: string): string[] => {
      if (!line.trim()) return [line];
      const item = JSON.parse(line) as { t?: { c: string }[]; c?: string };
      if (item.t) return [JSON.stringify({ ...item, t: item.t.filter((r) => r.c !== "counters") })];
      return item.c === "counters" ? [] : [line];
    };
    for (const segment of await readdir(path.join(to, "journal"))) {
      const journal = path.join(to, "journal", segment);
      await writeFile(journal, (await readFile(journal, "utf8")).split("\n").flatMap(withoutCounters).join("\n"));
    }

    const restored = await testApp(to, { env: { OFFICIAL_TELEGRAM_IDS: "777", STORE: "json" } });
    expect(await restored.services.submissions.count()).toBe(before.submissions);
    expect(await restored.services.users.count()).toBe(before.users);
    expect(await auditTrail(restored)).toHaveLength(before.audit);
    expect((await restored.services.submissions.get("GT-2026-0021"))?.statusHistory.at(-1)?.note).toBe("chỉ có trong nhật ký");
    expect(await restored.storage.repos.counters.last("submission:gtclqg:2026")).toBe(3);
    const next = await restored.storage.unit(() => restored.services.submissions.create(draft({ taxCode: "0100109106", userKey: "telegram:2" }), NOW));
    expect(next.ok && next.submission.code).toBe("GT-2026-0022");
    await restored.close();

    const again = io(dir);
    expect(await backupCommand(["--out", to], again)).toBe(1);
    expect(again.stderr()).toBe(`Backup not made: ${to} is not empty; choose a new folder\n`);
    // A copy of DATA_DIR must not go inside it (PostgreSQL keeps nothing in DATA_DIR).
    if (json) {
      expect(await backupCommand(["--out", path.join(dir, "inside")], again)).toBe(1);
      expect(again.stderr()).toContain("must not be inside DATA_DIR");
    }
  });

  it("runs as `npm run cli -- stats --json` does, in a real process beside a running bot", async () => {
    const { dir, app } = await runningStore();
    const child = spawn(process.execPath, [path.join(projectRoot, "dist/src/cli.js"), "stats", "--json", "--programme", "nscl"], {
      cwd: projectRoot,
      // The bot's own storage settings (DATA_DIR, or the database it runs on).
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, STORE: app.config.STORE, ...(app.config.DATABASE_URL ? { DATABASE_URL: app.config.DATABASE_URL } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(err).toBe("");
    expect(code).toBe(0);
    expect((JSON.parse(out) as { stats: { total: number }[] }).stats[0]!.total).toBe(10);
    await app.close();
  });
});
