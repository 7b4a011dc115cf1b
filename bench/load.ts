/**
 * `npm run bench:load`: end-to-end throughput and latency through the Telegram channel (grammY
 * handleUpdate, a fake Bot API at the network edge answering at once) on each storage backend:
 * the JSON files on a temp DATA_DIR, and PostgreSQL (a throwaway cluster this benchmark starts,
 * with PostgreSQL's durable defaults: fsync and synchronous commit on). 1,000 simulated users per
 * instance: 70 % ask questions, 30 % register (with wrong answers and an edit from the summary).
 * On an empty and on a large store (5,000 submissions, 25,000 subscribers, 25,000 unfinished
 * forms); on PostgreSQL with one instance and with two instances (two processes on one database,
 * each driving its own 1,000 users). Each instance runs in its own process with the Node flags of
 * `npm start`, so memory figures do not mix. Prints figures; asserts nothing. `--json` ends with one
 * line; `--case NAME` runs one case; `--postgres-only` / `--json-only` pick a backend; with
 * DATABASE_SYNCHRONOUS_COMMIT=off in the environment the PostgreSQL instances do not wait for the disk at commit;
 * BENCH_USERS=N drives N users per instance instead of 1,000; BENCH_LOG=FILE keeps an instance's
 * warnings and errors in FILE.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createApp, type App } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import type { DialogState } from "../src/core/feature.js";
import { memoryLogger } from "../src/core/log.js";
import { LARGE, fillStore } from "./lib/large-store.js";
import { argValue, round, wantsJson } from "./lib/measure.js";
import { clusterUrl, createTestDatabase, startTestCluster, type TestClusterInfo } from "./lib/postgres-cluster.js";
import { startNodeFlags } from "./lib/start-command.js";
import { runLoad, type LoadFigures, type LoadOptions } from "./lib/telegram-driver.js";
import { registrationScript } from "./lib/workload.js";

type StoreKind = "json" | "postgres";
type Size = "empty" | "large";
type Pace = "paced" | "burst";
interface Case {
  store: StoreKind;
  size: Size;
  pace: Pace;
  instances: 1 | 2;
}

const PACE: Record<Pace, Omit<LoadOptions, "deadlineMs">> = {
  // A little over 1,000 updates/s offered per instance: each user pauses ~0.9 s (0.45–1.35 s) between messages.
  paced: { users: 1000, thinkMs: 900, spreadMs: 1000, repeat: true },
  // Everyone at once, no pause, for 20 s: the most an instance can do.
  burst: { users: 1000, thinkMs: 0, spreadMs: 0, repeat: true },
};

const nameOf = (c: Case) => `${c.store}-${c.size}-${c.pace}${c.instances === 2 ? "-x2" : ""}`;
const run = promisify(execFile);

/** The app on a DATA_DIR (JSON) or a database (PostgreSQL), as `npm start` would open it. */
async function appOn(store: StoreKind, dir: string, databaseUrl?: string): Promise<App> {
  const parsed = parseConfig({
    DATA_DIR: dir,
    LOG_LEVEL: "error",
    STORE: store,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, INSTANCES_EXPECTED: "2", DATABASE_SYNCHRONOUS_COMMIT: process.env.DATABASE_SYNCHRONOUS_COMMIT ?? "on", DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20" } : {}),
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const log = memoryLogger();
  // BENCH_LOG=FILE: each instance writes its warnings and errors there (the last one to end wins).
  const file = process.env.BENCH_LOG;
  if (file) process.on("exit", () => writeFileSync(file, log.lines.filter((l) => / WARN | ERROR /.test(l)).join("\n")));
  return createApp({ config: parsed.config, log });
}

/** A registration half done, taken from a real conversation, so stored forms have the real size. */
async function halfDoneForm(): Promise<DialogState> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-form-"));
  const app = await appOn("json", dir);
  const user = { channel: "telegram" as const, id: "1" };
  let last = await app.conversation.handle(user, { kind: "command", name: "dangky", args: "gtclqg" });
  for (const step of registrationScript(1).slice(1, 15)) {
    if ("say" in step) last = await app.conversation.handle(user, step.say.startsWith("/") ? { kind: "command", name: step.say.slice(1), args: "" } : { kind: "text", text: step.say });
    else {
      const button = last.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label.includes(step.press));
      if (!button) throw new Error(`no button ${step.press}`);
      last = await app.conversation.handle(user, { kind: "button", data: button.data });
    }
  }
  const state = await app.storage.repos.dialogs.get("telegram:1");
  await app.close();
  await rm(dir, { recursive: true, force: true });
  if (!state) throw new Error("no form state");
  return state;
}

/** Writes the large store (run in its own process, so its memory is not counted later). */
async function prepare(store: StoreKind, dir: string, databaseUrl?: string): Promise<void> {
  const form = await halfDoneForm();
  const filler = await appOn(store, dir, databaseUrl);
  await fillStore(filler, LARGE, form, new Date());
  await filler.close();
}

/** One instance of one case, in this process. */
async function runInstance(c: Case, dir: string, instance: number, databaseUrl?: string): Promise<LoadFigures & { openSeconds: number }> {
  const t = performance.now();
  const app = await appOn(c.store, dir, databaseUrl);
  const openSeconds = round((performance.now() - t) / 1000, 2);
  // Paced runs last 30 s of steady load, bursts 20 s.
  // BENCH_USERS: another number of users per instance (to see latency at other loads).
  const users = process.env.BENCH_USERS ? Number(process.env.BENCH_USERS) : PACE[c.pace].users;
  const figures = await runLoad(app, { ...PACE[c.pace], users, deadlineMs: c.pace === "paced" ? 30_000 : 20_000, chatBase: instance * 100_000_000 });
  await app.close();
  return { ...figures, openSeconds };
}

const CASES: Case[] = [
  { store: "json", size: "empty", pace: "paced", instances: 1 },
  { store: "json", size: "large", pace: "paced", instances: 1 },
  { store: "json", size: "large", pace: "burst", instances: 1 },
  { store: "postgres", size: "empty", pace: "paced", instances: 1 },
  { store: "postgres", size: "large", pace: "paced", instances: 1 },
  { store: "postgres", size: "large", pace: "burst", instances: 1 },
  { store: "postgres", size: "large", pace: "paced", instances: 2 },
  { store: "postgres", size: "large", pace: "burst", instances: 2 },
];

/** Two instances together: updates add up; latency and stall are the worse of the two; RSS per instance. */
function combine(parts: LoadFigures[]): LoadFigures {
  const sum = (k: keyof LoadFigures) => parts.reduce((n, p) => n + (p[k] as number), 0);
  const max = (k: keyof LoadFigures) => Math.max(...parts.map((p) => p[k] as number));
  return {
    updates: sum("updates"),
    seconds: max("seconds"),
    updatesPerSecond: sum("updatesPerSecond"),
    p50Ms: max("p50Ms"),
    p99Ms: max("p99Ms"),
    maxMs: max("maxMs"),
    stallMaxMs: max("stallMaxMs"),
    peakRssMb: max("peakRssMb"),
    bytesPerUpdate: 0,
    registrationsCompleted: sum("registrationsCompleted"),
    registrationsStarted: sum("registrationsStarted"),
    scriptErrors: sum("scriptErrors"),
    cpuMsPerUpdate: round(parts.reduce((n, p) => n + p.cpuMsPerUpdate * p.updates, 0) / Math.max(1, sum("updates")), 3),
  };
}

async function main(): Promise<void> {
  const dirArg = argValue("--dir");
  const store = argValue("--store") as StoreKind | undefined;
  const databaseUrl = argValue("--database-url");
  if (argValue("--prepare") && dirArg && store) return prepare(store, dirArg, databaseUrl);
  const one = argValue("--case");
  const instance = Number(argValue("--instance") ?? 0);
  if (one && dirArg && argValue("--instance") !== undefined) {
    const c = CASES.find((x) => nameOf(x) === one);
    if (!c) throw new Error(`no case ${one}`);
    process.stdout.write(`${JSON.stringify(await runInstance(c, dirArg, instance, databaseUrl))}\n`);
    return;
  }

  const self = fileURLToPath(import.meta.url);
  // Each instance runs with the Node flags of `npm start` (the heap budget shapes peak RSS; see README).
  const child = async (args: string[]) => (await run(process.execPath, [...startNodeFlags(), self, ...args], { encoding: "utf8", maxBuffer: 1 << 20 })).stdout;
  const only = CASES.filter((c) => (one ? nameOf(c) === one : true) && !(process.argv.includes("--postgres-only") && c.store !== "postgres") && !(process.argv.includes("--json-only") && c.store !== "json"));
  let cluster: Awaited<ReturnType<typeof startTestCluster>> | null = null;
  let largeTemplate: string | null = null;
  const results: Record<string, LoadFigures & { perInstance?: LoadFigures[] }> = {};
  try {
    for (const c of only) {
      const name = nameOf(c);
      const dirs = [await mkdtemp(path.join(tmpdir(), "nscl-bench-")), await mkdtemp(path.join(tmpdir(), "nscl-bench-"))];
      let url: string | undefined;
      try {
        if (c.store === "postgres") {
          cluster ??= await startTestCluster({ durable: true, sharedBuffers: "256MB" });
          const info: TestClusterInfo = cluster.info;
          if (c.size === "large" && !largeTemplate) {
            process.stderr.write("preparing a large PostgreSQL database…\n");
            largeTemplate = "bench_large";
            await createTestDatabase(info, { name: largeTemplate });
            await child(["--prepare", "1", "--store", "postgres", "--dir", dirs[0]!, "--database-url", clusterUrl(info, largeTemplate)]);
          }
          const db = `bench_${name.replace(/-/g, "_")}`;
          await createTestDatabase(info, { name: db, ...(c.size === "large" ? { template: largeTemplate! } : {}) });
          url = clusterUrl(info, db);
        } else if (c.size === "large") {
          process.stderr.write("preparing a large JSON store…\n");
          await child(["--prepare", "1", "--store", "json", "--dir", dirs[0]!]);
        }
        process.stderr.write(`running ${name}…\n`);
        const parts = await Promise.all(
          Array.from({ length: c.instances }, (_, i) =>
            child(["--case", name, "--instance", String(i), "--dir", dirs[i]!, ...(url ? ["--database-url", url] : [])]).then((out) => JSON.parse(out.trim().split("\n").pop()!) as LoadFigures),
          ),
        );
        results[name] = c.instances === 1 ? parts[0]! : { ...combine(parts), perInstance: parts };
      } finally {
        await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
      }
    }
  } finally {
    await cluster?.stop();
  }
  const rows = Object.entries(results).map(([name, r]) =>
    [name, r.updates, r.updatesPerSecond, r.p50Ms, r.p99Ms, r.maxMs, r.stallMaxMs, r.peakRssMb, r.bytesPerUpdate, r.cpuMsPerUpdate, `${r.registrationsCompleted}/${r.registrationsStarted}`, r.scriptErrors].join("\t"),
  );
  console.log(["case", "updates", "updates/s", "p50 ms", "p99 ms", "max ms", "stall ms", "RSS MB", "bytes/update", "CPU ms/update", "registered", "errors"].join("\t"));
  console.log(rows.join("\n"));
  const one1 = results["postgres-large-burst"];
  const two = results["postgres-large-burst-x2"];
  const ratio = one1 && two ? { twoInstances: round(two.updatesPerSecond / one1.updatesPerSecond, 2) } : null;
  if (ratio) console.log(`PostgreSQL, large, as fast as it goes: two instances do ${ratio.twoInstances}× the updates/s of one (target ≥ 1.7×)`);
  console.log(`machine: ${cpus().length} cores, Node ${process.version}; PostgreSQL on the same machine (fsync on)`);
  if (wantsJson()) console.log(JSON.stringify({ bench: "load", results, ratio }));
}

await main();
