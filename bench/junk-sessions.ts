/**
 * `npm run bench:junk`: what made-up web sessions cost, and what holds them back (issue: unbounded
 * anonymous state). 1. Through the real web endpoint, one address posting a new session each time:
 * how many the per-address limit lets in. 2. A flood that got past it (many addresses): `--count`
 * junk sessions (default 100,000), each a user record and an announcement subscription, written
 * into a JSON store as the web chat writes them — memory, disk, reopening — then the sweep that
 * forgets web visitors idle for 30 days, and memory and disk after. Prints figures; asserts nothing.
 */
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../src/app.js";
import { webUserIdOf } from "../src/channels/web/chat.js";
import { parseConfig } from "../src/config.js";
import { createLogger, memoryLogger } from "../src/core/log.js";
import { startBot } from "../src/main.js";
import { forgetIdleWebVisitors } from "../src/services/web-visitors.js";
import { argValue, round, wantsJson } from "./lib/measure.js";

// 100,000 takes about 2.5 minutes; `--count 1000000` ran longer than 30 minutes on a 2-vCPU machine.
const COUNT = Number(argValue("--count") ?? 100_000);
const UNIT = 10_000;
const NOW = new Date("2026-11-22T03:00:00Z");

async function du(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  return total;
}

const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return round(process.memoryUsage().heapUsed / 1024 / 1024, 0);
};
const rssMb = () => round(process.memoryUsage().rss / 1024 / 1024, 0);

async function throughTheEndpoint(): Promise<{ tried: number; admitted: number; refused: number; seconds: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-"));
  const parsed = parseConfig({ DATA_DIR: dir, WEB_PORT: "0" });
  if (!parsed.ok) throw new Error(parsed.error);
  const bot = await startBot(parsed.config, createLogger("error"));
  const t = performance.now();
  let admitted = 0;
  let refused = 0;
  const tried = 2_000;
  try {
    for (let i = 0; i < tried; i++) {
      const res = await fetch(`${bot.webUrl}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: `junk-${String(i).padStart(12, "0")}`, button: "ann:yes" }) });
      await res.arrayBuffer();
      if (res.status === 200) admitted++;
      else if (res.status === 429) refused++;
    }
  } finally {
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { tried, admitted, refused, seconds: round((performance.now() - t) / 1000, 1) };
}

async function main(): Promise<void> {
  const endpoint = await throughTheEndpoint();
  console.log(`one address, a new session per request, ${endpoint.tried} requests: ${endpoint.admitted} taken, ${endpoint.refused} refused (429) in ${endpoint.seconds} s`);

  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-"));
  const parsed = parseConfig({ DATA_DIR: dir });
  if (!parsed.ok) throw new Error(parsed.error);
  try {
    let app = await createApp({ config: parsed.config, log: memoryLogger() });
    const heapBefore = heapMb();
    let t = performance.now();
    for (let from = 0; from < COUNT; from += UNIT) {
      await app.storage.unit(async () => {
        for (let i = from; i < Math.min(COUNT, from + UNIT); i++) {
          const id = webUserIdOf(`junk-${String(i).padStart(12, "0")}`);
          await app.services.users.touch({ channel: "web", id }, NOW);
          await app.services.subscriptions.set(`web:${id}`, "yes", NOW);
        }
      });
    }
    const writeSeconds = round((performance.now() - t) / 1000, 1);
    const heapWith = heapMb();
    const rssWith = rssMb();
    await app.close();
    const diskWith = round((await du(dir)) / 1024 / 1024, 0);
    t = performance.now();
    app = await createApp({ config: parsed.config, log: memoryLogger() });
    const reopenSeconds = round((performance.now() - t) / 1000, 1);
    t = performance.now();
    const forgotten = await forgetIdleWebVisitors(app.storage, new Date(NOW.getTime() + 31 * 24 * 60 * 60 * 1000));
    const sweepSeconds = round((performance.now() - t) / 1000, 1);
    const heapAfter = heapMb();
    await app.close();
    const diskAfter = round((await du(dir)) / 1024 / 1024, 1);
    const perSession = round(((heapWith - heapBefore) * 1024 * 1024) / COUNT, 0);
    console.log(`${COUNT.toLocaleString("en")} junk web sessions (user + subscription each), JSON store: written in ${writeSeconds} s`);
    console.log(`  live heap ${heapBefore} → ${heapWith} MB (${perSession} bytes per session), RSS ${rssWith} MB; on disk ${diskWith} MB; reopening ${reopenSeconds} s`);
    console.log(`  forgotten 31 days later: ${forgotten.toLocaleString("en")} in ${sweepSeconds} s; live heap then ${heapAfter} MB, on disk ${diskAfter} MB`);
    if (wantsJson())
      console.log(JSON.stringify({ bench: "junk-sessions", endpoint, count: COUNT, writeSeconds, heapBeforeMb: heapBefore, heapWithMb: heapWith, bytesPerSession: perSession, rssWithMb: rssWith, diskWithMb: diskWith, reopenSeconds, forgotten, sweepSeconds, heapAfterMb: heapAfter, diskAfterMb: diskAfter }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
