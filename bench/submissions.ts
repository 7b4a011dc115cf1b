/**
 * `npm run bench:submissions`: 5,000 submissions in the sharded store — how long writing them,
 * reopening DATA_DIR and one more registration take, and how large the files get. Prints figures;
 * asserts nothing.
 */
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import type { SubmissionDraft } from "../src/services/submissions.js";

const COUNT = 5000;

function draft(i: number): SubmissionDraft {
  const programme = i % 4 === 0 ? "nscl" : "gtclqg";
  return {
    programme,
    awardYear: 2026,
    rules: "2026",
    owner: { userKey: `telegram:${100000 + i}`, channel: "telegram", userId: String(100000 + i), locale: i % 7 === 0 ? "en" : "vi" },
    consentAt: "2026-11-22T03:00:00.000Z",
    organisation: {
      name: `Công ty TNHH Sản xuất Thương mại số ${i}`,
      taxCode: String(3_600_000_000 + i).padStart(10, "0"),
      type: "enterprise",
      foundedOn: programme === "gtclqg" ? { date: "2015-06-01", precision: "day" } : null,
      address: { text: `Phường ${i % 95}, Đồng Nai`, commune: `Phường ${i % 95}`, communeKey: `phuong ${i % 95}`, province: "Đồng Nai", legacy: false },
      sectorGroup: programme === "gtclqg" ? (i % 2 ? "production" : "services") : null,
      vsic: "vsic2018:C",
      employees: 20 + (i % 300),
      revenueVnd: 1_500_000_000 + i * 1_000_000,
      capitalVnd: null,
      sizeClass: "small",
    },
    award: programme === "gtclqg" ? { product: "Gạch ốp lát men bóng", onMarketSince: { date: "2020-06-01", precision: "month" }, certificates: ["iso9001", "ocop"], certificatesOther: null } : null,
    support: programme === "nscl" ? { kinds: ["he-thong-quan-ly", "cong-cu-cai-tien"], need: "Áp dụng ISO 9001 và 5S cho xưởng sản xuất" } : null,
    contact: { name: "Nguyễn Thị Lan", position: "Trưởng phòng Quản lý chất lượng", phone: "+84912345678", email: "lan@congty.vn" },
    documents: [{ file: { channel: "telegram", ref: "BQACAgIAAxkBAAIBZ2VmZ2hpamtsbW5vcHFyc3R1dnd4eXo", name: "don-dang-ky.pdf", size: 120_000, mime: "application/pdf" }, addedAt: "2026-11-22T03:00:00.000Z" }],
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-"));
  const parsed = parseConfig({ DATA_DIR: dir });
  if (!parsed.ok) throw new Error(parsed.error);
  const now = new Date("2026-11-22T03:00:00Z");
  try {
    let app = await createApp({ config: parsed.config, log: memoryLogger() });
    let t = performance.now();
    for (let i = 0; i < COUNT; i++) app.services.submissions.create(draft(i), now);
    const createMs = performance.now() - t;
    t = performance.now();
    await app.store.commit();
    const commitMs = performance.now() - t;
    await app.close();

    const shardDir = path.join(dir, "submissions");
    const sizes = await Promise.all((await readdir(shardDir)).filter((f) => f.endsWith(".json")).map(async (f) => (await stat(path.join(shardDir, f))).size));
    const total = sizes.reduce((a, b) => a + b, 0);

    t = performance.now();
    app = await createApp({ config: parsed.config, log: memoryLogger() });
    const openMs = performance.now() - t;
    const before = { ...app.store.stats };
    t = performance.now();
    const result = app.services.submissions.create(draft(COUNT + 1), now);
    await app.store.commit();
    const oneMs = performance.now() - t;
    const bytes = app.store.stats.bytesWritten - before.bytesWritten;
    const files = app.store.stats.fileWrites - before.fileWrites;
    t = performance.now();
    const own = app.services.submissions.byOwner("telegram:100042").length + app.services.submissions.byTaxCode("3600000042").length;
    const lookupMs = performance.now() - t;
    await app.close();

    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(`submissions: ${COUNT} created in ${createMs.toFixed(0)} ms, first commit ${commitMs.toFixed(0)} ms`);
    console.log(`files: ${sizes.length} shards, ${kb(total)} in all, largest ${kb(Math.max(...sizes))}, smallest ${kb(Math.min(...sizes))}`);
    console.log(`reopen DATA_DIR (all collections, ${COUNT} submissions validated): ${openMs.toFixed(0)} ms`);
    console.log(`one more registration (${result.ok ? result.submission.code : "refused"}) + commit: ${oneMs.toFixed(1)} ms, ${files} files written, ${kb(bytes)}`);
    console.log(`lookups by owner and tax code (${own} found): ${lookupMs.toFixed(2)} ms`);
    const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    console.log(`rss: ${rssMb} MB`);
    if (process.argv.includes("--json")) {
      console.log(
        JSON.stringify({ bench: "submissions", submissions: COUNT, createMs: Math.round(createMs), firstCommitMs: Math.round(commitMs), shardFiles: sizes.length, totalKb: Math.round(total / 1024), reopenMs: Math.round(openMs), oneMoreMs: Math.round(oneMs * 10) / 10, oneMoreBytes: bytes, rssMb }),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
