/**
 * `npm run bench:desk-web`: the officials' web desk's dossier list at 5,000 dossiers, over HTTP on
 * this machine — the server's time for each page (its Server-Timing header: from the request to
 * the page written, session and role checks included) and the time at the client, p50 and p95
 * over many filters, on JSON and (`--postgres`, or by
 * default when PostgreSQL is installed) on a throwaway PostgreSQL cluster; and the page weight of
 * the list (HTML + CSS + JS). Prints figures; asserts nothing.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import { STATUSES } from "../src/domain/statuses.js";
import { startBot } from "../src/main.js";
import { submissionDraft } from "./lib/large-store.js";
import { createTestDatabase, startTestCluster } from "./lib/postgres-cluster.js";

const COUNT = 5000;
const ROUNDS = 15;
const ADMIN = "7770001";

/** The lists an official asks for: every filter of the page, alone and together, a search, sorts and pages. */
const QUERIES = [
  "",
  "?programme=gtclqg",
  "?programme=gtclqg&year=2026&status=open",
  "?programme=gtclqg&year=2026&status=needs-supplement",
  "?programme=nscl&status=eligible",
  "?sector=production&size=small",
  "?commune=phuong+42",
  "?stalled=1",
  "?programme=gtclqg&stalled=1&sort=changed&dir=desc",
  "?q=so+4217",
  "?q=san+xuat+thuong+mai",
  "?sort=name&dir=desc&page=20",
  "?programme=gtclqg&year=2026&page=60",
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function measure(backend: "json" | "postgres", env: Record<string, string>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-desk-web-"));
  const parsed = parseConfig({ DATA_DIR: dir, WEB_PORT: "0", OFFICIAL_TELEGRAM_IDS: ADMIN, STALLED_AFTER_DAYS: "14", ...env });
  if (!parsed.ok) throw new Error(parsed.error);
  const bot = await startBot(parsed.config, memoryLogger());
  try {
    const { app } = bot;
    const now = new Date();
    for (let from = 0; from < COUNT; from += 500) {
      await app.storage.unit(async () => {
        for (let i = from; i < Math.min(COUNT, from + 500); i++) {
          const programme = i % 4 === 0 ? "nscl" : "gtclqg";
          // Registered over the last two months; two in three moved on since.
          const made = await app.services.submissions.create({ ...submissionDraft(i), documents: [] }, new Date(now.getTime() - (i % 60) * 86_400_000));
          const statuses = STATUSES[programme];
          if (made.ok && i % 3) await app.services.submissions.changeStatus(made.submission.code, statuses[i % statuses.length]!.id, { kind: "official", userKey: "telegram:777" }, new Date(now.getTime() - (i % 40) * 86_400_000), null);
        }
      });
    }
    // Signed in as a browser would be: a link from the service, used once.
    const { token } = await app.services.deskAuth.issueLink(`telegram:${ADMIN}`, now);
    const signed = await app.services.deskAuth.redeem(token, now);
    if (!signed.ok) throw new Error(signed.reason);
    const cookie = `nscl_desk=${signed.session}`;
    const base = bot.webUrl.replace(/\/$/, "");
    /** The server's own time for the page (its Server-Timing header), and the page's bytes. */
    let serverMs = 0;
    const fetchPage = async (q: string) => {
      const res = await fetch(`${base}/desk/dossiers${q}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
      serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN);
      return body.byteLength;
    };
    // Warm up (the first request reads indexes, compiles).
    for (const q of QUERIES) await fetchPage(q);
    const all: number[] = [];
    const client: number[] = [];
    // CPU time of this process (server and client) per request: less at the mercy of other work on the machine than wall time.
    const cpuBefore = process.cpuUsage();
    const per = new Map<string, number[]>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of QUERIES) {
        const t = performance.now();
        await fetchPage(q);
        client.push(performance.now() - t);
        all.push(serverMs);
        per.set(q, [...(per.get(q) ?? []), serverMs]);
      }
    }
    const cpu = process.cpuUsage(cpuBefore);
    all.sort((a, b) => a - b);
    client.sort((a, b) => a - b);
    console.log(`\n${backend}: dossier list at ${COUNT} dossiers, ${all.length} requests over ${QUERIES.length} filter sets`);
    console.log(`  server time (Server-Timing): p50 ${round(percentile(all, 0.5))} ms, p95 ${round(percentile(all, 0.95))} ms, max ${round(all[all.length - 1]!)} ms`);
    console.log(`  at the client (loopback, same process): p50 ${round(percentile(client, 0.5))} ms, p95 ${round(percentile(client, 0.95))} ms`);
    console.log(`  CPU of this process (server + client) per request: ${round((cpu.user + cpu.system) / 1000 / all.length)} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
    for (const [q, times] of per) {
      times.sort((a, b) => a - b);
      console.log(`  ${(q || "(no filter)").padEnd(56)} p50 ${String(round(percentile(times, 0.5))).padStart(6)} ms   p95 ${String(round(percentile(times, 0.95))).padStart(6)} ms`);
    }
    if (backend === "json") {
      const html = await fetchPage("");
      const css = (await (await fetch(`${base}/desk/assets/desk.css`)).arrayBuffer()).byteLength;
      const js = (await (await fetch(`${base}/desk/assets/desk.js`)).arrayBuffer()).byteLength;
      console.log(`page weight of the list (50 rows of ${COUNT}): HTML ${(html / 1024).toFixed(1)} KB + CSS ${(css / 1024).toFixed(1)} KB + JS ${(js / 1024).toFixed(1)} KB = ${((html + css + js) / 1024).toFixed(1)} KB, uncompressed; no other request`);
    }
  } finally {
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await measure("json", {});
  const wantPostgres = process.argv.includes("--postgres") || (!process.argv.includes("--json-only") && existsSync("/usr/lib/postgresql"));
  if (!wantPostgres) return;
  const cluster = await startTestCluster();
  try {
    const url = await createTestDatabase(cluster.info, { name: "desk_web" });
    await measure("postgres", { STORE: "postgres", DATABASE_URL: url });
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
