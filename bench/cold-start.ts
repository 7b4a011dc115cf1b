/**
 * `npm run bench:cold-start`: from starting the process (`node [flags] dist/src/main.js`, what `npm start`
 * runs after building) to the first answer over the web chat, on the large store (5,000
 * submissions, 25,000 users, 25,000 unfinished forms). Target ≤ 1.0 s. Prints figures; `--json`
 * ends with one line.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { percentile, round, wantsJson } from "./lib/measure.js";
import { timeToFirstAnswer } from "./lib/cold-start.js";

const RUNS = 5;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-cold-"));
  try {
    execFileSync(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), "load.js"), "--prepare", "1", "--store", "json", "--dir", dir], { stdio: "inherit" });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeToFirstAnswer({ DATA_DIR: dir }));
    const sorted = [...times].sort((a, b) => a - b);
    const figures = { runs: RUNS, medianMs: round(percentile(sorted, 0.5), 0), worstMs: round(sorted[sorted.length - 1]!, 0), targetMs: 1000 };
    console.log(`cold start on the large store, process start → first answer: median ${figures.medianMs} ms, worst ${figures.worstMs} ms of ${RUNS} (target ≤ ${figures.targetMs} ms)`);
    console.log(`machine: ${cpus().length} cores, Node ${process.version}`);
    if (wantsJson()) console.log(JSON.stringify({ bench: "cold-start", ...figures }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
