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
import { submissionDraft } from "./lib/large-store.js";

const COUNT = 5000;

const draft = (i: number) => submissionDraft(i);

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-"));
  const parsed = parseConfig({ DATA_DIR: dir });
  if (!parsed.ok) throw new Error(parsed.error);
  const now = new Date("2026-11-22T03:00:00Z");
  try {
    let app = await createApp({ config: parsed.config, log: memoryLogger() });
    let t = performance.now();
    // One unit of work: the registrations are made in it, then committed together.
    let createMs = 0;
    await app.storage.unit(async () => {
      for (let i = 0; i < COUNT; i++) await app.services.submissions.create(draft(i), now);
      createMs = performance.now() - t;
    });
    const commitMs = performance.now() - t - createMs;
    await app.close();

    const shardDir = path.join(dir, "submissions");
    const sizes = await Promise.all((await readdir(shardDir)).filter((f) => f.endsWith(".json")).map(async (f) => (await stat(path.join(shardDir, f))).size));
    const total = sizes.reduce((a, b) => a + b, 0);

    t = performance.now();
    app = await createApp({ config: parsed.config, log: memoryLogger() });
    const openMs = performance.now() - t;
    const before = { ...app.storage.stats };
    t = performance.now();
    // The unit resolves once its commit is on disk.
    const result = await app.storage.unit(() => app.services.submissions.create(draft(COUNT + 1), now));
    const oneMs = performance.now() - t;
    const bytes = app.storage.stats.bytesWritten - before.bytesWritten;
    const files = app.storage.stats.fileWrites - before.fileWrites;
    t = performance.now();
    const own = (await app.services.submissions.byOwner("telegram:100042")).length + (await app.services.submissions.byTaxCode("3600000042")).length;
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
