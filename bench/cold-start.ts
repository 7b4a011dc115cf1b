/**
 * `npm run bench:cold-start`: from starting the process (`node [flags] dist/src/main.js`, what `npm start`
 * runs after building) to the first answer over the web chat, on the large store (5,000
 * submissions, 25,000 users, 25,000 unfinished forms). Target ≤ 1.0 s. Prints figures; `--json`
 * ends with one line.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../src/paths.js";
import { percentile, round, wantsJson } from "./lib/measure.js";
import { startNodeFlags } from "./lib/start-command.js";

const RUNS = 5;

/** Milliseconds from spawn to the reply to /start; the process is then stopped with SIGTERM. */
async function oneStart(dir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...startNodeFlags(), path.join(projectRoot, "dist/src/main.js")], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, WEB_PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
  const res = await fetch(`${url}api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ session: "coldstartsession0001", text: "/start" }),
  });
  await res.json();
  const ms = performance.now() - t0;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  return ms;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-cold-"));
  try {
    execFileSync(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), "load.js"), "--prepare", "1", "--store", "json", "--dir", dir], { stdio: "inherit" });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await oneStart(dir));
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
