import type { Update } from "grammy/types";
import type { App } from "../../src/app.js";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { monitorRun, percentile, round, sleep } from "./measure.js";
import { BOT_INFO, callbackUpdate, textUpdate } from "./telegram-updates.js";
import { scriptFor, type Step } from "./workload.js";

interface Sent {
  text: string;
  buttons: { text: string; callback_data: string }[];
}

/** The Bot API at grammY's network edge, answering at once; keeps what each chat was last sent. */
function instantBotApi() {
  const lastTo = new Map<number, Sent[]>();
  let calls = 0;
  const fetch = async (url: string | URL, init?: { body?: unknown }): Promise<Response> => {
    calls++;
    const method = String(url).split("/").pop() ?? "";
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const chat = Number(payload.chat_id ?? 0);
    if (method === "sendMessage") {
      const keyboard = (payload.reply_markup as { inline_keyboard?: Sent["buttons"][] } | undefined)?.inline_keyboard ?? [];
      const list = lastTo.get(chat) ?? [];
      list.push({ text: String(payload.text ?? ""), buttons: keyboard.flat() });
      lastTo.set(chat, list);
    }
    const result = method === "sendMessage" ? { message_id: calls, date: 1_790_000_000, chat: { id: chat, type: "private" } } : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };
  return { fetch: fetch as unknown as typeof globalThis.fetch, take: (chat: number) => lastTo.get(chat)?.splice(0) ?? [] };
}

export interface LoadOptions {
  users: number;
  /** Mean pause between a reply and the user's next message (0 = as fast as possible). */
  thinkMs: number;
  /** Users start at random moments within this window. */
  spreadMs: number;
  /** No new message is sent after this (the naive baseline would otherwise run for hours). */
  deadlineMs: number;
  /** Keep each user slot busy with new people until the deadline (a steady load), instead of one script each. */
  repeat?: boolean;
  /** Scripts run before measuring, so start-up compilation is not counted as latency. */
  warmupUsers?: number;
  /** Chat ids start here (two instances on one database drive different people). */
  chatBase?: number;
}

export interface LoadFigures {
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  stallMaxMs: number;
  peakRssMb: number;
  bytesPerUpdate: number;
  registrationsCompleted: number;
  registrationsStarted: number;
  scriptErrors: number;
  /** Processor time of this process (user + system) per update, in ms: what one update costs the instance. */
  cpuMsPerUpdate: number;
}

/**
 * Drives `users` simulated people through grammY's `handleUpdate` (the whole Telegram channel and
 * core, real store), each running its script step by step and waiting for the reply before the next.
 */
export async function runLoad(app: App, options: LoadOptions): Promise<LoadFigures> {
  const api = instantBotApi();
  const { bot } = createTelegramChannel(app, { token: "123456789:AAbenchmarkTokenForLoadRuns_abcdef", botInfo: BOT_INFO, fetch: api.fetch });
  let latencies: number[] = [];
  let completed = 0;
  let started = 0;
  let errors = 0;
  let deadline = Number.POSITIVE_INFINITY;
  const think = (ms: number) => (ms > 0 ? sleep(ms * (0.5 + Math.random())) : new Promise<void>((r) => setImmediate(r)));

  /** One person (a new chat id) running one script; resolves when done or past the deadline. */
  const runPerson = async (u: number, chat: number, thinkMs: number) => {
    const script = scriptFor(u, chat);
    if (script.kind === "registration") started++;
    // Only the buttons and whether a tracking code came are kept while the person "thinks": the
    // replies' text would otherwise live ~1 s in the harness and be counted in the bot's memory.
    let buttons: Sent["buttons"] = [];
    let confirmed = false;
    for (const step of script.steps as Step[]) {
      if (performance.now() > deadline) return;
      let update: Update;
      if ("say" in step) update = textUpdate(chat, step.say);
      else {
        const button = buttons.find((b) => b.text.includes(step.press));
        if (!button) {
          errors++;
          return;
        }
        update = callbackUpdate(chat, button.callback_data);
      }
      const a = performance.now();
      await bot.handleUpdate(update);
      latencies.push(performance.now() - a);
      const replies = api.take(chat);
      buttons = replies.flatMap((m) => m.buttons);
      confirmed = replies.some((m) => /GT-\d{4}-\d{4}/.test(toPlainText(m.text)));
      await think(thinkMs);
    }
    if (script.kind === "registration" && confirmed) completed++;
  };

  const base = options.chatBase ?? 0;
  await Promise.all(Array.from({ length: options.warmupUsers ?? 50 }, (_, u) => runPerson(u, base + 6_000_000 + u, 0)));
  latencies = [];
  completed = started = errors = 0;
  const bytesBefore = app.storage.stats.bytesWritten;
  const monitor = monitorRun();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  deadline = t0 + options.deadlineMs;
  const slot = async (u: number) => {
    if (options.spreadMs > 0) await sleep(Math.random() * options.spreadMs);
    for (let round = 0; ; round++) {
      await runPerson(u, base + 7_000_000 + round * options.users + u, options.thinkMs);
      if (!options.repeat || performance.now() > deadline) return;
    }
  };
  await Promise.all(Array.from({ length: options.users }, (_, u) => slot(u)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const { stallMaxMs, peakRssMb } = monitor.stop();
  latencies.sort((a, b) => a - b);
  return {
    updates: latencies.length,
    seconds: round(seconds, 2),
    updatesPerSecond: round(latencies.length / seconds, 0),
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    maxMs: round(percentile(latencies, 1)),
    stallMaxMs,
    peakRssMb,
    bytesPerUpdate: round((app.storage.stats.bytesWritten - bytesBefore) / Math.max(1, latencies.length), 0),
    registrationsCompleted: completed,
    registrationsStarted: started,
    scriptErrors: errors,
    cpuMsPerUpdate: round((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length), 3),
  };
}
