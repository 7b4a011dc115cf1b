/**
 * `npm run bench:broadcast`: one announcement to many subscribers through the real runner, the
 * Telegram channel and real HTTP, against a fake Bot API (own process) answering in 30–80 ms.
 * Prints the rate achieved against the configured limit, duplicates, the store's cost per send,
 * event-loop delay and peak memory. Asserts nothing.
 *
 *   npm run bench:broadcast                          # 1,000 at 25/s (the default limit), then 20,000 at 200/s
 *   npm run bench:broadcast -- --rate 25 --count 20000
 *   npm run bench:broadcast -- --json                # ends with one JSON line
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createApp } from "../src/app.js";
import { createTelegramChannel } from "../src/channels/telegram/bot.js";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import { createBroadcastRunner } from "../src/services/broadcasts/runner.js";
import { BOT_INFO, TEST_TOKEN } from "../test/helpers/fake-telegram.js";

interface Result {
  count: number;
  rate: number;
  concurrency: number;
  achievedPerSecond: number;
  ofLimit: number;
  seconds: number;
  listMs: number;
  duplicates: number;
  sent: number;
  unsettled: number;
  commitsPerSend: number;
  deliveryFileBytes: number;
  bytesPerRecipient: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  peakRssMb: number;
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const json = args.includes("--json");
const LATENCY: [number, number] = [30, 80];
const OFFICIAL = "7770001";

interface FakeStats {
  sends: number;
  /** Chats that got more than one message, with how many. */
  repeated: [string, number][];
}

function startFake(): Promise<{ child: ChildProcess; url: string; stats(): Promise<FakeStats> }> {
  const child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), "fake-bot-api-server.js"), LATENCY.map(String), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve) => {
    child.once("message", (m) => {
      const url = (m as { url: string }).url;
      resolve({
        child,
        url,
        stats: () =>
          new Promise((done) => {
            child.once("message", (s) => done((s as { stats: FakeStats }).stats));
            child.send("stats");
          }),
      });
    });
  });
}

async function run(count: number, rate: number): Promise<Result> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-broadcast-"));
  const fake = await startFake();
  const parsed = parseConfig({ DATA_DIR: dir, BROADCAST_RATE: String(rate), OFFICIAL_TELEGRAM_IDS: OFFICIAL });
  if (!parsed.ok) throw new Error(parsed.error);
  const app = await createApp({ config: parsed.config, log: memoryLogger() });
  try {
    const seeded = new Date("2026-11-22T02:00:00Z");
    for (let from = 0; from < count; from += 1000) {
      await app.storage.unit(async () => {
        for (let i = from; i < Math.min(count, from + 1000); i++) {
          const key = `telegram:${10_000_000 + i}`;
          await app.services.users.touch({ channel: "telegram", id: String(10_000_000 + i) }, seeded);
          await app.services.subscriptions.set(key, "yes", seeded);
        }
      });
    }
    await app.storage.checkpoint();

    const sendTimes: number[] = [];
    const fetchWithTimes = ((input: string | URL, init?: RequestInit) => {
      // Recipients only: not the official's progress reports.
      if (String(input).endsWith("/sendMessage") && !String(init?.body).includes(`"chat_id":${OFFICIAL}`)) sendTimes.push(performance.now());
      return fetch(input, init);
    }) as typeof fetch;
    const telegram = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, apiRoot: fake.url, fetch: fetchWithTimes });
    app.outbox.register("telegram", telegram.sender);
    const concurrency = option("concurrency");
    const runner = createBroadcastRunner(app, { rate, progressEveryMs: 5000, ...(concurrency ? { concurrency } : {}) });

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const commitsBefore = app.storage.stats.commits;
    const job = await app.storage.unit(() =>
      app.services.broadcasts.createAnnouncement(
        { content: { text: "Sở Khoa học và Công nghệ thông báo: hội nghị tập huấn về Giải thưởng Chất lượng Quốc gia năm 2026 tổ chức ngày 05/12/2026.", attachment: null }, segment: { kind: "all" }, createdBy: { channel: "telegram", id: OFFICIAL }, scheduledAt: null },
        new Date(),
      ),
    );
    const started = performance.now();
    loop.enable();
    runner.start();
    await runner.idle();
    loop.disable();
    clearInterval(sampler);
    const listMs = (sendTimes[0] ?? performance.now()) - started;
    const commits = app.storage.stats.commits - commitsBefore;
    await runner.stop();

    const summary = await app.storage.repos.deliveries.summary(job.id);
    if (!summary) throw new Error(`${job.id} was never listed`);
    // The JSON backend's record of the job: its own append-only file.
    const fileBytes = app.storage.backend === "json" ? (await stat(path.join(dir, "deliveries", `${job.id}.jsonl`))).size : 0;
    const stats = await fake.stats();
    const span = (sendTimes[sendTimes.length - 1]! - sendTimes[0]!) / 1000;
    const achieved = (sendTimes.length - 1) / span;
    return {
      count,
      rate,
      concurrency: runner.concurrency,
      achievedPerSecond: Math.round(achieved * 10) / 10,
      ofLimit: Math.round((achieved / rate) * 1000) / 10,
      seconds: Math.round(span * 10) / 10,
      listMs: Math.round(listMs),
      // The official gets a progress message and a report; recipients must get one message each.
      duplicates: stats.repeated.filter(([chat]) => chat !== OFFICIAL).reduce((n, [, times]) => n + times - 1, 0),
      sent: summary.counts.sent,
      unsettled: summary.waiting + summary.inFlight,
      commitsPerSend: Math.round((commits / Math.max(1, summary.counts.sent)) * 100) / 100,
      deliveryFileBytes: fileBytes,
      bytesPerRecipient: Math.round(fileBytes / count),
      eventLoopP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
      eventLoopMaxMs: Math.round(loop.max / 1e5) / 10,
      peakRssMb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024),
    };
  } finally {
    await app.close();
    fake.child.disconnect();
    await rm(dir, { recursive: true, force: true });
  }
}

function print(r: Result): void {
  console.log(
    [
      `broadcast: ${r.count.toLocaleString("en")} recipients at a limit of ${r.rate}/s (${r.concurrency} sends in flight at most), API latency ${LATENCY[0]}–${LATENCY[1]} ms`,
      `  achieved ${r.achievedPerSecond} messages/s = ${r.ofLimit}% of the limit over ${r.seconds} s; recipients listed in ${r.listMs} ms`,
      `  sent ${r.sent}, unsettled ${r.unsettled}, duplicates ${r.duplicates}`,
      `  store: ${r.commitsPerSend} commits per send; delivery file ${(r.deliveryFileBytes / 1024 / 1024).toFixed(1)} MB (${r.bytesPerRecipient} B per recipient)`,
      `  event loop delay p99 ${r.eventLoopP99Ms} ms, max ${r.eventLoopMaxMs} ms; peak RSS ${r.peakRssMb} MB`,
    ].join("\n"),
  );
}

const results: Result[] = [];
const count = option("count");
const rate = option("rate");
if (count !== undefined || rate !== undefined) {
  results.push(await run(count ?? 20_000, rate ?? 25));
  print(results[0]!);
} else {
  // At the default limit 20,000 sends take ~13 minutes: a shorter run shows the pacing there,
  // and the full 20,000 run at 200/s shows what the runner sustains.
  for (const [n, r] of [
    [1000, 25],
    [20_000, 200],
  ] as const) {
    const result = await run(n, r);
    results.push(result);
    print(result);
  }
}
if (json) console.log(JSON.stringify(results.length === 1 ? results[0] : results));
