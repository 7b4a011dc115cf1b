/**
 * `npm run bench:load`: end-to-end throughput and latency through the Telegram channel (grammY
 * handleUpdate, a fake Bot API at the network edge answering at once, the real store on a temp
 * DATA_DIR). 1,000 simulated users: 70 % ask questions, 30 % register (with wrong answers and an
 * edit from the summary). On an empty and on a large store, with the real store and with a naive
 * baseline (every collection in one lowdb file, written after every update). Each case runs in its
 * own process so memory figures do not mix. Prints figures; asserts nothing. `--json` ends with one line.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, type App } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import type { DialogState } from "../src/core/feature.js";
import { memoryLogger } from "../src/core/log.js";
import { LARGE, fillStore } from "./lib/large-store.js";
import { argValue, round, wantsJson } from "./lib/measure.js";
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
}

const PACE: Record<Pace, Omit<LoadOptions, "deadlineMs">> = {
  // A little over 1,000 updates/s offered: each user pauses ~0.9 s (0.45–1.35 s) between messages.
  paced: { users: 1000, thinkMs: 900, spreadMs: 1000, repeat: true },
  // Everyone at once, no pause: the most the process can do.
  burst: { users: 1000, thinkMs: 0, spreadMs: 0 },
};

async function appOn(dir: string, kind: StoreKind): Promise<App> {
  const parsed = parseConfig({ DATA_DIR: dir, LOG_LEVEL: "error", STORE: kind, ...(kind === "postgres" ? { DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "" } : {}) });
  if (!parsed.ok) throw new Error(parsed.error);
  return createApp({ config: parsed.config, log: memoryLogger() });
}

/** A registration half done, taken from a real conversation, so stored forms have the real size. */
async function halfDoneForm(): Promise<DialogState> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-form-"));
  const app = await appOn(dir, "json");
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

/** Writes the large store into `dir` (run in its own process, so its memory is not counted later). */
async function prepare(dir: string, kind: StoreKind): Promise<void> {
  const form = await halfDoneForm();
  const filler = await appOn(dir, kind);
  await fillStore(filler, LARGE, form, new Date());
  await filler.close();
}

/** One case, in this process, on a DATA_DIR prepared beforehand (or empty). */
async function runCase(c: Case, dir: string): Promise<LoadFigures & { openSeconds: number }> {
  try {
    const t = performance.now();
    const app = await appOn(dir, c.store);
    const openSeconds = round((performance.now() - t) / 1000, 2);
    // Paced runs last 30 s of steady load; a burst runs every script once.
    const figures = await runLoad(app, { ...PACE[c.pace], deadlineMs: c.pace === "paced" ? 30_000 : 300_000 });
    await app.close();
    return { ...figures, openSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const CASES: Case[] = [
  { store: "json", size: "empty", pace: "paced" },
  { store: "json", size: "large", pace: "paced" },
  { store: "json", size: "large", pace: "burst" },
];

async function main(): Promise<void> {
  const dirArg = argValue("--dir");
  const prepareKind = argValue("--prepare");
  if (prepareKind && dirArg) return prepare(dirArg, prepareKind as StoreKind);
  const one = argValue("--case");
  if (one && dirArg) {
    const [store, size, pace] = one.split("-") as [StoreKind, Size, Pace];
    process.stdout.write(`${JSON.stringify(await runCase({ store, size, pace }, dirArg))}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  // Each case runs with the Node flags of `npm start` (the heap budget shapes peak RSS; see README).
  const child = (args: string[]) => execFileSync(process.execPath, [...startNodeFlags(), self, ...args], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] });
  const only = one ? CASES.filter((c) => `${c.store}-${c.size}-${c.pace}` === one) : CASES;
  const results: Record<string, LoadFigures> = {};
  for (const c of only) {
    const name = `${c.store}-${c.size}-${c.pace}`;
    const dir = await mkdtemp(path.join(tmpdir(), `nscl-bench-${c.store}-`));
    try {
      if (c.size === "large") {
        process.stderr.write(`preparing a large ${c.store} store…\n`);
        child(["--prepare", c.store, "--dir", dir]);
      }
      process.stderr.write(`running ${name}…\n`);
      results[name] = JSON.parse(child(["--case", name, "--dir", dir]).trim().split("\n").pop()!) as LoadFigures;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const rows = Object.entries(results).map(([name, r]) =>
    [name, r.updates, r.updatesPerSecond, r.p50Ms, r.p99Ms, r.maxMs, r.stallMaxMs, r.peakRssMb, r.bytesPerUpdate, `${r.registrationsCompleted}/${r.registrationsStarted}`].join("\t"),
  );
  console.log(["case", "updates", "updates/s", "p50 ms", "p99 ms", "max ms", "stall ms", "RSS MB", "bytes/update", "registered"].join("\t"));
  console.log(rows.join("\n"));
  const ratio = null;
  console.log(`machine: ${(await import("node:os")).cpus().length} cores, Node ${process.version}`);
  if (wantsJson()) console.log(JSON.stringify({ bench: "load", results, ratio }));
}

await main();
