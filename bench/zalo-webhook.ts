/**
 * Zalo webhook under load: how fast the bot answers Zalo's POST (it must within 2 s), how many
 * events per second it handles end to end against a fake OA on this machine, and what the
 * de-duplication record costs on disk. Prints figures; asserts nothing.
 *
 *   npm run bench:zalo
 */
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/core/log.js";
import { startBot, type RunningBot } from "../src/main.js";
import { startFakeZalo, zaloEnv, type FakeZalo } from "../test/helpers/fake-zalo.js";
import { postEvent, textEvent } from "../test/helpers/zalo-webhook.js";
import { percentile } from "./lib/measure.js";

interface Scenario {
  name: string;
  events: number;
  users: number;
  concurrency: number;
  perMinute?: number;
}

/** Figures of each run, printed as one JSON line with `--json`. */
const results: Record<string, string | number>[] = [];

async function run(s: Scenario): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-zalo-"));
  const fake: FakeZalo = await startFakeZalo();
  const parsed = parseConfig({ DATA_DIR: dir, WEB_PORT: "0", ...zaloEnv(fake.url) });
  if (!parsed.ok) throw new Error(parsed.error);
  const bot: RunningBot = await startBot(parsed.config, createLogger("error"), {
    ...(s.perMinute ? { channels: { zalo: { rateLimit: { perMinute: s.perMinute, burst: 1000 } } } } : {}),
  });
  const url = `${bot.webUrl}zalo/webhook`;
  const texts = ["/trogiup", "xin chao", "/ngonngu", "hoi ve giai thuong chat luong"];
  const acks: number[] = [];
  let next = 0;
  const started = performance.now();
  const writesBefore = { ...bot.app.storage.stats };
  await Promise.all(
    Array.from({ length: s.concurrency }, async () => {
      while (next < s.events) {
        const i = next++;
        const user = `70000000000${String(i % s.users).padStart(7, "0")}`;
        const t0 = performance.now();
        const res = await postEvent(url, textEvent(user, texts[i % texts.length]!));
        acks.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  const ackedAt = performance.now();
  await bot.channels.zalo!.idle();
  const doneAt = performance.now();
  const stats = bot.app.storage.stats;
  // The collection files catch up at a checkpoint; bring them up to date to measure them.
  await bot.app.storage.checkpoint();
  // The files exist in the JSON backend only (DATA_DIR); PostgreSQL keeps the record in a table.
  const seenDir = path.join(dir, "zalo-seen");
  const seenFiles = bot.app.storage.backend === "json" ? await readdir(seenDir) : [];
  const seenBytes = (await Promise.all(seenFiles.map((f) => stat(path.join(seenDir, f)).then((x) => x.size)))).reduce((a, b) => a + b, 0);
  acks.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(`\n${s.name}: ${s.events} events from ${s.users} users, ${s.concurrency} posting at once${s.perMinute ? `, send limit ${s.perMinute}/min` : ", send limit 4,000/min (default)"}`);
  console.log(`  POST → 200:   p50 ${f(percentile(acks, 0.5))} ms · p95 ${f(percentile(acks, 0.95))} ms · p99 ${f(percentile(acks, 0.99))} ms · max ${f(acks.at(-1)!)} ms`);
  console.log(`  all acked in ${f((ackedAt - started) / 1000)} s; all replies at the fake OA after ${f((doneAt - started) / 1000)} s (${Math.round(s.events / ((doneAt - started) / 1000))} events/s)`);
  console.log(`  replies sent: ${fake.sent.length}; store: ${stats.commits - writesBefore.commits} commits, ${stats.fileWrites - writesBefore.fileWrites} file writes, ${Math.round((stats.bytesWritten - writesBefore.bytesWritten) / s.events / 1024)} KB written per event`);
  console.log(`  de-duplication record on disk: ${seenFiles.length} files, ${Math.round(seenBytes / 1024)} KB in all`);
  // With --expose-gc (the npm script passes it) the figure is live memory, not garbage waiting for collection.
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  console.log(`  memory of the whole bench process (bot and fake OA together): RSS ${Math.round(mem.rss / 1024 / 1024)} MB, heap used ${Math.round(mem.heapUsed / 1024 / 1024)} MB`);
  results.push({
    name: s.name,
    events: s.events,
    ackP50Ms: Number(f(percentile(acks, 0.5))),
    ackP99Ms: Number(f(percentile(acks, 0.99))),
    ackMaxMs: Number(f(acks.at(-1)!)),
    eventsPerSecond: Math.round(s.events / ((doneAt - started) / 1000)),
    kbWrittenPerEvent: Math.round((stats.bytesWritten - writesBefore.bytesWritten) / s.events / 1024),
    rssMb: Math.round(mem.rss / 1024 / 1024),
  });
  await bot.stop();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
}

await run({ name: "unthrottled (the bot's own cost)", events: 6000, users: 500, concurrency: 50, perMinute: 1_000_000 });
await run({ name: "Zalo's rate (sends wait, acks must not)", events: 400, users: 100, concurrency: 50 });
if (process.argv.includes("--json")) console.log(JSON.stringify({ bench: "zalo", runs: results }));
