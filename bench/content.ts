/**
 * `npm run bench:content`: what an official's save of the department's content costs on the JSON
 * store — a profile save (checks, commit, rebuild of the FAQ) and an entry save (the checks of
 * `kb check` over the whole content, commit, rebuild) — and what the history keeps on disk per
 * save. Prints figures; asserts nothing.
 */
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";

const OFFICIAL = "900001";
const RUNS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const worst = (xs: number[]) => Math.max(...xs);

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    total += e.isDirectory() ? await bytesUnder(full) : (await stat(full)).size;
  }
  return total;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-content-"));
  const parsed = parseConfig({ DATA_DIR: dir, OFFICIAL_TELEGRAM_IDS: OFFICIAL });
  if (!parsed.ok) throw new Error(parsed.error);
  const app = await createApp({ config: parsed.config, log: memoryLogger() });
  try {
    const by = `telegram:${OFFICIAL}`;
    const profile: number[] = [];
    const entry: number[] = [];
    const refused: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const p = await app.services.content.saveProfile(by, { unit: { phone: `0251 3822 ${String(100 + i)}` } });
      profile.push(performance.now() - t);
      t = performance.now();
      const e = await app.services.content.saveEntry(by, { id: "gt-le-phi", answer: { vi: `Nội dung thử nghiệm số ${i}: Quý doanh nghiệp vui lòng hỏi {unit}.` } });
      entry.push(performance.now() - t);
      t = performance.now();
      const r = await app.services.content.saveEntry(by, { id: "gt-le-phi", answer: { vi: 'Xem <a href="javascript:x">đây</a>' } });
      refused.push(performance.now() - t);
      if (!p.ok || !e.ok || r.ok) throw new Error("unexpected outcome");
    }
    const before = await bytesUnder(dir);
    await app.close();
    const files = await bytesUnder(dir);
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, worst ${worst(xs).toFixed(1)} ms`;
    process.stdout.write(
      [
        `content saves on the JSON store, ${RUNS} of each (142 entries):`,
        `  profile save (phone): ${fmt(profile)}`,
        `  entry save (answer text, kb check over all entries): ${fmt(entry)}`,
        `  refused entry save (a javascript: link): ${fmt(refused)}`,
        `  DATA_DIR after ${RUNS * 2} saves with their history: ${(files / 1024).toFixed(0)} KB (${(before / 1024).toFixed(0)} KB before the last checkpoint)`,
        "",
      ].join("\n"),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
